/**
 * The report page (Eta template: `<%= %>` escapes, `<%~ %>` inserts the page's own markup and
 * numbers only). Self-contained: inline CSS and SVG, no script, font, image or stylesheet from
 * anywhere, so it opens offline and can be mailed.
 */
export const REPORT_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>AI exposure report <%= it.generatedAt.slice(0, 10) %></title>
<style>
  :root { --fg: #1d2433; --muted: #5b6475; --line: #d9dde5; --crit: #b3261e; --high: #d9480f; --med: #b7791f; --low: #2b6cb0; --info: #5b6475; --ok: #2f855a; }
  * { box-sizing: border-box; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0 auto; max-width: 1180px; padding: 24px; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
  .muted { color: var(--muted); } .small { font-size: 12px; }
  .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin-top: 16px; }
  .figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
  .figure .value { font-size: 26px; font-weight: 650; } .figure .label { color: var(--muted); font-size: 12px; }
  .sev { display: inline-block; min-width: 64px; text-align: center; border-radius: 4px; color: #fff; font-size: 11px; font-weight: 650; padding: 1px 6px; text-transform: uppercase; }
  .sev-critical { background: var(--crit); } .sev-high { background: var(--high); } .sev-medium { background: var(--med); } .sev-low { background: var(--low); } .sev-info { background: var(--info); }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
  th { font-size: 12px; color: var(--muted); font-weight: 600; }
  td code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
  .bar { background: #eef1f6; border-radius: 3px; height: 10px; width: 160px; } .bar > span { display: block; height: 10px; border-radius: 3px; background: var(--high); }
  .two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
  details summary { cursor: pointer; color: var(--muted); font-size: 12px; }
  .fix { font-size: 12px; margin-top: 4px; } .accepted { color: var(--ok); font-size: 12px; }
  svg text { font-size: 11px; fill: var(--muted); }
  @media (max-width: 800px) { .two { grid-template-columns: 1fr; } }
  @media print { body { max-width: none; padding: 0; } details { display: block; } details > *:not(summary) { display: block; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<header>
  <h1>AI exposure report</h1>
  <div class="muted">Generated <%= it.generatedAt.slice(0, 16).replace('T', ' ') %> UTC<% if (it.since) { %> · history since <%= it.since.slice(0, 10) %><% } %> · <%= it.figures.knownTotal %> known AI endpoint<%= it.figures.knownTotal === 1 ? '' : 's' %></div>
</header>

<section class="figures" aria-label="headline figures">
  <div class="figure"><div class="value" data-figure="open"><%= it.figures.openTotal %></div><div class="label">open without credentials now<% if (it.figures.openAccepted) { %> (<%= it.figures.openAccepted %> accepted)<% } %></div></div>
  <% for (const s of ['critical', 'high', 'medium', 'low']) { %>
  <div class="figure"><div class="value" data-figure="open-<%= s %>"><%= it.figures.openBySeverity[s] %></div><div class="label"><span class="sev sev-<%= s %>"><%= s %></span></div></div>
  <% } %>
  <div class="figure"><div class="value" data-figure="new-week"><%= it.figures.newThisWeek %></div><div class="label">new exposures in the last 7 days</div></div>
  <div class="figure"><div class="value" data-figure="fixed-week"><%= it.figures.fixedThisWeek %></div><div class="label">fixed in the last 7 days</div></div>
  <div class="figure"><div class="value" data-figure="mttf"><%= it.mttf %></div><div class="label">mean time to fix<% if (it.figures.fixesMeasured) { %> (<%= it.figures.fixesMeasured %> fix<%= it.figures.fixesMeasured === 1 ? '' : 'es' %>)<% } %></div></div>
</section>

<h2>Open endpoints per run</h2>
<% if (it.chart) { %>
<svg role="img" aria-label="open endpoints per run" width="<%= it.chart.width %>" height="<%= it.chart.height %>" viewBox="0 0 <%= it.chart.width %> <%= it.chart.height %>" style="max-width:100%;height:auto">
  <% for (const t of it.chart.yTicks) { %><line x1="40" x2="<%= it.chart.width - 16 %>" y1="<%= t.y %>" y2="<%= t.y %>" stroke="#eef1f6"/><text x="34" y="<%= t.y + 4 %>" text-anchor="end"><%= t.label %></text><% } %>
  <% for (const t of it.chart.xTicks) { %><text x="<%= t.x %>" y="<%= it.chart.height - 8 %>" text-anchor="middle"><%= t.label %></text><% } %>
  <path d="<%= it.chart.knownPath %>" fill="none" stroke="#9aa3b5" stroke-width="1.5" stroke-dasharray="4 3"/>
  <path d="<%= it.chart.openPath %>" fill="none" stroke="#d9480f" stroke-width="2.2"/>
  <% for (const p of it.chart.points) { %><circle cx="<%= p.x %>" cy="<%= p.y %>" r="3.2" fill="<%= p.complete ? '#d9480f' : '#fff' %>" stroke="#d9480f"><title><%= p.label %><%= p.complete ? '' : ' (incomplete run)' %></title></circle><% } %>
</svg>
<div class="small muted">Solid: open without credentials at the end of each run. Dashed: all known AI endpoints. Hollow points: incomplete runs.</div>
<% } else { %><p class="muted">No finished runs yet.</p><% } %>

<div class="two">
<section><h2>By product</h2>
<table><thead><tr><th>product</th><th>open</th><th>known</th><th></th></tr></thead><tbody>
<% for (const g of it.byProduct) { %><tr><td><%= g.name %></td><td><%= g.open %></td><td><%= g.total %></td><td><div class="bar"><span style="width:<%= it.barWidth(g.open) %>%"></span></div></td></tr><% } %>
</tbody></table></section>
<section><h2>By owner</h2>
<table><thead><tr><th>owner, route or range</th><th>open</th><th>known</th><th></th></tr></thead><tbody>
<% for (const g of it.byOwner) { %><tr><td><%= g.name %></td><td><%= g.open %></td><td><%= g.total %></td><td><div class="bar"><span style="width:<%= it.barWidth(g.open) %>%"></span></div></td></tr><% } %>
</tbody></table></section>
</div>

<h2>Endpoints, worst first</h2>
<table id="endpoints"><thead><tr><th>severity</th><th>endpoint</th><th>product</th><th>auth</th><th>version</th><th>advisories</th><th>first seen</th><th>last seen</th><th>owner / route</th><th>what to do</th></tr></thead><tbody>
<% for (const e of it.endpoints) { %>
<tr class="endpoint" data-key="<%= e.key %>">
  <td><span class="sev sev-<%= e.severity %>"><%= e.severity %></span><% if (e.status === 'gone') { %><div class="small muted">gone</div><% } %></td>
  <td><code><%= e.url %></code><div class="small muted"><%= e.range %><% if (e.label) { %> · <%= e.label %><% } %></div></td>
  <td><%= e.product %><% if (e.lists) { %><div class="small muted">lists <%= e.lists %></div><% } %></td>
  <td><%= e.auth %></td>
  <td><code><%= e.version %></code></td>
  <td class="small"><%= e.advisories.join(', ') || '-' %></td>
  <td class="small"><%= e.firstSeen.slice(0, 16).replace('T', ' ') %></td>
  <td class="small"><%= e.lastSeen.slice(0, 16).replace('T', ' ') %></td>
  <td class="small"><%= e.owner || '-' %><div class="muted">route <%= e.route %></div></td>
  <td>
    <% if (e.accepted) { %><div class="accepted">accepted <%= e.accepted %></div><% } %>
    <% if (e.remediation) { %><div class="fix"><%= e.remediation.fix %> <a href="<%= it.docsUrl(e.remediation.docs) %>">docs</a><div class="muted">lets anyone <%= it.allows(e.remediation.allows) %></div></div><% } else if (!e.accepted) { %><span class="muted small">-</span><% } %>
    <details><summary>history (<%= e.history.length %>) and evidence</summary>
      <div class="small mono"><%= e.evidence %></div>
      <table><% for (const h of e.history) { %><tr><td class="small"><%= h.at.slice(0, 16).replace('T', ' ') %></td><td><span class="sev sev-<%= h.severity %>"><%= h.severity %></span></td><td class="small"><%= h.type %></td><td class="small"><%= h.evidence %></td></tr><% } %></table>
    </details>
  </td>
</tr>
<% } %>
</tbody></table>
<% if (it.endpoints.length === 0) { %><p class="muted">No AI endpoints known.</p><% } %>

<h2>Last runs</h2>
<table id="runs"><thead><tr><th>run</th><th>started</th><th>coverage</th><th>blocks</th><th>duration</th><th>open at end</th></tr></thead><tbody>
<% for (const r of it.runs) { %><tr><td><code><%= r.runId %></code></td><td class="small"><%= r.startedAt.slice(0, 16).replace('T', ' ') %></td><td><%= r.status %></td><td><%= r.blocksDone %> / <%= r.blocksTotal %></td><td><%= r.durationSeconds === null ? '-' : r.durationSeconds + ' s' %></td><td><%= r.unauthenticated === null ? '-' : r.unauthenticated %></td></tr><% } %>
</tbody></table>
<footer class="small muted" style="margin-top:24px">ai-exposure-monitor · every value from scanned hosts is untrusted text, shown escaped</footer>
</body>
</html>
`;
