export const packageName = 'harness'
