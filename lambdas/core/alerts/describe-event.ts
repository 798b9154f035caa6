import { type AlertEvent, type AlertType, endpointKey } from './alert-event.js';

/** One-line headlines per event type, in plain words. */
export const EVENT_TITLES: Readonly<Record<AlertType, string>> = {
  'endpoint.new_unauthenticated': 'New unauthenticated AI endpoint',
  'endpoint.auth_regressed': 'AI endpoint lost its authentication',
  'endpoint.new_authenticated': 'New AI endpoint (authentication enforced)',
  'endpoint.fixed': 'AI endpoint now requires authentication',
  'endpoint.gone': 'AI endpoint no longer reachable',
  'endpoint.version_changed': 'AI endpoint version changed',
  'endpoint.inventory_changed': 'Open AI endpoint changed what it serves',
  'run.incomplete': 'Monitoring run incomplete',
};

export function endpointLabel(event: AlertEvent): string {
  if (!event.endpoint) return `run ${event.runId}`;
  const scheme = event.endpoint.tls ? 'https' : 'http';
  return `${scheme}://${endpointKey(event.endpoint)}`;
}
