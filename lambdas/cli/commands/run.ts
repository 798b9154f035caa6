import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { TerminalSink } from '../../adapters/sinks/terminal-sink.js';
import { routeSinks } from '../../adapters/sinks/route-sinks.js';
import { cleanText } from '../../core/alerts/sanitize.js';
import { orderForDigest } from '../../core/alerts/render-digest.js';
import { renderTerminalTable } from '../../core/alerts/render-terminal.js';
import { catalog } from '../../core/fingerprint/catalog/index.js';
import type { AlertEvent } from '../../core/alerts/alert-event.js';
import { DELIVERY_FAILED_LOG } from '../../core/pipeline/deliver-alerts.js';
import { PLAN_WARNINGS } from '../../core/pipeline/plan-cycle.js';
import { systemClock } from '../../core/pipeline/monitor-settings.js';
import type { AlertSink, StateStore } from '../../core/ports.js';
import { InputError } from '../../core/targets/address.js';
import { type LocalCycleResult, runLocalCycle } from '../../local/run-local-cycle.js';
import { type CliIo, progressReporter, tableOptions } from '../cli-io.js';
import { cliLogger } from '../cli-logger.js';
import { domainsOption, monitorSettings, type OptionValues, probeOptions, stateDir } from '../cli-options.js';
import { localHeaderSecrets } from '../../adapters/local/local-header-secrets.js';
import { resolverOption } from '../resolver-option.js';
import { discoverOption } from '../discover-option.js';
import { loadLocalRoutes } from '../local-routes.js';
import { resolveAwsTarget } from '../aws-target.js';
import { withStore } from '../local-stack.js';
import { alertSubject, undeliveredLine } from '../undelivered-text.js';

