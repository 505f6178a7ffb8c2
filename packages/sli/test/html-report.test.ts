import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import puppeteer, { type Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRunReport, parseSloFile, writeRunReports } from '@voxguard/sli'
import { sampleRun } from './helpers/sample-run.ts'
import { systemBinary } from '@voxguard/harness/testing'

const chromium = systemBinary('chromium', 'chromium')
const slo = parseSloFile(`version: 2
window: { runs: 14 }
objectives:
  - sli: call_success_ratio
    atLeast: 0.9
  - sli: availability_ratio
    atLeast: 0.5
  - sli: turn_first_byte_p95_ms
    atMost: 2500
`)

describe.skipIf(!chromium)('the HTML report in headless Chromium', () => {
  let browser: Browser
  let directory = ''
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-html-'))
    browser = await puppeteer.launch({ executablePath: chromium!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  }, 30_000)
  afterAll(async () => {
    await browser?.close()
    if (directory && !process.env['VOXGUARD_KEEP_TEST_FILES']) await rm(directory, { recursive: true, force: true })
  })

  it('renders with no console error and no network request; headline numbers, budget and the flagged claim beside its knowledge entry; screenshot saved with the reports', async () => {
    const report = buildRunReport({ ...(await sampleRun()), slo })
    const reports = join(directory, 'run')
    await writeRunReports(reports, report)
    const page = await browser.newPage()
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`))
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url())
    })
    await page.setViewport({ width: 1280, height: 900 })
    await page.goto(pathToFileURL(join(reports, 'report.html')).href, { waitUntil: 'load' })

    const headline = await page.$$eval('.card', (cards) => cards.map((card) => [card.getAttribute('data-sli'), card.querySelector('.value')?.textContent, card.querySelector('.status')?.textContent, card.querySelector('.budget-left')?.textContent]))
    expect(headline).toEqual([
      ['call_success_ratio', '50.0%', 'broken', expect.stringContaining('budget overspent by 400%') as unknown as string],
      ['availability_ratio', '66.7%', 'met', expect.stringContaining('budget left 33%') as unknown as string],
      ['turn_first_byte_p95_ms', '2300 ms', 'met', expect.stringContaining('budget left 100%') as unknown as string],
    ])
    expect(await page.$eval('#verdict', (element) => element.textContent)).toBe('NOT OK: call_success_ratio')

    // The contradicted price is marked in the reply, next to the knowledge-base entry that contradicts it.
    const flagged = await page.$$eval('details.call[data-call="prices#2"] tr.hallucinated', (rows) =>
      rows.map((row) => ({ mark: row.querySelector('mark.claim.contradicted')?.textContent, reply: row.children[2]?.textContent, knowledge: row.querySelector('.kb-cell')?.textContent })),
    )
    expect(flagged).toEqual([{ mark: '3,000 yen', reply: 'A cleaning is 3,000 yen.', knowledge: expect.stringContaining('facts.prices_yen.cleaning: 5000') as unknown as string }])
    // A system failure shows its evidence: the close code and the transport failure.
    const system = await page.$eval('details.call[data-call="address#1"] ul.system', (list) => list.textContent)
    expect(system).toContain('socket closed with code 1011')
    expect(system).toContain('socket_dropped')
    // The per-script table and a chart were drawn.
    expect(await page.$eval('table.groups tr[data-group="prices"] td.rate', (cell) => cell.textContent)).toBe('50.0%')
    expect(await page.$$eval('svg.chart rect', (rects) => rects.length)).toBeGreaterThan(5)

    const screenshot = join(reports, 'report.png')
    await page.screenshot({ path: screenshot as `${string}.png`, fullPage: true })
    expect((await stat(screenshot)).size).toBeGreaterThan(20_000)
    await page.close()
    expect(problems).toEqual([])
    expect(requests).toEqual([])
  }, 30_000)
})
