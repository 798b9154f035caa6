import type { AlertSink } from '../../core/ports.js';
import type { LocalRouteSpec } from '../../core/routing/route-spec.js';
import { onRoute } from '../../core/routing/routed-sink.js';
import { PagerDutySink } from './pagerduty-sink.js';
import { SlackWebhookSink } from './slack-webhook-sink.js';
import { TeamsWebhookSink } from './teams-webhook-sink.js';
import { WebhookSink } from './webhook-sink.js';

export interface SinkOptions {
  readonly timeoutMs: number;
  readonly userAgent: string;
}

/** The HTTP destinations of one route as sinks on that route (same kinds locally and on AWS). */
export function routeSinks(route: Pick<LocalRouteSpec, 'name' | 'floor' | 'slack' | 'teams' | 'webhooks' | 'pagerduty'>, options: SinkOptions): AlertSink[] {
  const sinks: AlertSink[] = [
    ...route.webhooks.map((url) => new WebhookSink(url, options)),
    ...route.slack.map((url) => new SlackWebhookSink(url, options)),
    ...route.teams.map((url) => new TeamsWebhookSink(url, options)),
    ...route.pagerduty.map((p) => new PagerDutySink(p.routingKey, { ...options, ...(p.url ? { url: p.url } : {}) })),
  ];
  return sinks.map((sink) => onRoute(sink, route.name, route.floor));
}
