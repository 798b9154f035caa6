import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { redactUrl } from '../adapters/sinks/post-json.js';
import { type DestinationKind, destinationSinkName } from '../adapters/sinks/sink-name.js';
import type { Severity } from '../core/alerts/alert-event.js';
import { routedSinkName } from '../core/routing/routed-sink.js';
import { emptyLocalRoute, type LocalRouteSpec, PAGERDUTY_KEY, parseLocalRoutes, tableOf } from '../core/routing/route-spec.js';
import { DEFAULT_ROUTE, isSeverity, type RouteTable, SEVERITIES } from '../core/routing/route-table.js';
import { InputError } from '../core/targets/address.js';
import { type OptionValues, stateDir, urlOption } from './cli-options.js';

/**
 * The local alert configuration: routes and their destinations (sinks), kept in one JSON file,
 * `<state-dir>/routes.json` (or `--routes FILE`). It persists, so every run delivers every alert
 * to every configured sink, whatever flags that run was given; `sinks` edits it, and the
 * destination flags of `run` add to it.
 */
export const ROUTES_FILE = 'routes.json';


/** One configured destination, as `sinks list` shows it; `value` is the secret URL or key. */
export interface Destination {
  readonly route: string;
  readonly kind: DestinationKind;
  readonly value: string;
  /** The name its delivery records use: `<kind>-<hash>`, with `@<route>` off the default route. */
  readonly sinkName: string;
  /** Where it goes, without the secret part: scheme and host only. */
  readonly shown: string;
}

export function routesFilePath(values: OptionValues): { file: string; explicit: boolean } {
  if (typeof values.routes === 'string') return { file: path.resolve(values.routes), explicit: true };
  return { file: path.join(stateDir(values), ROUTES_FILE), explicit: false };
}

