import type { Verdict } from '@voxguard/judge'

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[character]!)
}

/** JUnit XML for CI: one test case per call, a failure per failed call with its reasons. */
export function renderJunit(verdicts: Verdict[], suiteName: string): string {
  const failures = verdicts.filter((verdict) => verdict.outcome === 'fail').length
  const cases = verdicts.map((verdict) => {
    const name = `${escapeXml(verdict.scriptId)} (${escapeXml(verdict.callId)})`
    if (verdict.outcome === 'pass') return `    <testcase classname="${escapeXml(suiteName)}" name="${name}"/>`
    const message = verdict.reasons.map((reason) => `${reason.code}: ${reason.message}`).join('\n')
    const type = `${verdict.factor ?? 'unknown'}:${verdict.reasons[0]?.code ?? 'unknown'}`
    return `    <testcase classname="${escapeXml(suiteName)}" name="${name}">\n      <failure type="${escapeXml(type)}" message="${escapeXml(verdict.reasons[0]?.message ?? 'failed')}">${escapeXml(message)}</failure>\n    </testcase>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="voxguard" tests="${verdicts.length}" failures="${failures}">`,
    `  <testsuite name="${escapeXml(suiteName)}" tests="${verdicts.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}
