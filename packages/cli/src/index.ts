export const packageName = 'cli'
