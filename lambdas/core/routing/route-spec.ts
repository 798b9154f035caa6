import { InputError } from '../targets/address.js';
import type { Severity } from '../alerts/alert-event.js';
import { buildRouteTable, checkRouteName, DEFAULT_ROUTE, isSeverity, type RouteRule, type RouteTable, SEVERITIES } from './route-table.js';

/**
 * A route with its destinations, as the local routes file writes it (URLs and keys in the file;
 * on AWS the same shape names secrets instead, see `lib/config.ts`).
 */
export interface LocalRouteSpec extends RouteRule {
  readonly slack: readonly string[];
  readonly teams: readonly string[];
  readonly webhooks: readonly string[];
  readonly pagerduty: readonly { readonly routingKey: string; readonly url?: string }[];
}

/** A PagerDuty integration (routing) key, as its Events API takes it. */
export const PAGERDUTY_KEY = /^[\w-]{8,64}$/;

const ROUTE_KEYS = new Set(['name', 'owners', 'floor', 'slack', 'teams', 'webhooks', 'pagerduty']);

/**
 * Parses a routes file: `{"routes": [{"name", "owners", "floor", "slack", "teams", "webhooks",
 * "pagerduty": [{"routingKey", "url"?}]}]}`. Every error names the file, the route and the key.
 */
export function parseLocalRoutes(raw: unknown, where: string): LocalRouteSpec[] {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { routes?: unknown }).routes)) {
    throw new InputError(`${where}: expected {"routes": [ ... ]}`);
  }
  return ((raw as { routes: unknown[] }).routes).map((entry, i) => {
    const at = `${where}: routes[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new InputError(`${at}: expected an object`);
    const r = entry as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!ROUTE_KEYS.has(key)) throw new InputError(`${at}: unknown key "${key}" (known: ${[...ROUTE_KEYS].join(', ')})`);
    const name = checkRouteName(r.name, `${at}.name`);
    const floor = r.floor === undefined ? 'info' : r.floor;
    if (!isSeverity(floor)) throw new InputError(`${at}.floor: one of ${SEVERITIES.join(', ')}; got ${JSON.stringify(r.floor)}`);
    const pagerduty = list(r.pagerduty, `${at}.pagerduty`).map((p, j) => {
      const key = `${at}.pagerduty[${j}]`;
      if (typeof p !== 'object' || p === null) throw new InputError(`${key}: expected {"routingKey": "...", "url"?: "..."}`);
      const { routingKey, url } = p as Record<string, unknown>;
      if (typeof routingKey !== 'string' || !PAGERDUTY_KEY.test(routingKey)) throw new InputError(`${key}.routingKey: a PagerDuty integration key (8-64 letters, digits, "-" or "_")`);
      return { routingKey, ...(url !== undefined ? { url: httpUrl(url, `${key}.url`) } : {}) };
    });
    return {
      name,
      floor: floor as Severity,
      owners: list(r.owners, `${at}.owners`).map((o, j) => {
        if (typeof o !== 'string' || o === '' || o.length > 200) throw new InputError(`${at}.owners[${j}]: an owner is 1-200 characters of text`);
        return o;
      }),
      slack: list(r.slack, `${at}.slack`).map((u, j) => httpUrl(u, `${at}.slack[${j}]`)),
      teams: list(r.teams, `${at}.teams`).map((u, j) => httpUrl(u, `${at}.teams[${j}]`)),
      webhooks: list(r.webhooks, `${at}.webhooks`).map((u, j) => httpUrl(u, `${at}.webhooks[${j}]`)),
      pagerduty,
    };
  });
}

/** The route table of some specs (validated: unique names, one route per owner; default added). */
export function tableOf(specs: readonly RouteRule[], where: string): RouteTable {
  return buildRouteTable(
    specs.map((s) => ({ name: s.name, owners: s.owners, floor: s.floor })),
    where,
  );
}

export function emptyLocalRoute(name = DEFAULT_ROUTE, floor: Severity = 'info'): LocalRouteSpec {
  return { name, owners: [], floor, slack: [], teams: [], webhooks: [], pagerduty: [] };
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InputError(`${where}: expected a list`);
  return value;
}

function httpUrl(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new InputError(`${where}: expected a URL`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value may be a secret webhook URL: name the key, not the value.
    throw new InputError(`${where}: not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError(`${where}: not an http or https URL`);
  return value;
}
