import { packageName } from '@voxguard/llm'
console.log('resolved', packageName)
