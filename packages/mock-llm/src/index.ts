export const packageName = 'mock-llm'
