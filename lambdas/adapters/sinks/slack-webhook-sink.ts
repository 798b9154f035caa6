import { renderSlackDigest, SLACK_EVENTS_PER_MESSAGE } from '../../core/alerts/render-digest.js';
import { renderSlackMessage } from '../../core/alerts/render-slack.js';
import { ChatWebhookSink } from './chat-webhook-sink.js';

/** Slack incoming webhook: a Block Kit digest per run, and a message of its own per critical event. */
export class SlackWebhookSink extends ChatWebhookSink {
  constructor(url: string, options: { timeoutMs: number; userAgent: string }) {
    super('slack', url, options, { single: renderSlackMessage, digest: renderSlackDigest, eventsPerMessage: SLACK_EVENTS_PER_MESSAGE });
  }
}
