import { renderTeamsDigest, renderTeamsMessage, TEAMS_EVENTS_PER_MESSAGE } from '../../core/alerts/render-teams.js';
import { ChatWebhookSink } from './chat-webhook-sink.js';

/**
 * Microsoft Teams webhook (Workflows or a legacy incoming webhook): an Adaptive Card digest per
 * run, and a card of its own per critical event. Workflows answer 202 Accepted; any 2xx is success.
 */
export class TeamsWebhookSink extends ChatWebhookSink {
  constructor(url: string, options: { timeoutMs: number; userAgent: string }) {
    super('teams', url, options, { single: renderTeamsMessage, digest: renderTeamsDigest, eventsPerMessage: TEAMS_EVENTS_PER_MESSAGE });
  }
}
