import { formatReason } from '@voxguard/judge'
import type { RunReport } from '../build-run-report.ts'
import { formatObjective, formatSliValue } from './format-values.ts'

/** Characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF): dropped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu

/** Text safe inside XML attributes and elements. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[character]!)
}

const attribute = (text: string) => escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
const seconds = (ms: number) => (ms / 1000).toFixed(3)

interface TestCase {
  classname: string
  name: string
  timeMs: number
  failure?: { type: string; message: string; body: string }
  error?: { type: string; message: string; body: string }
}

function renderCase(testCase: TestCase): string {
  const open = `    <testcase classname="${attribute(testCase.classname)}" name="${attribute(testCase.name)}" time="${seconds(testCase.timeMs)}"`
  const problem = testCase.failure ? ['failure', testCase.failure] as const : testCase.error ? ['error', testCase.error] as const : undefined
  if (!problem) return `${open}/>`
  const [tag, detail] = problem
  return `${open}>\n      <${tag} type="${attribute(detail.type)}" message="${attribute(detail.message)}">${escapeXml(detail.body)}</${tag}>\n    </testcase>`
}

function renderSuite(name: string, cases: TestCase[], timestamp?: string): string {
  const failures = cases.filter((testCase) => testCase.failure).length
  const errors = cases.filter((testCase) => testCase.error).length
  const time = cases.reduce((sum, testCase) => sum + testCase.timeMs, 0)
  const stamp = timestamp ? ` timestamp="${attribute(timestamp.replace(/\.\d+Z$/, '').replace(/Z$/, ''))}"` : ''
  return [`  <testsuite name="${attribute(name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(time)}"${stamp}>`, ...cases.map(renderCase), '  </testsuite>'].join('\n')
}

/**
 * JUnit XML for CI reporters: suite `calls` (one test case per call, named by script id and
 * repeat so the same test has the same name every night; `time` is the call's duration;
 * a failed call's failure carries factor, code and evidence), suite `objectives` (one per
 * objective: broken or without data is a failure) and suite `inputs` (invalid scripts and
 * calls recorded but not judged, or judged but not recorded, as errors). Control characters
 * are dropped so `xmllint` accepts the file.
 */
export function renderJunit(report: RunReport): string {
  const calls: TestCase[] = report.calls.map(({ record, verdict }) => {
    const testCase: TestCase = { classname: `voxguard.${record.scriptId}`, name: `${record.scriptId} #${record.repeat}`, timeMs: record.durationMs }
    if (verdict.outcome === 'fail') {
      const first = verdict.reasons[0]
      const body = verdict.reasons
        .map((reason) => {
          const evidence = Object.entries(reason.evidence).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' ')
          return `[${reason.factor}] ${reason.code}${reason.turn !== undefined ? ` (turn ${reason.turn})` : ''}: ${reason.message}${evidence ? `\n  evidence: ${evidence}` : ''}`
        })
        .join('\n')
      testCase.failure = { type: `${verdict.factor ?? 'unknown'}:${first?.code ?? 'unknown'}`, message: `${verdict.factor ?? 'unknown'} ${first ? formatReason(first) : 'failed'}`, body: `call ${record.callId}\n${body}` }
    }
    return testCase
  })
  const objectives: TestCase[] = report.objectives.map((result) => {
    const testCase: TestCase = { classname: 'voxguard.objectives', name: `${result.name} ${formatObjective(result)}`, timeMs: 0 }
    if (result.status === 'broken' || result.status === 'no_data') {
      const message = result.status === 'no_data' ? `${result.name}: no data (nothing to measure in this run is not a pass)` : `${result.name} is ${formatSliValue(result.sli, result.actual)}, objective ${formatObjective(result)}`
      testCase.failure = { type: `objective:${result.status}`, message, body: `${message}\nbad events ${result.events.bad} of ${result.events.total}` }
    }
    return testCase
  })
  const inputs: TestCase[] = [
    ...report.scriptErrors.map((message, index) => ({ classname: 'voxguard.inputs', name: `script error ${index + 1}`, timeMs: 0, error: { type: 'invalid_script', message, body: message } })),
    ...report.orphans.recordsWithoutVerdict.map((callId) => ({ classname: 'voxguard.inputs', name: `not judged ${callId}`, timeMs: 0, error: { type: 'record_without_verdict', message: `call ${callId} was recorded but has no verdict`, body: callId } })),
    ...report.orphans.verdictsWithoutRecord.map((callId) => ({ classname: 'voxguard.inputs', name: `not recorded ${callId}`, timeMs: 0, error: { type: 'verdict_without_record', message: `call ${callId} has a verdict but no record`, body: callId } })),
  ]
  const suites = [renderSuite('calls', calls, report.run.startedAt), renderSuite('objectives', objectives)]
  if (inputs.length > 0) suites.push(renderSuite('inputs', inputs))
  const all = [...calls, ...objectives, ...inputs]
  const failures = all.filter((testCase) => testCase.failure).length
  const errors = all.filter((testCase) => testCase.error).length
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="voxguard" tests="${all.length}" failures="${failures}" errors="${errors}" time="${seconds(calls.reduce((sum, testCase) => sum + testCase.timeMs, 0))}">`, ...suites, '</testsuites>', ''].join('\n')
}
