import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DestinationKind } from '../../adapters/sinks/sink-name.js';
import { formatTable } from '../../core/alerts/text-table.js';
import { endpointLabel } from '../../core/alerts/describe-event.js';
import type { AlertSink, OutboxItem, StateStore } from '../../core/ports.js';
import { routeSinks } from '../../adapters/sinks/route-sinks.js';
import { sinkTakes } from '../../core/routing/routed-sink.js';
import { type LocalRouteSpec, PAGERDUTY_KEY, tableOf } from '../../core/routing/route-spec.js';
import { DEFAULT_ROUTE, isSeverity, SEVERITIES, checkRouteName } from '../../core/routing/route-table.js';
import { InputError } from '../../core/targets/address.js';
import { type CliIo, tableOptions } from '../cli-io.js';
import { type OptionValues, urlOption } from '../cli-options.js';
import { type Destination, destinationsOf, readRoutesFile, routesFilePath, withDefaultFloor, withDestination, withoutDestination, writeRoutesFile } from '../local-routes.js';
import { withStore } from '../local-stack.js';
import { utcMinute } from '../time-text.js';

const KINDS: readonly DestinationKind[] = ['slack', 'teams', 'webhook', 'pagerduty'];

/**
 * `sinks list | add | remove`: the alert destinations saved in the local configuration. Every
 * run delivers every alert to every saved sink; a sink leaves only through `sinks remove`, which
 * withdraws, and names, what it was still owed.
 */
export async function sinksCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (values.aws === true) {
    throw new InputError('sinks edits the local configuration; on AWS the destinations are CDK context (slackWebhookSecret, routes, ...: see README "Deploy")');
  }
  const [action, ...rest] = positionals;
  if (action === 'list') return listSinks(rest, values, io);
  if (action === 'add') return addSink(rest, values, io);
  if (action === 'remove') return removeSink(rest, values, io);
  throw new InputError(`sinks: expected list, add or remove; got ${JSON.stringify(action ?? '')}`);
}

async function listSinks(rest: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (rest.length > 0) throw new InputError(`sinks list: unexpected argument ${JSON.stringify(rest[0])}`);
  const { file, explicit } = routesFilePath(values);
  const specs = readRoutesFile(file, explicit);
  // The default route first, then the others by name.
  const destinations = destinationsOf(specs).sort((a, b) => Number(b.route === DEFAULT_ROUTE) - Number(a.route === DEFAULT_ROUTE) || a.route.localeCompare(b.route));
  const configuredRoutes = new Set(specs.map((s) => s.name));
  const undelivered = await withStore(values, (store) => store.listUndelivered(), { readOnly: { onMissing: () => undefined } });
  const rows = destinations.map((d) => ({ ...d, owed: owedTo(undelivered, d.sinkName, sinkOf(specs, d), configuredRoutes).length }));
  // Sinks that delivery records still wait for but the configuration no longer names.
  const known = new Set(destinations.map((d) => d.sinkName));
  const orphans = [...new Set(undelivered.flatMap((u) => Object.entries(u.deliveries).filter(([name, d]) => !known.has(name) && stillOwed(d.status)).map(([name]) => name)))].sort();
  if (values.json === true) {
    for (const r of rows) io.out(JSON.stringify({ sink: r.sinkName, kind: r.kind, route: r.route, floor: floorOf(specs, r.route), destination: r.shown, owed: r.owed }));
    for (const name of orphans) io.out(JSON.stringify({ sink: name, configured: false, owed: owedTo(undelivered, name, undefined, configuredRoutes).length }));
    return 0;
  }
  io.out(`sinks in ${file}:`);
  if (rows.length === 0) io.out('  none: alerts go to the terminal only. Add one with: exposure-monitor sinks add slack --from-env SLACK_WEBHOOK_URL');
  else io.out(formatTable(['SINK', 'KIND', 'ROUTE', 'FLOOR', 'DESTINATION', 'OWED'], rows.map((r) => [r.sinkName, r.kind, r.route, floorOf(specs, r.route), r.shown, String(r.owed)]), tableOptions(io)));
  for (const name of orphans) {
    io.out(`not configured, still owed ${owedTo(undelivered, name, undefined, configuredRoutes).length} alert(s): ${name}; add it again, or withdraw them with: exposure-monitor sinks remove ${name}`);
  }
  return 0;
}

async function addSink(rest: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  const [kind, literal, extra] = rest;
  if (!KINDS.includes(kind as DestinationKind)) throw new InputError(`sinks add: the kind is one of ${KINDS.join(', ')}; got ${JSON.stringify(kind ?? '')}`);
  if (extra !== undefined) throw new InputError(`sinks add: unexpected argument ${JSON.stringify(extra.slice(0, 40))}`);
  const value = destinationValue(kind as DestinationKind, literal, values, io);
  const route = typeof values.route === 'string' ? checkRouteName(values.route, '--route') : DEFAULT_ROUTE;
  const floor = values.floor;
  if (floor !== undefined && !isSeverity(floor)) throw new InputError(`--floor: one of ${SEVERITIES.join(', ')}; got ${JSON.stringify(floor)}`);
  const { file, explicit } = routesFilePath(values);
  const before = readRoutesFile(file, explicit);
  let { specs, destination, added } = withDestination(before, route, kind as DestinationKind, value);
  if (floor !== undefined) specs = route === DEFAULT_ROUTE ? withDefaultFloor(specs, floor) : specs.map((s) => (s.name === route ? { ...s, floor } : s));
  tableOf(specs, file);
  writeRoutesFile(file, specs);
  io.out(
    `${added ? 'added' : 'already configured:'} ${destination.kind} sink ${destination.sinkName} (${destination.shown}) on route ${route}${floor ? `, floor ${floor}` : ''}; saved in ${file}`,
  );
  if (added && !before.some((s) => s.name === route) && route !== DEFAULT_ROUTE) {
    io.out(`route ${route} is new: send a range's alerts to it with: exposure-monitor ranges add <cidr> --route ${route}`);
  }
  return 0;
}

