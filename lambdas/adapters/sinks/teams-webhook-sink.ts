import { createHash } from 'node:crypto';
import type { AlertEvent } from '../../core/alerts/alert-event.js';
import type { DigestContext } from '../../core/alerts/render-digest.js';
import { renderTeamsDigest, renderTeamsMessage, TEAMS_EVENTS_PER_MESSAGE } from '../../core/alerts/render-teams.js';
import type { AlertSink } from '../../core/ports.js';
import { postJson } from './post-json.js';

/**
 * Microsoft Teams webhook (Workflows or a legacy incoming webhook): an Adaptive Card digest per
 * run, and a card of its own per critical event. Workflows answer 202 Accepted; any 2xx is success.
 */
export class TeamsWebhookSink implements AlertSink {
  readonly name: string;
  readonly digestLimit = TEAMS_EVENTS_PER_MESSAGE;

  constructor(
    private readonly url: string,
    private readonly options: { timeoutMs: number; userAgent: string },
  ) {
    // Deliveries are recorded per sink name; the name must differ per URL but never reveal it.
    this.name = `teams-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
  }

  async send(event: AlertEvent): Promise<void> {
    await postJson(this.url, renderTeamsMessage(event), this.options.timeoutMs, this.options.userAgent);
  }

  async sendDigest(events: readonly AlertEvent[], ctx: DigestContext): Promise<void> {
    for (const message of renderTeamsDigest(events, ctx)) await postJson(this.url, message, this.options.timeoutMs, this.options.userAgent);
  }
}
