import type { AlertEvent } from './alert-event.js';
import { advisoriesLine, allowsText, authText, EVENT_TITLES, endpointLabel, inventorySummary } from './describe-event.js';
import { cleanText } from './sanitize.js';

/** SNS email subjects must be under 100 characters, printable ASCII, no line breaks. */
const SUBJECT_LIMIT = 99;

export interface EmailMessage {
  readonly subject: string;
  readonly body: string;
}

/** One event as a plain-text email (SNS email subscriptions render plain text only). */
export function renderEmail(event: AlertEvent): EmailMessage {
  const where = endpointLabel(event);
  const service = event.endpoint ? ` ${cleanText(event.endpoint.service, 30)}` : '';
  const subject = `[${event.severity.toUpperCase()}] ${EVENT_TITLES[event.type]}:${service} ${where}`
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, SUBJECT_LIMIT);
  const lines = [`${EVENT_TITLES[event.type]}`, ''];
  if (event.endpoint) {
    const e = event.endpoint;
    lines.push(
      `Endpoint:  ${where}`,
      `Service:   ${cleanText(e.service, 40)}`,
      `Auth:      ${authText(event)}`,
      `Version:   ${cleanText(e.version ?? 'unknown', 40)}`,
      `Range:     ${e.range}${e.label ? ` (${cleanText(e.label, 60)})` : ''}`,
    );
  }
  lines.push(`Severity:  ${event.severity}${event.severityReason ? ` (${cleanText(event.severityReason, 160)})` : ''}`);
  if (event.advisories) lines.push(`Known:     ${advisoriesLine(event)}`);
  if (event.route) lines.push(`Route:     ${cleanText(event.route, 40)}`);
  lines.push(`Evidence:  ${cleanText(event.evidence, 300)}`);
  if (event.inventory) lines.push(`Lists:     ${cleanText(inventorySummary(event.inventory), 600)} (without credentials)`);
  if (event.remediation) {
    const r = event.remediation;
    lines.push('', `Open access lets anyone ${allowsText(r.allows)}.`, `How to fix: ${cleanText(r.fix, 400)}`, `Settings:  ${cleanText(r.settings.join(', '), 300)}`, `Docs:      ${cleanText(r.docs, 300)}`);
  }
  lines.push('', `Run ${event.runId}, event ${event.id}, at ${event.at}`);
  return { subject, body: lines.join('\n') };
}
