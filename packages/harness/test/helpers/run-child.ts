// Child process for the killed-run test: runs slow calls one at a time until killed.
import { runCalls } from '@voxguard/harness'

const [agentUrl, outDir, ...scripts] = process.argv.slice(2)
await runCalls({ scripts, agentUrl: agentUrl!, outDir: outDir!, concurrency: 2, endGraceMs: 0 })
