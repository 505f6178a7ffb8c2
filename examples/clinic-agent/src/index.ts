export { startClinicAgent, DEFAULT_CONFIG_FILE } from './start-clinic-agent.ts'
export type { ClinicAgent, StartClinicAgentOptions } from './start-clinic-agent.ts'
