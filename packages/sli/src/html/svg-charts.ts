import { escapeHtml } from './escape-html.ts'

export interface Bar {
  label: string
  value: number
  /** CSS color; default the accent blue. */
  color?: string
  /** Tooltip text. */
  title?: string
}

/**
 * A vertical bar chart as inline SVG (no script, no network): one bar per entry, labels
 * under the bars, the count above each non-empty bar.
 */
export function verticalBarChart(bars: readonly Bar[], options: { title: string; xLabel: string; width?: number; height?: number; marker?: { afterIndex: number; label: string } }): string {
  const width = options.width ?? 560
  const height = options.height ?? 220
  const left = 36
  const bottom = 62
  const top = 16
  const plotWidth = width - left - 8
  const plotHeight = height - top - bottom
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const step = plotWidth / Math.max(1, bars.length)
  const barWidth = Math.max(2, step * 0.78)
  const ticks = [0, Math.ceil(max / 2), max].filter((value, index, all) => all.indexOf(value) === index)
  const parts = [`<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`, `<title>${escapeHtml(options.title)}</title>`]
  for (const tick of ticks) {
    const y = top + plotHeight - (tick / max) * plotHeight
    parts.push(`<line x1="${left}" x2="${width - 8}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="tick">${tick}</text>`)
  }
  bars.forEach((bar, index) => {
    const barHeight = (bar.value / max) * plotHeight
    const x = left + index * step + (step - barWidth) / 2
    const y = top + plotHeight - barHeight
    parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}" rx="2" fill="${bar.color ?? '#2f6fdf'}"><title>${escapeHtml(bar.title ?? `${bar.label}: ${bar.value}`)}</title></rect>`)
    if (bar.value > 0) parts.push(`<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" class="count">${bar.value}</text>`)
    parts.push(`<text x="${(x + barWidth / 2).toFixed(1)}" y="${top + plotHeight + 14}" text-anchor="end" transform="rotate(-40 ${(x + barWidth / 2).toFixed(1)} ${top + plotHeight + 14})" class="tick">${escapeHtml(bar.label)}</text>`)
  })
  if (options.marker) {
    const x = left + (options.marker.afterIndex + 1) * step
    const rightSide = x < width - 200
    parts.push(`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${top - 4}" y2="${top + plotHeight}" class="marker"/><text x="${(rightSide ? x + 4 : x - 4).toFixed(1)}" y="${top + 6}" text-anchor="${rightSide ? 'start' : 'end'}" class="marker-label">${escapeHtml(options.marker.label)}</text>`)
  }
  parts.push(`<text x="${left + plotWidth / 2}" y="${height - 2}" text-anchor="middle" class="axis">${escapeHtml(options.xLabel)}</text>`, '</svg>')
  return parts.join('')
}

/** Horizontal bars with their labels on the left: for counts by category. */
export function horizontalBarChart(bars: readonly Bar[], options: { title: string; width?: number }): string {
  const width = options.width ?? 560
  const rowHeight = 24
  const labelWidth = 230
  const height = Math.max(1, bars.length) * rowHeight + 8
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const plotWidth = width - labelWidth - 40
  const parts = [`<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`, `<title>${escapeHtml(options.title)}</title>`]
  bars.forEach((bar, index) => {
    const y = 4 + index * rowHeight
    const barWidth = Math.max(1, (bar.value / max) * plotWidth)
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${escapeHtml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth.toFixed(1)}" height="${rowHeight - 8}" rx="2" fill="${bar.color ?? '#2f6fdf'}"><title>${escapeHtml(bar.title ?? `${bar.label}: ${bar.value}`)}</title></rect>`,
      `<text x="${(labelWidth + barWidth + 6).toFixed(1)}" y="${y + 15}" class="count">${bar.value}</text>`,
    )
  })
  parts.push('</svg>')
  return parts.join('')
}