/** The routes in the file; none when the default file does not exist yet. */
export function readRoutesFile(file: string, explicit: boolean): LocalRouteSpec[] {
  if (!explicit && !existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`--routes ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(err as Error).message.slice(0, 80)})`}`);
  }
  return parseLocalRoutes(raw, file);
}

/**
 * Writes the routes, readable by the owner only (it holds webhook URLs and keys), through a
 * temporary file and a rename so a crash never leaves half a file.
 */
export function writeRoutesFile(file: string, specs: readonly LocalRouteSpec[]): void {
  const routes = specs.map((s) => ({
    name: s.name,
    ...(s.owners.length > 0 ? { owners: s.owners } : {}),
    floor: s.floor,
    ...(s.slack.length > 0 ? { slack: s.slack } : {}),
    ...(s.teams.length > 0 ? { teams: s.teams } : {}),
    ...(s.webhooks.length > 0 ? { webhooks: s.webhooks } : {}),
    ...(s.pagerduty.length > 0 ? { pagerduty: s.pagerduty } : {}),
  }));
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ routes }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** Every destination of every route, with its sink name and a form safe to print. */
export function destinationsOf(specs: readonly LocalRouteSpec[]): Destination[] {
  return specs.flatMap((s) => [
    ...s.slack.map((url) => destination(s.name, 'slack', url)),
    ...s.teams.map((url) => destination(s.name, 'teams', url)),
    ...s.webhooks.map((url) => destination(s.name, 'webhook', url)),
    ...s.pagerduty.map((p) => destination(s.name, 'pagerduty', p.routingKey, p.url)),
  ]);
}

function destination(route: string, kind: DestinationKind, value: string, pagerDutyUrl?: string): Destination {
  const shown = kind === 'pagerduty' ? `PagerDuty Events API${pagerDutyUrl ? ` at ${redactUrl(pagerDutyUrl)}` : ''}` : redactUrl(value);
  return { route, kind, value, sinkName: routedSinkName(destinationSinkName(kind, value), route), shown };
}

/** The specs with a destination added to a route (created when missing); unchanged when it is there. */
export function withDestination(
  specs: readonly LocalRouteSpec[],
  routeName: string,
  kind: DestinationKind,
  value: string,
): { specs: LocalRouteSpec[]; destination: Destination; added: boolean } {
  const found = destinationsOf(specs).find((d) => d.route === routeName && d.kind === kind && d.value === value);
  const dest = found ?? destination(routeName, kind, value);
  if (found) return { specs: [...specs], destination: dest, added: false };
  const route = specs.find((s) => s.name === routeName) ?? emptyLocalRoute(routeName);
  const next: LocalRouteSpec = {
    ...route,
    ...(kind === 'slack' ? { slack: [...route.slack, value] } : {}),
    ...(kind === 'teams' ? { teams: [...route.teams, value] } : {}),
    ...(kind === 'webhook' ? { webhooks: [...route.webhooks, value] } : {}),
    ...(kind === 'pagerduty' ? { pagerduty: [...route.pagerduty, { routingKey: value }] } : {}),
  };
  const others = specs.filter((s) => s.name !== routeName);
  return { specs: [...others, next], destination: dest, added: true };
}

/** The specs without the destination of that sink name, and the destination removed (if any). */
export function withoutDestination(specs: readonly LocalRouteSpec[], sinkName: string): { specs: LocalRouteSpec[]; removed?: Destination } {
  const removed = destinationsOf(specs).find((d) => d.sinkName === sinkName);
  if (!removed) return { specs: [...specs] };
  const next = specs.map((s) =>
    s.name !== removed.route
      ? s
      : {
          ...s,
          slack: s.slack.filter((v) => removed.kind !== 'slack' || v !== removed.value),
          teams: s.teams.filter((v) => removed.kind !== 'teams' || v !== removed.value),
          webhooks: s.webhooks.filter((v) => removed.kind !== 'webhook' || v !== removed.value),
          pagerduty: s.pagerduty.filter((p) => removed.kind !== 'pagerduty' || p.routingKey !== removed.value),
        },
  );
  return { specs: next, removed };
}

/** The default route's floor set, the route created when missing. */
export function withDefaultFloor(specs: readonly LocalRouteSpec[], floor: Severity): LocalRouteSpec[] {
  const route = specs.find((s) => s.name === DEFAULT_ROUTE) ?? emptyLocalRoute();
  return [...specs.filter((s) => s.name !== DEFAULT_ROUTE), { ...route, floor }];
}

/** What `run`'s destination flags changed in the saved configuration. */
export interface SavedChange {
  readonly file: string;
  readonly added: readonly Destination[];
  readonly floor?: Severity;
}

/**
 * The local routes of a run: the routes file, plus the destinations given as flags
 * (`--slack-webhook`, `--teams-webhook`, `--webhook`, `--pagerduty-key`) on the default route,
 * whose floor `--floor` sets. Flags are saved into `<state-dir>/routes.json`, so a later run without
 * them still delivers to those sinks what they are owed: a sink leaves only by `sinks remove`.
 */
export function loadLocalRoutes(values: OptionValues): { specs: LocalRouteSpec[]; table: RouteTable; saved?: SavedChange } {
  const { file, explicit } = routesFilePath(values);
  const floor = values.floor;
  if (floor !== undefined && !isSeverity(floor)) throw new InputError(`--floor: one of ${SEVERITIES.join(', ')}; got ${JSON.stringify(floor)}`);
  const flags: [DestinationKind, string | undefined][] = [
    ['webhook', urlOption(values, 'webhook')],
    ['slack', urlOption(values, 'slack-webhook')],
    ['teams', urlOption(values, 'teams-webhook')],
    ['pagerduty', pagerDutyKeyOption(values)],
  ];
  let specs = readRoutesFile(file, explicit);
  tableOf(specs, file); // the file as it is must be valid before anything is added to it
  const added: Destination[] = [];
  for (const [kind, value] of flags) {
    if (value === undefined) continue;
    const change = withDestination(specs, DEFAULT_ROUTE, kind, value);
    specs = change.specs;
    if (change.added) added.push(change.destination);
  }
  const currentFloor = specs.find((s) => s.name === DEFAULT_ROUTE)?.floor ?? 'info';
  const floorChanged = floor !== undefined && floor !== currentFloor;
  if (floorChanged) specs = withDefaultFloor(specs, floor);
  let saved: SavedChange | undefined;
  // A file named with --routes is the user's own (perhaps in version control): flags apply to
  // this run only and never write secrets into it; `sinks add --routes FILE` edits it on purpose.
  if ((added.length > 0 || floorChanged) && !explicit) {
    writeRoutesFile(file, specs);
    saved = { file, added, ...(floorChanged ? { floor } : {}) };
  }
  // Routing order: named routes first, the default route last.
  const ordered = [...specs.filter((s) => s.name !== DEFAULT_ROUTE), specs.find((s) => s.name === DEFAULT_ROUTE) ?? emptyLocalRoute()];
  return { specs: ordered, table: tableOf(ordered, file), ...(saved ? { saved } : {}) };
}

/** `--pagerduty-key`, else `EXPOSURE_MONITOR_PAGERDUTY_KEY`. */
function pagerDutyKeyOption(values: OptionValues): string | undefined {
  const key = values['pagerduty-key'] ?? process.env.EXPOSURE_MONITOR_PAGERDUTY_KEY;
  if (key === undefined || key === '') return undefined;
  if (typeof key !== 'string' || !PAGERDUTY_KEY.test(key)) throw new InputError('--pagerduty-key: a PagerDuty integration key (8-64 letters, digits, "-" or "_")');
  return key;
}
