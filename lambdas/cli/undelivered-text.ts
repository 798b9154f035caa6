import type { AlertEvent } from '../core/alerts/alert-event.js';
import { endpointLabel } from '../core/alerts/describe-event.js';
import { cleanText } from '../core/alerts/sanitize.js';
import type { OutboxItem } from '../core/ports.js';

/** A sink owes nothing more for an event it delivered, or that its removal withdrew. */
const SETTLED: ReadonlySet<string> = new Set(['delivered', 'withdrawn']);

/** What an alert is about, as a person recognises it: "CRITICAL new_unauthenticated http://127.0.55.10:11434". */
export function alertSubject(e: AlertEvent): string {
  return `${e.severity.toUpperCase()} ${e.type.replace(/^endpoint\./, '')} ${endpointLabel(e)}`;
}

/** The sinks that still owe `item`, each with why: its last error, or that it has not been tried yet. */
export function owingSinks(item: Pick<OutboxItem, 'deliveries'>): { sink: string; why: string }[] {
  return Object.entries(item.deliveries)
    .filter(([, d]) => !SETTLED.has(d.status))
    .map(([sink, d]) => ({ sink, why: d.error ? cleanText(d.error, 160) : d.status === 'sending' ? 'being sent' : 'not sent yet' }));
}

/**
 * One undelivered alert as a person acts on it: what it is about, which sinks still owe it and
 * why, then its id (what a receiver sees). "CRITICAL new_unauthenticated http://127.0.55.10:11434
 * -> webhook-6c4497b0: POST http://127.0.55.1:8096/… failed: connect ECONNREFUSED … (alert c655…)"
 */
export function undeliveredLine(item: Pick<OutboxItem, 'event' | 'deliveries'>): string {
  const owing = owingSinks(item);
  const to = owing.length ? ` -> ${owing.map((o) => `${o.sink}: ${o.why}`).join('; ')}` : '';
  return `${alertSubject(item.event)}${to} (alert ${item.event.id})`;
}
