import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isSeverity, DEFAULT_ROUTE, SEVERITIES } from '../core/routing/route-table.js';
import { emptyLocalRoute, type LocalRouteSpec, parseLocalRoutes, tableOf } from '../core/routing/route-spec.js';
import type { RouteTable } from '../core/routing/route-table.js';
import { InputError } from '../core/targets/address.js';
import { type OptionValues, stateDir, urlOption } from './cli-options.js';

export const ROUTES_FILE = 'routes.json';

/**
 * The local routes: the routes file (`--routes FILE`, else `<state-dir>/routes.json` when it
 * exists), with the destinations given as flags (`--slack-webhook`, `--teams-webhook`,
 * `--webhook`, `--pagerduty-key`) added to the default route, whose floor `--floor` sets.
 */
export function loadLocalRoutes(values: OptionValues): { specs: LocalRouteSpec[]; table: RouteTable } {
  const explicit = typeof values.routes === 'string' ? values.routes : undefined;
  const file = explicit ?? path.join(stateDir(values), ROUTES_FILE);
  let specs: LocalRouteSpec[] = [];
  if (explicit !== undefined || existsSync(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new InputError(`--routes ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(err as Error).message.slice(0, 80)})`}`);
    }
    specs = parseLocalRoutes(raw, file);
  }
  let fallback = specs.find((s) => s.name === DEFAULT_ROUTE) ?? emptyLocalRoute();
  specs = specs.filter((s) => s.name !== DEFAULT_ROUTE);
  const floor = values.floor;
  if (floor !== undefined && !isSeverity(floor)) throw new InputError(`--floor: one of ${SEVERITIES.join(', ')}; got ${JSON.stringify(floor)}`);
  const webhook = urlOption(values, 'webhook');
  const slack = urlOption(values, 'slack-webhook');
  const teams = urlOption(values, 'teams-webhook');
  const key = values['pagerduty-key'] ?? process.env.EXPOSURE_MONITOR_PAGERDUTY_KEY;
  if (key !== undefined && (typeof key !== 'string' || !/^[\w-]{8,64}$/.test(key))) throw new InputError('--pagerduty-key: a PagerDuty integration key (8-64 letters, digits, "-" or "_")');
  fallback = {
    ...fallback,
    ...(floor !== undefined ? { floor } : {}),
    webhooks: [...fallback.webhooks, ...(webhook ? [webhook] : [])],
    slack: [...fallback.slack, ...(slack ? [slack] : [])],
    teams: [...fallback.teams, ...(teams ? [teams] : [])],
    pagerduty: [...fallback.pagerduty, ...(typeof key === 'string' ? [{ routingKey: key }] : [])],
  };
  specs = [...specs, fallback];
  return { specs, table: tableOf(specs, file) };
}
