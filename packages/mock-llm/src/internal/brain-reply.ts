import type { ChatToolCall } from './chat-request.ts'

/** A hallucination the brain injected into a reply (one replaced or added claim). */
export interface InjectedHallucination {
  claimType: 'price' | 'hours' | 'date' | 'name' | 'policy' | 'address' | 'phone' | 'number'
  /** The true text that was replaced, or null when a false claim was added. */
  original: string | null
  /** The false text that replaced it (or was added). */
  injected: string
  /** The knowledge base fact it contradicts (`prices_yen.cleaning`), when known. */
  factPath?: string | undefined
}

/** What the brain answers: text, or a tool call. */
export type BrainReply =
  | { kind: 'text'; text: string; hallucination?: InjectedHallucination | undefined }
  | { kind: 'tool-call'; call: ChatToolCall }
