import type { AlertEvent } from '../../core/alerts/alert-event.js';
import type { AlertSink } from '../../core/ports.js';
import { postJson } from './post-json.js';
import { destinationSinkName } from './sink-name.js';

/** Generic JSON webhook: the alert event, unchanged, as the POST body, one event per request. */
export class WebhookSink implements AlertSink {
  readonly name: string;

  constructor(
    private readonly url: string,
    private readonly options: { timeoutMs: number; userAgent: string },
  ) {
    this.name = destinationSinkName('webhook', url);
  }

  async send(event: AlertEvent): Promise<void> {
    await postJson(this.url, event, this.options.timeoutMs, this.options.userAgent);
  }
}
