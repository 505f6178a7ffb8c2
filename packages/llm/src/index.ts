export const packageName = 'llm'
