import type { AlertEvent, Severity } from './alert-event.js';
import { advisoriesLine, allowsText, authText, endpointLabel, inventorySummary } from './describe-event.js';
import { cleanText } from './sanitize.js';
import { type CellStyle, formatTable, type TableOptions } from './text-table.js';

const SEVERITY_STYLES: Readonly<Record<Severity, CellStyle>> = { critical: 'boldRed', high: 'red', medium: 'yellow', low: 'cyan', info: 'dim' };

/**
 * A readable table of events for the terminal; untrusted text is cleaned. On a terminal the CLI
 * passes its width and whether to colour (the severity cell, by severity).
 */
export function renderTerminalTable(events: readonly AlertEvent[], options: Pick<TableOptions, 'width' | 'color'> = {}): string {
  if (events.length === 0) return 'no alerts';
  const routed = events.some((e) => e.route !== undefined && e.route !== 'default');
  const headers = ['SEVERITY', 'EVENT', 'ENDPOINT', 'SERVICE', 'AUTH', 'VERSION', ...(routed ? ['ROUTE'] : []), 'EVIDENCE'];
  const rows = events.map((e) => [
    e.severity.toUpperCase(),
    e.type.replace(/^endpoint\./, ''),
    endpointLabel(e),
    cleanText(e.endpoint?.service ?? '-', 24),
    e.endpoint ? authText(e) : '-',
    cleanText(e.endpoint?.version ?? '-', 20),
    ...(routed ? [cleanText(e.route ?? 'default', 20)] : []),
    cleanText(e.evidence, 70),
  ]);
  const table = formatTable(headers, rows, {
    width: options.width,
    color: options.color,
    // The evidence gives way first, then the other free text; severity, event, endpoint and auth stay whole.
    shrink: ['EVIDENCE', 'VERSION', 'SERVICE', 'ROUTE'].map((h) => headers.indexOf(h)).filter((i) => i >= 0),
    style: (row, column) => (column === 0 ? SEVERITY_STYLES[events[row]?.severity ?? 'info'] : undefined),
  });
  const notes = renderTerminalNotes(events);
  return notes ? `${table}\n\n${notes}` : table;
}

/**
 * Under the table, per endpoint with something to say: why its severity, its known advisories
 * (count and worst), what it lists without credentials and how to fix it (one fix per product:
 * the same product's fix is not repeated).
 */
export function renderTerminalNotes(events: readonly AlertEvent[]): string {
  const lines: string[] = [];
  const fixed = new Set<string>();
  for (const e of events) {
    if (!e.inventory && !e.remediation && !e.severityReason && !e.advisories) continue;
    const service = cleanText(e.endpoint?.service ?? '-', 40);
    lines.push(`${endpointLabel(e)} ${service}`);
    if (e.severityReason) lines.push(`  ${e.severity}: ${cleanText(e.severityReason, 200)}`);
    if (e.advisories) lines.push(`  ${advisoriesLine(e)}`);
    if (e.inventory) lines.push(`  lists: ${cleanText(inventorySummary(e.inventory, 8), 300)}`);
    if (e.remediation && !fixed.has(service)) {
      fixed.add(service);
      lines.push(`  lets anyone: ${allowsText(e.remediation.allows)}`, `  fix: ${cleanText(e.remediation.fix, 400)}`, `  settings: ${cleanText(e.remediation.settings.join(', '), 200)}`, `  docs: ${cleanText(e.remediation.docs, 200)}`);
    } else if (e.remediation) lines.push(`  fix: as for ${service} above`);
  }
  return lines.join('\n');
}
