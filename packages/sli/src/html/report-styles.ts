/** The report's stylesheet (inlined: the file needs no network). */
export const REPORT_STYLES = `
:root { color-scheme: light; --ink:#1d2330; --muted:#667085; --line:#e4e7ec; --bg:#f6f7f9; --ok:#12805c; --bad:#c4320a; --warn:#b54708; --accent:#2f6fdf; }
* { box-sizing: border-box; }
body { margin:0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif; color:var(--ink); background:var(--bg); }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 32px 0 10px; } h4 { margin: 12px 0 4px; font-size: 13px; }
.muted { color: var(--muted); } code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background:#eef1f5; padding:1px 4px; border-radius:3px; }
header.run { border-bottom:1px solid var(--line); padding-bottom:14px; } header.run .meta { margin-top:4px; }
.verdict { display:inline-block; font-weight:700; padding:8px 14px; border-radius:6px; color:#fff; margin-top:12px; } .verdict.ok { background:var(--ok); } .verdict.not-ok { background:var(--bad); }
.cards { display:grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap:12px; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px 14px; border-top:4px solid var(--line); }
.card.met { border-top-color: var(--ok); } .card.broken { border-top-color: var(--bad); } .card.no_data { border-top-color: var(--warn); }
.card .name { font-size:12px; color:var(--muted); } .card .value { font-size:26px; font-weight:700; margin:2px 0; }
.card .target { font-size:12px; } .card .budget-left { font-size:12px; margin-top:4px; } .status { font-weight:700; } .status.met { color:var(--ok); } .status.broken { color:var(--bad); } .status.no_data { color:var(--warn); }
.budget { height:8px; background:#eef1f5; border-radius:4px; overflow:hidden; margin-top:8px; } .budget span { display:block; height:100%; background:var(--ok); } .budget span.low { background:var(--bad); }
.panels { display:grid; grid-template-columns: 1fr 1fr; gap:16px; } .panel { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px; overflow-x:auto; }
svg.chart text { font: 11px system-ui, sans-serif; fill: var(--muted); } svg.chart .count { fill: var(--ink); font-weight:600; } svg.chart .label { fill: var(--ink); } svg.chart .grid { stroke: var(--line); } svg.chart .axis { fill: var(--ink); } svg.chart .marker { stroke: var(--bad); stroke-dasharray: 4 3; stroke-width: 1.5; } svg.chart .marker-label { fill: var(--bad); font-weight: 600; }
table { border-collapse: collapse; width:100%; background:#fff; } th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; } th { font-size:12px; color:var(--muted); font-weight:600; background:#fafbfc; }
td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; } tr.bad td.rate { color: var(--bad); font-weight:700; }
.badge { display:inline-block; font-size:11px; font-weight:700; padding:1px 7px; border-radius:10px; background:#eef1f5; color:var(--ink); text-transform:uppercase; letter-spacing:.02em; }
.badge.system { background:#fde8e1; color:#9a2a08; } .badge.dialogue { background:#e8eefc; color:#1d4fb8; } .badge.both { background:#f3e8fd; color:#6b21a8; }
.badge.contradicted { background:#fde8e1; color:#9a2a08; } .badge.unsupported { background:#fff4e0; color:#8a4b00; }
details.call { background:#fff; border:1px solid var(--line); border-radius:8px; padding:10px 14px; margin:12px 0; } details.call summary { cursor:pointer; font-size:15px; }
ul.reasons, ul.system { margin:8px 0; padding-left:18px; } li.reason { margin:4px 0; }
dl.evidence { display:grid; grid-template-columns:max-content 1fr; gap:0 10px; margin:4px 0 0; font-size:12px; color:var(--muted); } dl.evidence dd { margin:0; color:var(--ink); word-break:break-word; }
table.transcript td.turn { width:28px; color:var(--muted); } table.transcript td.timing { width:120px; font-size:12px; white-space:nowrap; } table.transcript td.kb-cell { width:250px; font-size:12px; }
tr.hallucinated td { background:#fffaf5; }
mark.claim { padding:0 2px; border-radius:3px; } mark.claim.contradicted { background:#ffd5c7; box-shadow: inset 0 -2px 0 var(--bad); } mark.claim.unsupported { background:#ffe8b3; box-shadow: inset 0 -2px 0 var(--warn); }
.kb { margin-bottom:6px; } .definitions dt { font-weight:600; } .definitions dd { margin:0 0 6px; color:var(--muted); }
@media (max-width: 900px) { .panels { grid-template-columns: 1fr; } }
@media print { body { background:#fff; } details.call { break-inside: avoid; } }
`
