import type { AlertEvent } from './alert-event.js';
import { advisoriesLine, authText, EVENT_TITLES, endpointLabel, eventsShown } from './describe-event.js';
import { allowsText, inventorySummary } from './describe-event.js';
import { type DigestContext, digestCounts, orderForDigest, validFor } from './render-digest.js';
import { escapeTeams } from './sanitize.js';

/**
 * Alerts as Microsoft Teams messages: an Adaptive Card (1.4) in a `message` envelope, the format
 * Teams incoming webhooks and Workflows ("post to a channel when a webhook request is received")
 * take. See https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#send-adaptive-cards-using-an-incoming-webhook
 * Every value from a scanned host goes through `escapeTeams`: no mention, link or HTML survives.
 */

/** A digest message lists this many events at most: a card stays readable, a failed part small. */
export const TEAMS_EVENTS_PER_MESSAGE = 25;
/** Teams rejects messages over about 28 KB; we keep a margin for the envelope Teams adds. */
export const TEAMS_BYTES_PER_MESSAGE = 24_000;

type CardElement = Record<string, unknown>;

export interface TeamsMessage {
  readonly type: 'message';
  readonly attachments: readonly [
    { readonly contentType: 'application/vnd.microsoft.card.adaptive'; readonly contentUrl: null; readonly content: Record<string, unknown> },
  ];
}

/** The size Teams counts: the JSON we POST, in UTF-8 bytes. */
export function teamsMessageBytes(message: TeamsMessage): number {
  return Buffer.byteLength(JSON.stringify(message));
}

function card(body: readonly CardElement[]): TeamsMessage {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
      },
    ],
  };
}

