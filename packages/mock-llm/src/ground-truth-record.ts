/** Fields every ground-truth line has. */
interface GroundTruthBase {
  schema: 'voxguard.mock-ground-truth'
  version: 1
  /** Also sent to the client as `x-request-id` (OpenAI/Azure) or `x-amzn-requestid` (Bedrock). */
  requestId: string
  target: string
  /** Wire format of the request: `openai`, `azure` or `bedrock`. */
  protocol: 'openai' | 'azure' | 'bedrock'
  /** ISO 8601 time the fault was decided. */
  at: string
  /** Milliseconds since the server started (the outage timeline's clock). */
  elapsedMs: number
}

/** A wrong fact the brain put into a reply. */
export interface HallucinationRecord extends GroundTruthBase {
  kind: 'hallucination'
  claimType: 'price' | 'hours' | 'date' | 'name' | 'policy' | 'address' | 'phone' | 'number'
  /** The true text that was replaced; null when a false claim was added instead. */
  original: string | null
  injected: string
  /** Knowledge base fact path the claim contradicts (e.g. `prices_yen.cleaning`), when known. */
  factPath?: string
  /** The whole reply as sent. */
  replyText: string
}

/** A transport fault the chaos profile injected. */
export interface TransportFaultRecord extends GroundTruthBase {
  /**
   * `error`: an error status (or, with status 200, an in-stream error or an answer stopped
   * by the content filter);
   * `hang`: accepted, never answered; `cut`: connection dropped mid-answer;
   * `outage`: inside an outage window; `rate-limit`: the enforced RPM/TPM was exceeded.
   */
  kind: 'error' | 'hang' | 'cut' | 'outage' | 'rate-limit'
  /** HTTP status sent (200 for in-stream errors, cuts and OpenAI/Bedrock content filters); absent when nothing was sent (hang, refuse). */
  status?: number
  /** Provider error type sent, e.g. `rate_limit_exceeded`, `content_filter`, `ThrottlingException`, `modelStreamErrorException`. */
  errorType?: string
  /** Outage only: the window's mode. */
  outageMode?: 503 | 500 | 429 | 'refuse' | 'hang'
  /** Whether the request asked for a stream. */
  stream: boolean
}

/** One line of the ground-truth log (JSONL), one per injected fault. */
export type GroundTruthRecord = HallucinationRecord | TransportFaultRecord
