import type { AlertEvent } from './alert-event.js';
import { endpointLabel } from './describe-event.js';
import { cleanText } from './sanitize.js';
import { formatTable } from './text-table.js';

/** A readable table of events for the terminal; untrusted text is cleaned. */
export function renderTerminalTable(events: readonly AlertEvent[]): string {
  if (events.length === 0) return 'no alerts';
  const rows = events.map((e) => [
    e.severity.toUpperCase(),
    e.type.replace(/^endpoint\./, ''),
    endpointLabel(e),
    cleanText(e.endpoint?.service ?? '-', 24),
    e.endpoint ? (e.previous && e.previous.auth !== e.endpoint.auth ? `${e.previous.auth} -> ${e.endpoint.auth}` : e.endpoint.auth) : '-',
    cleanText(e.endpoint?.version ?? '-', 20),
    cleanText(e.evidence, 70),
  ]);
  return formatTable(['SEVERITY', 'EVENT', 'ENDPOINT', 'SERVICE', 'AUTH', 'VERSION', 'EVIDENCE'], rows);
}
