import type { Reason } from './verdict.ts'

/**
 * One line for a reason: `code: message`, without saying the code twice when the message
 * already starts with it (system reasons quote the failure: `socket_dropped: closed without…`).
 * @example formatReason({ code: 'socket_dropped', message: 'socket_dropped: closed without a close frame', … }) // 'socket_dropped: closed without a close frame'
 */
export function formatReason(reason: Pick<Reason, 'code' | 'message'>): string {
  return reason.message.startsWith(`${reason.code}:`) ? reason.message : `${reason.code}: ${reason.message}`
}
