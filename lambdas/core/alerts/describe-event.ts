import { type AlertEvent, type AlertInventory, type AlertType, endpointUrl } from './alert-event.js';
import { cleanText } from './sanitize.js';

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
  'target.unresolved': 'Registered name no longer resolves',
};

/**
 * Which of a digest's events a message holds, for its footer: "3 events" when it holds them all,
 * "event 26 of 100" for one, "events 26-50 of 100" otherwise (never "events 1-1 of 1").
 */
export function eventsShown(first: number, count: number, total: number): string {
  if (first === 1 && count === total) return `${total} event${total === 1 ? '' : 's'}`;
  if (count === 1) return `event ${first} of ${total}`;
  return `events ${first}-${first + count - 1} of ${total}`;
}

/**
 * The auth cell of an endpoint event: "required -> none" on a change; for a gone endpoint, what
 * it was when last seen ("was none"), since nothing answers now. `arrow` is the format's own.
 */
export function authText(event: AlertEvent, arrow = '->'): string {
  const ep = event.endpoint;
  if (!ep) return '';
  if (event.type === 'endpoint.gone') return `was ${ep.auth}`;
  return event.previous && event.previous.auth !== ep.auth ? `${event.previous.auth} ${arrow} ${ep.auth}` : ep.auth;
}

export function endpointLabel(event: AlertEvent): string {
  if (event.target) return `name ${event.target.host}`;
  if (!event.endpoint) return `run ${event.runId}`;
  return endpointUrl(event.endpoint);
}

/** What the exposure allows, in words, for renderings. */
export const CAPABILITY_WORDS: Readonly<Record<string, string>> = {
  'run-code': 'run code on the host',
  'read-data': 'read data',
  'write-data': 'change or delete data',
  'spend-api-keys': "spend the organisation's API keys",
  'pull-models': 'pull or delete models',
  'run-inference': 'use its compute for inference',
  admin: 'take over its settings and users',
};

/** "3 known advisories, worst CVE-2024-37032 (critical)", or '' when the event carries none. */
export function advisoriesLine(event: AlertEvent): string {
  const a = event.advisories;
  if (!a) return '';
  return `${a.count} known advisor${a.count === 1 ? 'y' : 'ies'}, worst ${cleanText(a.worst.id, 40)} (${a.worst.severity})`;
}

export function allowsText(allows: readonly string[]): string {
  return allows.map((a) => CAPABILITY_WORDS[a] ?? a).join(', ');
}

/**
 * The listing of an event in one line, cleaned (names are untrusted text; each renderer still
 * applies its own escaping): "3 models: a, b, c" or "added tool: x, y; removed model: z".
 */
export function inventorySummary(inventory: AlertInventory, max = 10): string {
  const names = (items: AlertInventory['items']): string => {
    const list = items ?? [];
    const shown = list.slice(0, max).map((i) => cleanText(i.name, 80));
    const kinds = [...new Set(list.map((i) => i.kind))].join('/');
    return `${kinds ? `${kinds} ` : ''}${shown.join(', ')}${list.length > shown.length ? `, +${list.length - shown.length} more` : ''}`;
  };
  if (inventory.added !== undefined || inventory.removed !== undefined) {
    const parts: string[] = [];
    if (inventory.added?.length) parts.push(`added ${names(inventory.added)}`);
    if (inventory.removed?.length) parts.push(`removed ${names(inventory.removed)}`);
    if (inventory.addsCapabilities?.length) parts.push(`now lets anyone ${allowsText(inventory.addsCapabilities)}`);
    return `${parts.join('; ') || 'changed'} (${inventory.total} listed now)`;
  }
  if (inventory.total === 0) return 'nothing listed yet';
  const listed = inventory.items ?? [];
  const kinds = [...new Set(listed.map((i) => i.kind))];
  const noun = kinds.length === 1 ? `${kinds[0]}${inventory.total === 1 ? '' : 's'}` : `items (${kinds.join('/')})`;
  const shown = listed.slice(0, max).map((i) => cleanText(i.name, 80));
  const more = inventory.total > shown.length ? `, +${inventory.total - shown.length} more` : '';
  return `${inventory.total} ${noun}: ${shown.join(', ')}${more}`;
}
