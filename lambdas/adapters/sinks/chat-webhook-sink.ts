import type { AlertEvent } from '../../core/alerts/alert-event.js';
import type { DigestContext } from '../../core/alerts/render-digest.js';
import type { AlertSink } from '../../core/ports.js';
import { postJson } from './post-json.js';
import { destinationSinkName } from './sink-name.js';

export interface ChatRenderings {
  /** One event as one message. */
  readonly single: (event: AlertEvent) => unknown;
  /** A run's events as messages (already within the chat's size limits). */
  readonly digest: (events: readonly AlertEvent[], ctx: DigestContext) => readonly unknown[];
  /** Events per digest call: each call is one message, so a failed part is retried alone. */
  readonly eventsPerMessage: number;
}

/**
 * A chat incoming webhook (Slack, Teams): a digest per run, and a message of its own per critical
 * event, rendered by the chat's own renderings. Its name is `destinationSinkName(kind, url)`.
 */
export class ChatWebhookSink implements AlertSink {
  readonly name: string;
  readonly digestLimit: number;

  constructor(
    kind: 'slack' | 'teams',
    private readonly url: string,
    private readonly options: { timeoutMs: number; userAgent: string },
    private readonly render: ChatRenderings,
  ) {
    this.name = destinationSinkName(kind, url);
    this.digestLimit = render.eventsPerMessage;
  }

  async send(event: AlertEvent): Promise<void> {
    await postJson(this.url, this.render.single(event), this.options.timeoutMs, this.options.userAgent);
  }

  async sendDigest(events: readonly AlertEvent[], ctx: DigestContext): Promise<void> {
    for (const message of this.render.digest(events, ctx)) await postJson(this.url, message, this.options.timeoutMs, this.options.userAgent);
  }
}