const text = (value: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

const authChange = (e: AlertEvent): string => authText(e, '→');

/** One event as its own card: title, facts, evidence, and the ids to find it again. */
export function renderTeamsMessage(event: AlertEvent): TeamsMessage {
  const facts: { title: string; value: string }[] = [];
  const e = event.endpoint;
  if (e) {
    facts.push(
      { title: 'Endpoint', value: escapeTeams(endpointLabel(event)) },
      { title: 'Service', value: escapeTeams(e.service, 40) },
      { title: 'Auth', value: escapeTeams(authChange(event)) },
      { title: 'Version', value: escapeTeams(e.version ?? 'unknown', 40) },
      { title: 'Range', value: `${escapeTeams(e.range, 60)}${e.label ? ` ${escapeTeams(e.label, 60)}` : ''}` },
    );
  }
  facts.push({ title: 'Severity', value: `${event.severity}${event.severityReason ? `: ${escapeTeams(event.severityReason, 160)}` : ''}` });
  if (event.advisories) facts.push({ title: 'Advisories', value: escapeTeams(advisoriesLine(event), 120) });
  if (event.vulnerabilities?.length) facts.push({ title: 'Known vulnerabilities', value: escapeTeams(event.vulnerabilities.map((v) => `${v.id} (${v.severity})`).join(', '), 300) });
  if (event.route) facts.push({ title: 'Route', value: escapeTeams(event.route, 60) });
  if (event.inventory) facts.push({ title: 'Lists', value: escapeTeams(inventorySummary(event.inventory), 600) });
  const fix = event.remediation;
  if (fix) facts.push({ title: 'Open access lets anyone', value: escapeTeams(allowsText(fix.allows), 300) });
  const urgent = event.severity === 'critical' || event.severity === 'high';
  return card([
    text(EVENT_TITLES[event.type], { weight: 'Bolder', size: 'Medium', ...(urgent ? { color: 'Attention' } : {}) }),
    { type: 'FactSet', facts },
    text(`**Evidence** ${escapeTeams(event.evidence, 1000) || '-'}`),
    ...(fix ? [text(`**How to fix** ${escapeTeams(fix.fix, 400)} Settings: ${escapeTeams(fix.settings.join(', '), 300)}. Docs: ${escapeTeams(fix.docs, 300)}`)] : []),
    text(`run ${escapeTeams(event.runId, 100)} · event ${escapeTeams(event.id, 100)} · ${escapeTeams(event.at, 40)}`, { isSubtle: true, size: 'Small' }),
  ]);
}

function digestLine(e: AlertEvent): CardElement {
  const ep = e.endpoint;
  const what = ep
    ? ` · ${escapeTeams(endpointLabel(e))} · ${escapeTeams(ep.service, 40)} · auth ${escapeTeams(authChange(e))} · version ${escapeTeams(ep.version ?? 'unknown', 40)}`
    : '';
  const cves = e.vulnerabilities?.length ? ` · known: ${escapeTeams(e.vulnerabilities.map((v) => v.id).join(', '), 120)}` : '';
  const fix = e.remediation ? ` — fix: ${escapeTeams(e.remediation.settings.join(', '), 160)}` : '';
  return text(`**${e.severity.toUpperCase()}** ${EVENT_TITLES[e.type]}${what}${cves} — ${escapeTeams(e.evidence, 300) || '-'}${fix}`, { spacing: 'Small' });
}

/**
 * A run's digest as Teams messages, worst first, numbered like the Slack digest. Split every
 * `TEAMS_EVENTS_PER_MESSAGE` events and, since hostile text can make lines long, also before a
 * message would pass `TEAMS_BYTES_PER_MESSAGE`: every event lands in exactly one message, uncut.
 * When the caller already split (`ctx.part`), a part that still needs splitting by size is sent as
 * "part i of n, message j of m".
 */
export function renderTeamsDigest(events: readonly AlertEvent[], ctx: DigestContext): TeamsMessage[] {
  const ordered = orderForDigest(events);
  const separately = ctx.sentSeparately ? `; ${ctx.sentSeparately === 1 ? '1 critical alert sent on its own' : `${ctx.sentSeparately} critical alerts sent on their own`}` : '';
  const heading = `AI exposure monitor, run ${escapeTeams(ctx.runId, 100)}: ${ctx.part?.counts ?? digestCounts(ordered)}${separately}`;
  const build = (lines: readonly CardElement[], label: string, footer: string): TeamsMessage =>
    card([
      text(`**${heading}**${label}`, { size: 'Medium' }),
      ...(ctx.reportUrl && /^https:\/\/[^\s()<>]+$/.test(ctx.reportUrl) ? [text(`[Open the report](${ctx.reportUrl})${validFor(ctx)}`)] : []),
      ...lines,
      text(footer, { isSubtle: true, size: 'Small' }),
    ]);

  // The envelope with the longest labels it can get; what is left is the room for event lines.
  const overhead = teamsMessageBytes(build([], ' (part 99999 of 99999, message 99999 of 99999)', 'events 9999999-9999999 of 9999999'));
  const chunks: CardElement[][] = [[]];
  let size = overhead;
  for (const line of ordered.map(digestLine)) {
    const lineBytes = Buffer.byteLength(JSON.stringify(line)) + 1; // and its comma
    const current = chunks[chunks.length - 1] as CardElement[];
    if (current.length > 0 && (current.length >= TEAMS_EVENTS_PER_MESSAGE || size + lineBytes > TEAMS_BYTES_PER_MESSAGE)) {
      chunks.push([]);
      size = overhead;
    }
    (chunks[chunks.length - 1] as CardElement[]).push(line);
    size += lineBytes;
  }

  const total = ctx.part?.totalEvents ?? ordered.length;
  let first = ctx.part?.firstEvent ?? 1;
  return chunks.map((lines, i) => {
    let label = '';
    if (ctx.part === undefined) label = chunks.length > 1 ? ` (part ${i + 1} of ${chunks.length})` : '';
    else if (chunks.length > 1) label = ` (part ${ctx.part.index} of ${ctx.part.of}, message ${i + 1} of ${chunks.length})`;
    else if (ctx.part.of > 1) label = ` (part ${ctx.part.index} of ${ctx.part.of})`;
    const message = build(lines, label, eventsShown(first, lines.length, total));
    first += lines.length;
    return message;
  });
}
