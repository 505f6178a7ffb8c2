import type { TurnRecord } from '@voxguard/harness'
import type { ClaimCheck } from '@voxguard/judge'
import type { JudgedCall } from '../join-calls.ts'
import { escapeHtml } from './escape-html.ts'

/** The reply with each flagged claim wrapped in <mark> (searched as written, then NFKC-folded as the judge reads it). */
export function highlightClaims(reply: string, findings: readonly ClaimCheck[]): string {
  let text = reply
  if (findings.some((finding) => !reply.includes(finding.text)) && findings.every((finding) => reply.normalize('NFKC').includes(finding.text))) text = reply.normalize('NFKC')
  const spans: Array<{ start: number; end: number; finding: ClaimCheck }> = []
  for (const finding of findings) {
    const start = text.indexOf(finding.text)
    if (start === -1 || finding.text === '') continue
    const end = start + finding.text.length
    if (spans.some((span) => start < span.end && end > span.start)) continue
    spans.push({ start, end, finding })
  }
  spans.sort((left, right) => left.start - right.start)
  let html = ''
  let at = 0
  for (const span of spans) {
    html += escapeHtml(text.slice(at, span.start))
    html += `<mark class="claim ${span.finding.status}" data-claim="${escapeHtml(span.finding.text)}" title="${escapeHtml(`${span.finding.status} ${span.finding.type}`)}">${escapeHtml(text.slice(span.start, span.end))}</mark>`
    at = span.end
  }
  return html + escapeHtml(text.slice(at))
}

function callerText(turn: TurnRecord): string {
  const caller = turn.caller
  if (!caller) return turn.index === 0 ? '(call connects)' : ''
  switch (caller.kind) {
    case 'text':
      return caller.text
    case 'barge-in':
      return `${caller.text} (barges in after ${caller.afterMs} ms)`
    case 'dtmf':
      return `(keys ${caller.digits})`
    case 'silence':
      return `(silent ${caller.durationMs} ms)`
    case 'hangup':
      return '(hangs up)'
  }
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`)

function evidenceList(evidence: Record<string, unknown>): string {
  const entries = Object.entries(evidence).filter(([, value]) => value !== undefined)
  if (entries.length === 0) return ''
  const text = (key: string, value: unknown) => {
    if (key === 'knowledge' && value && typeof value === 'object') {
      const { path, value: entry } = value as { path?: string; value?: string }
      return `${path ?? '(free text)'}: ${entry ?? ''}`
    }
    return typeof value === 'string' ? value : JSON.stringify(value)
  }
  return `<dl class="evidence">${entries.map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(text(key, value))}</dd>`).join('')}</dl>`
}

/**
 * One failed call: its reasons with evidence, system facts (transport failure, close code,
 * agent events, timings), and the transcript with each hallucinated claim highlighted next
 * to the knowledge-base entry that contradicts it.
 */
export function renderFailedCall({ record, verdict }: JudgedCall): string {
  const findingsByTurn = new Map(verdict.hallucinations.map((entry) => [entry.turn, entry.findings]))
  const codes = [...new Set(verdict.reasons.map((reason) => reason.code))]
  const reasons = verdict.reasons
    .map((reason) => `<li class="reason ${reason.factor}"><span class="badge ${reason.factor}">${reason.factor}</span> <code>${escapeHtml(reason.code)}</code>${reason.turn !== undefined && !reason.message.startsWith(`turn ${reason.turn}`) ? ` <span class="muted">turn ${reason.turn}</span>` : ''} ${escapeHtml(reason.message)}${reason.consequenceOf ? ` <span class="muted">(consequence of ${escapeHtml(reason.consequenceOf.code)})</span>` : ''}${evidenceList(reason.evidence as Record<string, unknown>)}</li>`)
    .join('')
  const system: string[] = []
  if (record.failure) system.push(`<li>transport: <code>${escapeHtml(record.failure.kind)}</code> ${escapeHtml(record.failure.message)}${record.failure.turn !== undefined ? ` (turn ${record.failure.turn})` : ''} at ${ms(record.failure.atMs)}</li>`)
  if (record.transport.closeCode !== undefined) system.push(`<li>socket closed with code <code>${record.transport.closeCode}</code>${record.transport.closeReason ? ` “${escapeHtml(record.transport.closeReason)}”` : ''}</li>`)
  for (const event of record.events) system.push(`<li>agent event <code>${escapeHtml(event.name)}</code> in turn ${event.turn} at ${ms(event.atMs)}${event.data ? ` <span class="muted">${escapeHtml(JSON.stringify(event.data))}</span>` : ''}</li>`)
  system.push(`<li>ended by ${escapeHtml(record.endedBy)} after ${ms(record.durationMs)}</li>`)
  const rows = record.turns
    .map((turn) => {
      const findings = findingsByTurn.get(turn.index) ?? []
      const knowledge = findings
        .map((finding) => `<div class="kb"><span class="badge ${finding.status}">${finding.status}</span> “${escapeHtml(finding.text)}”${finding.evidence?.path ? `<br><span class="muted">knowledge base</span> <code>${escapeHtml(finding.evidence.path)}</code>: <strong>${escapeHtml(finding.evidence.value ?? '')}</strong>` : '<br><span class="muted">nothing in the knowledge base backs it</span>'}</div>`)
        .join('')
      const timing = `${ms(turn.agent.firstByteMs)} / ${ms(turn.agent.completeMs)}${turn.agent.audio?.firstMediaMs !== undefined ? `<br>audio ${ms(turn.agent.audio.firstMediaMs)}` : ''}${turn.timedOut ? '<br><strong>timed out</strong>' : ''}`
      const heard = turn.agent.audio?.heardText ? `<div class="muted">heard: ${escapeHtml(turn.agent.audio.heardText)}</div>` : ''
      return `<tr${findings.length > 0 ? ' class="hallucinated"' : ''}><td class="turn">${turn.index}</td><td>${escapeHtml(callerText(turn))}</td><td>${highlightClaims(turn.agent.text, findings)}${heard}</td><td class="kb-cell">${knowledge}</td><td class="timing">${timing}</td></tr>`
    })
    .join('')
  return `<details class="call" open data-call="${escapeHtml(record.scriptId)}#${record.repeat}">
<summary><strong>${escapeHtml(record.scriptId)} #${record.repeat}</strong> <span class="badge ${verdict.factor ?? 'none'}">${escapeHtml(verdict.factor ?? 'fail')}</span> ${codes.map((code) => `<code>${escapeHtml(code)}</code>`).join(' ')}<span class="muted"> · ${escapeHtml([record.protocol, record.language, record.title].filter(Boolean).join(' · '))}</span></summary>
<ul class="reasons">${reasons}</ul>
<h4>Transport and agent events</h4><ul class="system">${system.join('')}</ul>
<table class="transcript"><thead><tr><th>#</th><th>caller</th><th>agent</th><th>knowledge base</th><th>first byte / complete</th></tr></thead><tbody>${rows}</tbody></table>
<p class="muted">call id ${escapeHtml(record.callId)}${record.redacted ? ' · phone numbers and e-mail addresses redacted' : ''}</p>
</details>`
}
