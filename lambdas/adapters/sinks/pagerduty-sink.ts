import type { AlertEvent } from '../../core/alerts/alert-event.js';
import { pagerDutyAccepts, renderPagerDutyEvent } from '../../core/alerts/render-pagerduty.js';
import { SinkError } from '../../core/alerts/sink-error.js';
import type { AlertSink } from '../../core/ports.js';
import { postJson } from './post-json.js';
import { destinationSinkName } from './sink-name.js';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/**
 * PagerDuty Events API v2: one request per event, no digests (an incident per critical event,
 * closed by the fixed/gone event that resolves it). The routing key travels in the body and is a
 * secret: the name holds only a hash of it, and errors never carry the body.
 */
export class PagerDutySink implements AlertSink {
  readonly name: string;
  private readonly url: string;

  constructor(
    private readonly routingKey: string,
    private readonly options: { timeoutMs: number; userAgent: string; url?: string },
  ) {
    this.name = destinationSinkName('pagerduty', routingKey);
    this.url = options.url ?? PAGERDUTY_EVENTS_URL;
  }

  accepts(event: AlertEvent, reachesFloor: boolean): boolean {
    return pagerDutyAccepts(event, reachesFloor);
  }

  async send(event: AlertEvent): Promise<void> {
    // Not for PagerDuty (below critical, or a fixed/gone with no incident to close): nothing to
    // send, and the delivery is settled, should a caller not have asked `accepts` first.
    const body = renderPagerDutyEvent(event, this.routingKey);
    if (body === undefined) return;
    try {
      await postJson(this.url, body, this.options.timeoutMs, this.options.userAgent);
    } catch (err) {
      // postJson quotes the start of the receiver's answer; a receiver that echoes the request
      // would echo the key. Errors are recorded in the outbox and logged: scrub it.
      if (err instanceof SinkError) throw new SinkError(this.scrub(err.message), err.retryAfterMs, err.permanent);
      throw new Error(this.scrub((err as Error).message));
    }
  }

  /** Removes the key, and any 8+ character piece of it (the quote is cut at 200 characters). */
  private scrub(message: string): string {
    if (!this.routingKey) return message;
    return message
      .replaceAll(this.routingKey, '[routing key]')
      .replace(/[\w+/=-]{8,}/g, (word) => (this.routingKey.includes(word) ? '[routing key]' : word));
  }
}