/** `run`: one monitoring cycle now, on the embedded stack. */
export async function runCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new InputError(`run: unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.aws === true) return startAwsCycle(values, io);
  const result = await withStore(values, (store) => runCycleOnStore(store, values, io));
  // A scheduled run that scanned nothing (no range registered, or every row refused) has failed at
  // its job: exit 1, so cron or a systemd timer notices, as it does for a failed block or alert.
  const scannedNothing = result.plan.ranges === 0;
  if (scannedNothing) {
    io.err(
      result.plan.unresolvedHosts.length > 0 || result.plan.hostProblems.length > 0
        ? 'error: this run scanned nothing: no registered name gave an address it may probe (see the warnings above)'
        : result.plan.rangeProblems.length > 0
          ? 'error: this run scanned nothing: every registered range was refused (see the warnings above); fix or replace them with: exposure-monitor ranges add <cidr> --replace'
          : 'error: this run scanned nothing: no range is registered; add one with: exposure-monitor ranges add <cidr>',
    );
  }
  return scannedNothing || result.deadLetteredBlocks.length > 0 || result.delivery.deadLettered.length > 0 || result.delivery.waitingForSink.length > 0 ? 1 : 0;
}

/** `run --aws`: starts a cycle in the deployed stack now, by invoking its planner. */
async function startAwsCycle(values: OptionValues, io: CliIo, lambda = new LambdaClient({})): Promise<number> {
  const target = await resolveAwsTarget(values);
  if (!target.plannerFunctionName) throw new InputError('run --aws needs --stack NAME (the planner function is read from its outputs)');
  const out = await lambda.send(new InvokeCommand({ FunctionName: target.plannerFunctionName, Payload: Buffer.from(JSON.stringify({ source: 'exposure-monitor-cli' })) }));
  const payload = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
  if (out.FunctionError) {
    io.err(`error: the planner failed: ${cleanText(payload, 500)}`);
    return 1;
  }
  io.out(values.json === true ? payload : `started run: ${cleanText(payload, 500)}`);
  return 0;
}

/**
 * One line per alert a sink still owes: what it is about (severity, event, endpoint), the sink
 * and its error, then once what to do. The pipeline's own log line per failed sink is not printed:
 * it would repeat the same failure without the endpoint.
 */
async function reportUndelivered(store: StateStore, result: LocalCycleResult, io: CliIo): Promise<void> {
  const { deadLettered, waitingForSink } = result.delivery;
  if (deadLettered.length === 0 && waitingForSink.length === 0) return;
  const items = new Map((await store.listUndelivered()).map((u) => [u.event.id, u]));
  const line = (event: AlertEvent): string => {
    const item = items.get(event.id);
    return item ? undeliveredLine(item) : `${alertSubject(event)} (alert ${event.id})`;
  };
  for (const event of deadLettered) io.err(`error: not delivered, kept and retried on the next run: ${line(event)}`);
  if (deadLettered.length > 0) {
    io.err('note: check each sink named above (exposure-monitor sinks list shows where it points); to stop delivering to one: exposure-monitor sinks remove <sink>');
  }
  for (const wait of waitingForSink) {
    const sinks = wait.sinks.join(', ');
    io.err(
      `error: ${alertSubject(wait.event)} (alert ${wait.event.id}) is still owed to ${sinks}, which is no longer configured; it is sent when that sink is configured again, or withdrawn with: exposure-monitor sinks remove ${wait.sinks[0] ?? '<sink>'}`,
    );
  }
}

/** Runs one cycle with the CLI's sinks and prints what it found; shared by `run` and `demo`. */
export async function runCycleOnStore(store: StateStore, values: OptionValues, io: CliIo, heading?: string): Promise<LocalCycleResult> {
  const terminal = new TerminalSink();
  const userAgent = probeOptions(values).userAgent;
  const routes = loadLocalRoutes(values);
  if (routes.saved) {
    const { file, added, floor } = routes.saved;
    for (const d of added) io.err(`saved: ${d.kind} sink ${d.sinkName} (${d.shown}) added to the default route in ${file}; later runs deliver to it without the flag`);
    if (floor) io.err(`saved: the default route's floor is now ${floor} (${file})`);
  }
  // The terminal is the operator's own view: it shows every event, whatever its route.
  const sinks: AlertSink[] = [terminal, ...routes.specs.flatMap((route) => routeSinks(route, { timeoutMs: 10_000, userAgent }))];
  const json = values.json === true;
  const resolver = resolverOption(values);
  // `--discover`: this account's (and allow-listed accounts') AWS inventory joins the range table first.
  const discovered = discoverOption(values, resolver);
  const progress = progressReporter(io, !json);
  const result = await runLocalCycle({
    ...(discovered ?? {}),
    store,
    settings: { ...monitorSettings(values), routes: routes.table },
    probe: { ...probeOptions(values), ...domainsOption(values) },
    catalog,
    sinks,
    resolver,
    headerSecrets: localHeaderSecrets(stateDir(values)),
    clock: systemClock,
    logger: cliLogger(io, { reportedByCommand: [DELIVERY_FAILED_LOG, ...PLAN_WARNINGS] }),
    // "batches" as in the run's summary line: a block is the pipeline's word, not the user's.
    onProgress: (p) => progress.update(`probing: ${p.done} of ${p.total} batches of addresses, ${p.endpoints} AI endpoint${p.endpoints === 1 ? '' : 's'}`),
  });
  progress.done();
  for (const problem of result.plan.rangeProblems) io.err(`warning: range ${problem.row} skipped: ${problem.error}`);
  for (const problem of result.plan.routeProblems) io.err(`warning: range ${problem.row}: ${problem.error}`);
  for (const problem of result.plan.hostProblems) io.err(`warning: host ${problem.row}: ${problem.error}`);
  for (const problem of result.plan.unresolvedHosts) io.err(`warning: host ${problem.row} not probed this run: ${problem.error}`);
  for (const dead of result.deadLetteredBlocks) io.err(`error: a batch of addresses could not be probed (probed again next run): ${dead.error}`);
  await reportUndelivered(store, result, io);
  if (json) {
    for (const event of terminal.events) io.out(JSON.stringify(event));
    return result;
  }
  if (heading) io.out(heading);
  io.out(
    `run ${result.plan.runId}: ${result.plan.ranges} range${result.plan.ranges === 1 ? '' : 's'}, ${result.plan.addresses} address${result.plan.addresses === 1 ? '' : 'es'} in ${result.plan.blocks} batch${result.plan.blocks === 1 ? '' : 'es'}, ${terminal.events.length} alert${terminal.events.length === 1 ? '' : 's'}`,
  );
  io.out(renderTerminalTable(orderForDigest(terminal.events), tableOptions(io)));
  return result;
}
