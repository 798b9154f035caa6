import { createHash } from 'node:crypto';
import type { AlertEvent } from '../../core/alerts/alert-event.js';
import { type DigestContext, renderSlackDigest, SLACK_EVENTS_PER_MESSAGE } from '../../core/alerts/render-digest.js';
import { renderSlackMessage } from '../../core/alerts/render-slack.js';
import type { AlertSink } from '../../core/ports.js';
import { postJson } from './post-json.js';

/** Slack incoming webhook: a Block Kit digest per run, and a message of its own per critical event. */
export class SlackWebhookSink implements AlertSink {
  readonly name: string;
  readonly digestLimit = SLACK_EVENTS_PER_MESSAGE;

  constructor(
    private readonly url: string,
    private readonly options: { timeoutMs: number; userAgent: string },
  ) {
    this.name = `slack-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
  }

  async send(event: AlertEvent): Promise<void> {
    await postJson(this.url, renderSlackMessage(event), this.options.timeoutMs, this.options.userAgent);
  }

  async sendDigest(events: readonly AlertEvent[], ctx: DigestContext): Promise<void> {
    for (const message of renderSlackDigest(events, ctx)) await postJson(this.url, message, this.options.timeoutMs, this.options.userAgent);
  }
}
