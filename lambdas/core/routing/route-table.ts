import { InputError } from '../targets/address.js';
import { type AlertEvent, SEVERITY_RANK, type Severity } from '../alerts/alert-event.js';

/** The route every event without a (known) route of its own goes to. */
export const DEFAULT_ROUTE = 'default';

/**
 * A route: who gets an endpoint's alerts, and from which severity on. Range rows name a route
 * directly (`route`) or through their `owner` (a route lists the owners it serves); the default
 * route catches the rest. Destinations (Slack, Teams, PagerDuty, webhooks, email topics) are
 * attached to a route by the adapters that build sinks; the core only needs names and floors.
 */
export interface RouteRule {
  readonly name: string;
  /** Range-row owners whose endpoints this route receives. */
  readonly owners: readonly string[];
  /** Events below this severity are never sent to this route's destinations (they are still recorded). */
  readonly floor: Severity;
}

export interface RouteTable {
  readonly routes: readonly RouteRule[];
}

export const DEFAULT_ROUTE_TABLE: RouteTable = { routes: [{ name: DEFAULT_ROUTE, owners: [], floor: 'info' }] };

const ROUTE_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Checks a route name (used in sink names and delivery records, so kept short and plain). */
export function checkRouteName(value: unknown, where: string): string {
  if (typeof value !== 'string' || !ROUTE_NAME.test(value)) {
    throw new InputError(`${where}: a route name is 1-40 lower-case letters, digits or "-", starting with a letter or digit; got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Validates a route table (names unique, floors known, an owner on one route only) and adds the
 * default route when it is missing.
 */
export function buildRouteTable(routes: readonly RouteRule[], where = 'routes'): RouteTable {
  const names = new Set<string>();
  const ownerRoute = new Map<string, string>();
  routes.forEach((r, i) => {
    const at = `${where}[${i}]`;
    checkRouteName(r.name, `${at}.name`);
    if (names.has(r.name)) throw new InputError(`${at}.name: route "${r.name}" is defined twice`);
    names.add(r.name);
    if (!isSeverity(r.floor)) throw new InputError(`${at}.floor: one of ${SEVERITIES.join(', ')}; got ${JSON.stringify(r.floor)}`);
    for (const owner of r.owners) {
      const other = ownerRoute.get(owner);
      if (other !== undefined) throw new InputError(`${at}.owners: owner "${owner}" is already served by route "${other}"`);
      ownerRoute.set(owner, r.name);
    }
  });
  return { routes: names.has(DEFAULT_ROUTE) ? routes : [...routes, { name: DEFAULT_ROUTE, owners: [], floor: 'info' }] };
}

/**
 * The route of a range row: its `route` when that route exists, else the route that lists its
 * `owner`, else a route named like the owner, else the default. A row naming an unknown route
 * still alerts (on the default route) and the problem is reported: no alert is lost to a typo.
 */
export function resolveRoute(table: RouteTable, row: { readonly route?: string; readonly owner?: string }): { route: string; problem?: string } {
  const known = (name: string): boolean => table.routes.some((r) => r.name === name);
  if (row.route !== undefined) {
    if (known(row.route)) return { route: row.route };
    return { route: DEFAULT_ROUTE, problem: `route "${row.route}" is not configured; its alerts go to the default route` };
  }
  if (row.owner !== undefined) {
    const byOwner = table.routes.find((r) => r.owners.includes(row.owner as string));
    if (byOwner) return { route: byOwner.name };
    if (known(row.owner)) return { route: row.owner };
  }
  return { route: DEFAULT_ROUTE };
}

/** The route an event belongs to: its own when configured, else the default. */
export function eventRoute(event: Pick<AlertEvent, 'route'>, configured?: ReadonlySet<string>): string {
  const route = event.route;
  if (route === undefined) return DEFAULT_ROUTE;
  return configured === undefined || configured.has(route) ? route : DEFAULT_ROUTE;
}

export function reachesFloor(severity: Severity, floor: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[floor];
}
