import { createHash } from 'node:crypto';
import type { AlertEvent } from '../../core/alerts/alert-event.js';
import { renderSlackMessage } from '../../core/alerts/render-slack.js';
import type { AlertSink } from '../../core/ports.js';
import { postJson } from './post-json.js';

/** Slack incoming webhook: one Block Kit message per event. */
export class SlackWebhookSink implements AlertSink {
  readonly name: string;

  constructor(
    private readonly url: string,
    private readonly options: { timeoutMs: number; userAgent: string },
  ) {
    this.name = `slack-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
  }

  async send(event: AlertEvent): Promise<void> {
    await postJson(this.url, renderSlackMessage(event), this.options.timeoutMs, this.options.userAgent);
  }
}
