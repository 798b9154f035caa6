import { type AlertEvent, type AlertType, SEVERITY_RANK } from './alert-event.js';
import { allowsText, authText, EVENT_TITLES, endpointLabel, eventsShown, inventorySummary } from './describe-event.js';
import type { EmailMessage } from './render-email.js';
import type { SlackMessage } from './render-slack.js';
import { cleanText, escapeSlack, slackCode } from './sanitize.js';

/**
 * One cycle's events as a digest: counts first, then the new and worsened endpoints, then the
 * rest, worst first. Slack and email have size limits; a long digest is split into numbered parts,
 * never cut: every event appears in exactly one part.
 */

/** Slack allows 50 blocks per message; two are the heading and the part counter. */
export const SLACK_EVENTS_PER_MESSAGE = 45;
/** SNS messages may be 256 KB; email parts stay well under it. */
export const EMAIL_BYTES_PER_PART = 200_000;
const SUBJECT_LIMIT = 99;

const TYPE_ORDER: readonly AlertType[] = [
  'endpoint.new_unauthenticated',
  'endpoint.auth_regressed',
  'endpoint.inventory_changed',
  'endpoint.version_changed',
  'run.incomplete',
  'endpoint.new_authenticated',
  'endpoint.fixed',
  'endpoint.gone',
  'target.unresolved',
];

const SHORT: Readonly<Record<AlertType, string>> = {
  'endpoint.new_unauthenticated': 'new unauthenticated',
  'endpoint.auth_regressed': 'lost authentication',
  'endpoint.version_changed': 'version changed',
  'endpoint.inventory_changed': 'listing changed',
  'run.incomplete': 'run incomplete',
  'endpoint.new_authenticated': 'new with authentication',
  'endpoint.fixed': 'fixed',
  'endpoint.gone': 'gone',
  'target.unresolved': 'name unresolved',
};

export interface DigestContext {
  readonly runId: string;
  /** Events of this run already sent on their own (critical ones): counted, not repeated. */
  readonly sentSeparately?: number;
  /**
   * When the caller already split the digest (one call per message, so a failed part is retried
   * alone): this part's number, the number of parts, the index of its first event and the counts
   * line of the whole digest.
   */
  readonly part?: { readonly index: number; readonly of: number; readonly firstEvent: number; readonly totalEvents: number; readonly counts: string };
  /** A link to the run's report (a short-lived presigned URL on AWS), when one was written. */
  readonly reportUrl?: string;
  /** How long `reportUrl` works, when it expires (presigned). */
  readonly reportValidHours?: number;
}

/** Groups, in order: new and worsened; changes of open endpoints; the run; news that needs nothing. */
const GROUP: Readonly<Record<AlertType, number>> = {
  'endpoint.new_unauthenticated': 0,
  'endpoint.auth_regressed': 0,
  'endpoint.inventory_changed': 1,
  'endpoint.version_changed': 1,
  'run.incomplete': 2,
  'endpoint.new_authenticated': 3,
  'endpoint.fixed': 4,
  'endpoint.gone': 4,
  'target.unresolved': 2,
};

/** " (link valid for up to 12 h)" when the link expires. */
export function validFor(ctx: Pick<DigestContext, 'reportValidHours'>): string {
  return ctx.reportValidHours ? ` (link valid for up to ${ctx.reportValidHours} h)` : '';
}

/** New and worsened first, worst severity first within each group, then by type and endpoint. */
export function orderForDigest(events: readonly AlertEvent[]): AlertEvent[] {
  return [...events].sort(
    (a, b) =>
      GROUP[a.type] - GROUP[b.type] ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      endpointLabel(a).localeCompare(endpointLabel(b), 'en', { numeric: true }),
  );
}

export function digestCounts(events: readonly AlertEvent[]): string {
  const counts = new Map<AlertType, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return TYPE_ORDER.filter((t) => counts.has(t))
    .map((t) => `${counts.get(t)} ${SHORT[t]}`)
    .join(', ');
}

function slackLine(e: AlertEvent): string {
  const ep = e.endpoint;
  const auth = authText(e, '→');
  const what = ep ? `${slackCode(endpointLabel(e))} ${slackCode(ep.service, 40)} auth ${slackCode(auth)} version ${slackCode(ep.version ?? 'unknown', 40)}` : '';
  const cves = e.vulnerabilities?.length ? ` known: ${slackCode(e.vulnerabilities.map((v) => v.id).join(', '), 120)}` : '';
  const route = e.route ? ` route ${slackCode(e.route, 40)}` : '';
  const lists = e.inventory ? `\nlists ${slackCode(inventorySummary(e.inventory, 5), 300)}` : '';
  const fix = e.remediation ? `\nfix: ${escapeSlack(e.remediation.fix, 300)} ${slackCode(e.remediation.settings.join(', '), 160)}` : '';
  const why = e.severityReason ? ` (${escapeSlack(e.severityReason, 160)})` : '';
  return `*${e.severity.toUpperCase()}*${why} ${EVENT_TITLES[e.type]} ${what}${cves}${route}\n${slackCode(e.evidence, 300)}${lists}${fix}`;
}