async function removeSink(rest: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  const [name, extra] = rest;
  if (name === undefined) throw new InputError('sinks remove: which sink? (the SINK column of: exposure-monitor sinks list)');
  if (extra !== undefined) throw new InputError(`sinks remove: unexpected argument ${JSON.stringify(extra.slice(0, 40))}`);
  const { file, explicit } = routesFilePath(values);
  const specs = readRoutesFile(file, explicit);
  const { specs: remaining, removed } = withoutDestination(specs, name);
  const configuredRoutes = new Set(specs.map((s) => s.name));
  return withStore(values, async (store) => {
    const owed = owedTo(await store.listUndelivered(), name, removed ? sinkOf(specs, removed) : undefined, configuredRoutes);
    if (!removed && owed.length === 0) throw new InputError(`sinks remove: no sink ${JSON.stringify(name.slice(0, 60))} in ${file}, and no alert owed to one (see: exposure-monitor sinks list)`);
    if (removed) writeRoutesFile(file, remaining);
    await withdraw(store, owed, name);
    io.out(removed ? `removed ${removed.kind} sink ${name} (${removed.shown}) from route ${removed.route} in ${file}` : `${name} was no longer configured in ${file}`);
    if (owed.length === 0) {
      io.out('it was owed no alert');
      return 0;
    }
    io.out(`${owed.length} alert${owed.length === 1 ? ' it was' : 's it were'} still owed ${owed.length === 1 ? 'is' : 'are'} withdrawn for it (other sinks keep theirs; findings keeps the endpoints):`);
    io.out(formatTable(['ALERT', 'SEVERITY', 'EVENT', 'ENDPOINT', 'AT (UTC)'], owed.map((u) => [u.event.id, u.event.severity, u.event.type, endpointLabel(u.event), utcMinute(u.event.at)]), tableOptions(io)));
    return 0;
  });
}

/**
 * Undelivered events a sink still owes: a failed or unsent record, or no record yet for an event
 * the sink takes (its route, floor and own rule, as delivery decides: `sinkTakes`).
 */
function owedTo(items: readonly OutboxItem[], sinkName: string, sink: AlertSink | undefined, configuredRoutes: ReadonlySet<string>): OutboxItem[] {
  return items.filter((u) => {
    const record = u.deliveries[sinkName];
    if (record) return stillOwed(record.status);
    return sink !== undefined && sinkTakes(sink, u.event, configuredRoutes);
  });
}

/** The sink a configured destination is, on its route, as a run builds it (never sent to here). */
function sinkOf(specs: readonly LocalRouteSpec[], destination: Destination): AlertSink | undefined {
  const route = specs.find((s) => s.name === destination.route);
  return route ? routeSinks(route, { timeoutMs: 1, userAgent: 'unused' }).find((s) => s.name === destination.sinkName) : undefined;
}

function stillOwed(status: string): boolean {
  return status !== 'delivered' && status !== 'withdrawn';
}

async function withdraw(store: StateStore, owed: readonly OutboxItem[], sinkName: string): Promise<void> {
  const at = new Date().toISOString();
  for (const u of owed) await store.withdrawDelivery(u.event.id, sinkName, at);
}

function floorOf(specs: ReturnType<typeof readRoutesFile>, route: string): string {
  return specs.find((s) => s.name === route)?.floor ?? 'info';
}

/**
 * The URL or key: `--from-env VAR`, `--from-file FILE` (`-` for standard input), or on the command
 * line, where it lands in the shell's history: the first two keep a secret out of it.
 */
function destinationValue(kind: DestinationKind, literal: string | undefined, values: OptionValues, io: CliIo): string {
  const fromEnv = typeof values['from-env'] === 'string' ? values['from-env'] : undefined;
  const fromFile = typeof values['from-file'] === 'string' ? values['from-file'] : undefined;
  const sources = [literal !== undefined, fromEnv !== undefined, fromFile !== undefined].filter(Boolean).length;
  const what = kind === 'pagerduty' ? 'integration key' : 'webhook URL';
  if (sources !== 1) throw new InputError(`sinks add ${kind}: give the ${what} one way: --from-env VAR, --from-file FILE (- for standard input), or as an argument`);
  let raw: string;
  let where: string;
  if (fromEnv !== undefined) {
    raw = process.env[fromEnv] ?? '';
    where = `--from-env ${fromEnv}`;
    if (raw === '') throw new InputError(`${where}: the environment variable is not set or empty`);
  } else if (fromFile !== undefined) {
    where = `--from-file ${fromFile}`;
    try {
      raw = readFileSync(fromFile === '-' ? 0 : path.resolve(fromFile), 'utf8');
    } catch (err) {
      throw new InputError(`${where}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message.slice(0, 80)}`);
    }
  } else {
    raw = literal as string;
    where = `sinks add ${kind}`;
    if (kind !== 'webhook') io.err(`note: the ${what} is now in your shell history; --from-env VAR or --from-file FILE keep it out`);
  }
  const value = raw.trim();
  if (kind === 'pagerduty') {
    if (!PAGERDUTY_KEY.test(value)) throw new InputError(`${where}: a PagerDuty integration key (8-64 letters, digits, "-" or "_")`);
    return value;
  }
  // Checked as a URL without ever echoing it: it may be a secret.
  try {
    return urlOption({ url: value }, 'url') as string;
  } catch {
    throw new InputError(`${where}: not an http or https URL`);
  }
}
