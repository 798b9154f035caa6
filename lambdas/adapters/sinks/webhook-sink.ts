import { createHash } from 'node:crypto';
import type { AlertEvent } from '../../core/alerts/alert-event.js';
import type { AlertSink } from '../../core/ports.js';
import { postJson } from './post-json.js';

/** Generic JSON webhook: the alert event, unchanged, as the POST body, one event per request. */
export class WebhookSink implements AlertSink {
  readonly name: string;

  constructor(
    private readonly url: string,
    private readonly options: { timeoutMs: number; userAgent: string },
  ) {
    // Deliveries are recorded per sink name; the name must differ per URL but never reveal it.
    this.name = `webhook-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
  }

  async send(event: AlertEvent): Promise<void> {
    await postJson(this.url, event, this.options.timeoutMs, this.options.userAgent);
  }
}
