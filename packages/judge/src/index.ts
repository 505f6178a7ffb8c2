export const packageName = 'judge'
