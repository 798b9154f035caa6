import type { AlertEvent } from './alert-event.js';
import { advisoriesLine, allowsText, EVENT_TITLES, endpointLabel, inventorySummary } from './describe-event.js';
import { escapeSlack, slackCode } from './sanitize.js';

const SEVERITY_ICON: Readonly<Record<AlertEvent['severity'], string>> = {
  critical: ':rotating_light:',
  high: ':warning:',
  medium: ':large_orange_diamond:',
  low: ':small_blue_diamond:',
  info: ':information_source:',
};

export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

/**
 * One event as a Slack incoming-webhook message (Block Kit). Every value that came from a scanned
 * host goes through `slackCode`/`escapeSlack`, so a banner saying `<!channel>` pings nobody.
 */
export function renderSlackMessage(event: AlertEvent): SlackMessage {
  const title = `${SEVERITY_ICON[event.severity]} ${EVENT_TITLES[event.type]}`;
  const fields: string[] = [];
  if (event.endpoint) {
    const e = event.endpoint;
    fields.push(`*Endpoint*\n${slackCode(endpointLabel(event))}`);
    fields.push(`*Service*\n${slackCode(e.service, 40)}`);
    // A gone endpoint answers nothing now: its auth is what it was when last seen.
    const before = event.type === 'endpoint.gone' ? 'was ' : event.previous && event.previous.auth !== e.auth ? `${slackCode(event.previous.auth)} → ` : '';
    fields.push(`*Auth*\n${before}${slackCode(e.auth)}`);
    fields.push(`*Version*\n${slackCode(e.version ?? 'unknown', 40)}`);
    fields.push(`*Range*\n${slackCode(e.range)}${e.label ? ` ${escapeSlack(e.label, 60)}` : ''}`);
  }
  fields.push(`*Severity*\n${event.severity}${event.severityReason ? `: ${escapeSlack(event.severityReason, 160)}` : ''}`);
  if (event.advisories) fields.push(`*Advisories*\n${escapeSlack(advisoriesLine(event), 120)}`);
  if (event.route) fields.push(`*Route*\n${slackCode(event.route, 40)}`);
  const blocks: Record<string, unknown>[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } },
    { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) },
    { type: 'section', text: { type: 'mrkdwn', text: `*Evidence* ${slackCode(event.evidence, 300)}` } },
    ...(event.inventory ? [{ type: 'section', text: { type: 'mrkdwn', text: `*Lists without credentials* ${slackCode(inventorySummary(event.inventory), 600)}` } }] : []),
    ...(event.remediation
      ? [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: `*Open access lets anyone* ${escapeSlack(allowsText(event.remediation.allows), 300)}\n*How to fix* ${escapeSlack(event.remediation.fix, 400)}\n*Settings* ${slackCode(event.remediation.settings.join(', '), 300)} · <${slackLink(event.remediation.docs)}|docs>`,
            },
          },
        ]
      : []),
    { type: 'context', elements: [{ type: 'mrkdwn', text: `run ${escapeSlack(event.runId)} · event ${escapeSlack(event.id)} · ${escapeSlack(event.at)}` }] },
  ];
  const fallback = `${EVENT_TITLES[event.type]}: ${escapeSlack(endpointLabel(event))} ${event.endpoint ? escapeSlack(event.endpoint.service, 40) : ''}`.trim();
  return { text: fallback, blocks };
}

/** A catalog doc URL for a Slack `<url|text>` link: https only, and no `|` or `>` to break out of it. */
function slackLink(url: string): string {
  return /^https:\/\/[^\s|<>]+$/.test(url) ? url : 'https://github.com/';
}