/** The digest as Slack messages (Block Kit), split every `SLACK_EVENTS_PER_MESSAGE` events. */
export function renderSlackDigest(events: readonly AlertEvent[], ctx: DigestContext): SlackMessage[] {
  const ordered = orderForDigest(events);
  const split = ctx.part === undefined;
  const parts = split ? Math.max(1, Math.ceil(ordered.length / SLACK_EVENTS_PER_MESSAGE)) : 1;
  const total = ctx.part?.totalEvents ?? ordered.length;
  const separately = ctx.sentSeparately ? `; ${ctx.sentSeparately === 1 ? '1 critical alert sent on its own' : `${ctx.sentSeparately} critical alerts sent on their own`}` : '';
  const heading = `AI exposure monitor, run ${escapeSlack(ctx.runId)}: ${ctx.part?.counts ?? digestCounts(ordered)}${separately}`;
  const messages: SlackMessage[] = [];
  for (let p = 0; p < parts; p++) {
    const slice = split ? ordered.slice(p * SLACK_EVENTS_PER_MESSAGE, (p + 1) * SLACK_EVENTS_PER_MESSAGE) : ordered;
    const index = ctx.part?.index ?? p + 1;
    const of = ctx.part?.of ?? parts;
    const first = ctx.part?.firstEvent ?? p * SLACK_EVENTS_PER_MESSAGE + 1;
    const partLabel = of > 1 ? ` (part ${index} of ${of})` : '';
    messages.push({
      text: `${heading}${partLabel}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*${heading}*${partLabel}${ctx.reportUrl && /^https:\/\/[^\s|<>]+$/.test(ctx.reportUrl) ? `\n<${ctx.reportUrl}|Open the report>${validFor(ctx)}` : ''}` } },
        ...slice.map((e) => ({ type: 'section', text: { type: 'mrkdwn', text: slackLine(e) } })),
        { type: 'context', elements: [{ type: 'mrkdwn', text: eventsShown(first, slice.length, total) }] },
      ],
    });
  }
  return messages;
}

function emailLine(e: AlertEvent): string {
  const ep = e.endpoint;
  const lines = [`[${e.severity.toUpperCase()}] ${EVENT_TITLES[e.type]}${e.severityReason ? ` (${cleanText(e.severityReason, 160)})` : ''}`];
  if (ep) {
    const auth = authText(e);
    lines.push(`  ${endpointLabel(e)}  ${cleanText(ep.service, 40)}  auth ${auth}  version ${cleanText(ep.version ?? 'unknown', 40)}  range ${ep.range}${ep.label ? ` (${cleanText(ep.label, 60)})` : ''}`);
  }
  if (e.vulnerabilities?.length) lines.push(`  known vulnerabilities: ${e.vulnerabilities.map((v) => `${v.id} (${v.severity})`).join(', ')}`);
  if (e.route) lines.push(`  route: ${cleanText(e.route, 40)}`);
  lines.push(`  evidence: ${cleanText(e.evidence, 300)}`);
  if (e.inventory) lines.push(`  lists without credentials: ${cleanText(inventorySummary(e.inventory, 5), 300)}`);
  if (e.remediation) {
    lines.push(`  open access lets anyone: ${allowsText(e.remediation.allows)}`, `  how to fix: ${cleanText(e.remediation.fix, 400)}`, `  settings: ${cleanText(e.remediation.settings.join(', '), 300)}  docs: ${cleanText(e.remediation.docs, 300)}`);
  }
  lines.push(`  event id: ${e.id}`);
  return lines.join('\n');
}

/** The digest as plain-text emails (SNS), split when a part would exceed `EMAIL_BYTES_PER_PART`. */
export function renderEmailDigest(events: readonly AlertEvent[], ctx: DigestContext): EmailMessage[] {
  const ordered = orderForDigest(events);
  const counts = ctx.part?.counts ?? digestCounts(ordered);
  const separately = ctx.sentSeparately ? `\n${ctx.sentSeparately === 1 ? '1 critical alert of this run was sent on its own.' : `${ctx.sentSeparately} critical alerts of this run were sent on their own.`}` : '';
  const report = ctx.reportUrl ? `\nReport${validFor(ctx)}: ${ctx.reportUrl}` : '';
  const header = `AI exposure monitor, run ${ctx.runId}\n${counts}${separately}${report}\n`;
  const chunks: string[][] = [[]];
  let size = header.length;
  for (const e of ordered) {
    const text = emailLine(e);
    const current = chunks[chunks.length - 1] as string[];
    if (current.length > 0 && size + text.length + 2 > EMAIL_BYTES_PER_PART) {
      chunks.push([]);
      size = header.length;
    }
    (chunks[chunks.length - 1] as string[]).push(text);
    size += Buffer.byteLength(text) + 2;
  }
  const worst = ordered.reduce((w, e) => (SEVERITY_RANK[e.severity] > SEVERITY_RANK[w] ? e.severity : w), 'info' as AlertEvent['severity']);
  return chunks.map((chunk, i) => {
    const index = ctx.part?.index ?? i + 1;
    const of = ctx.part?.of ?? chunks.length;
    const suffix = of > 1 ? ` (part ${index} of ${of})` : '';
    const subject = `[${worst.toUpperCase()}] AI exposure digest: ${counts}`.replace(/[^\x20-\x7e]/g, '');
    return {
      subject: subject.length + suffix.length > SUBJECT_LIMIT ? `${subject.slice(0, SUBJECT_LIMIT - suffix.length - 3)}...${suffix}` : `${subject}${suffix}`,
      body: `${header}${suffix ? `Part ${index} of ${of}.\n` : ''}\n${chunk.join('\n\n')}\n`,
    };
  });
}
