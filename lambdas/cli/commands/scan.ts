import { cleanText } from '../../core/alerts/sanitize.js';
import { formatTable, type TableOptions } from '../../core/alerts/text-table.js';
import { catalog } from '../../core/fingerprint/catalog/index.js';
import { type Observation, probeTargets } from '../../core/probing/probe-targets.js';
import type { SweepTarget } from '../../core/probing/tcp-sweep.js';
import { formatAddress, InputError, parseAddress } from '../../core/targets/address.js';
import { checkRangeAllowed } from '../../core/targets/address-policy.js';
import { containsAddress, mergeIntervals } from '../../core/targets/cidr.js';
import { isHostTarget, parseAnyTarget, type ScanTarget } from '../../core/targets/scan-target.js';
import type { HostResolver } from '../../core/ports.js';
import { resolveNameTargets } from '../../core/targets/resolve-names.js';
import { resolverOption } from '../resolver-option.js';
import { type CliIo, progressReporter, tableOptions } from '../cli-io.js';
import { cliPortSets, domainsOption, monitorSettings, type OptionValues, portsOption, probeOptions } from '../cli-options.js';

/** `scan <target>...`: a one-shot scan with no state. Every target is checked before any traffic. */
export async function scanCommand(positionals: readonly string[], values: OptionValues, io: CliIo, resolver: HostResolver = resolverOption(values)): Promise<number> {
  if (positionals.length === 0) throw new InputError('scan: give at least one target (an address, a CIDR, ip:port, or a DNS name with an optional :port)');
  const settings = monitorSettings(values);
  // The CLI contract (shared design, "scan"): without --ports, scan sweeps the catalog's ports.
  // Monitored ranges default to the wider `ai` set instead (README "Port sets").
  const ports = portsOption(values) ?? (cliPortSets().catalog as readonly number[]);
  const parsed = positionals.map((text) => ({ text, target: parseAnyTarget(text) }));
  const targets: ScanTarget[] = [];
  for (const { text, target } of parsed) {
    if (isHostTarget(target)) continue;
    try {
      checkRangeAllowed(target.cidr, settings.policy);
    } catch (err) {
      throw new InputError(`target "${text}": ${(err as Error).message}`);
    }
    targets.push(target);
  }
  // Names are resolved before any traffic, and each address they resolve to obeys the same
  // address policy as an address target: DNS must not become a way around it.
  const byName = await resolveNameTargets(
    parsed.flatMap(({ text, target }) => (isHostTarget(target) ? [{ text, ...target }] : [])),
    resolver,
    settings.policy,
    ports,
    (warning) => io.err(`warning: ${warning}`),
  );
  const addressTargets = expandTargets(targets, ports);
  const namedOnly = [...byName.values()].filter((t) => !addressTargets.covers(t.host, t.port));
  // Progress on a terminal (never with --json): probes handed to the sweep, of how many.
  const total = targets.reduce((n, t) => n + Number(t.cidr.last - t.cidr.first + 1n) * (t.port === undefined ? ports.length : 1), 0) + namedOnly.length;
  let handed = 0;
  // Streamed, never listed: a /16 on many ports is millions of targets.
  const counted = function* (): Generator<SweepTarget> {
    for (const target of addressTargets.targets()) {
      handed++;
      yield target;
    }
    for (const { host, port } of namedOnly) {
      handed++;
      yield { host, port };
    }
  };
  // One connect per address:port; then one fingerprint per name it was given under (and one by
  // address when an address target covers it too).
  const namesOf = (host: string, port: number): (string | undefined)[] => {
    const named = byName.get(`${host}|${port}`);
    if (!named) return [undefined];
    return [...(addressTargets.covers(host, port) ? [undefined] : []), ...[...named.names].sort()];
  };
  const progress = progressReporter(io, values.json !== true);
  const ticker = setInterval(() => progress.update(`scanning: ${handed} of at most ${total} probes started`), 250);
  let report: Awaited<ReturnType<typeof probeTargets>>;
  // Once: without --threads the default measures the machine (see sweep-threads.ts), and the
  // summary says what was chosen.
  const options = probeOptions(values);
  const threads = options.sweepThreads ?? 1;
  try {
    report = await probeTargets(counted(), catalog, { ...options, ...domainsOption(values) }, byName.size > 0 ? namesOf : undefined);
  } finally {
    clearInterval(ticker);
    progress.done();
  }
  if (values.json === true) {
    for (const o of report.observations) io.out(JSON.stringify(toJsonLine(o)));
  } else {
    io.out(renderObservations(report.observations, tableOptions(io)));
  }
  const perPort = [...report.requestsPerOpenPort].sort((a, b) => a - b);
  const median = perPort.length ? (perPort[Math.floor((perPort.length - 1) / 2)] as number) : 0;
  io.err(
    `scan: ${report.sweep.attempted} probes, ${report.sweep.open} open, ${report.sweep.filtered} filtered, ${report.observations.length} AI endpoint${report.observations.length === 1 ? '' : 's'}, ${report.httpRequests} HTTP requests (per open port: median ${median}, worst ${perPort.at(-1) ?? 0})${report.sweep.descriptorRetries ? `, ${report.sweep.descriptorRetries} retries after running out of file descriptors` : ''}, ${threads} sweep thread${threads === 1 ? '' : 's'}`,
  );
  return 0;
}

/** The JSON line of the CLI contract: ip, port, tls, service, auth, version, plus evidence. */
export function toJsonLine(o: Observation): Record<string, unknown> {
  return {
    ip: o.ip,
    port: o.port,
    ...(o.host !== undefined ? { host: o.host } : {}),
    tls: o.tls,
    service: o.service,
    auth: o.auth,
    version: o.version,
    evidence: cleanText(o.evidence, 300),
    ...(o.certificate ? { certificate: o.certificate } : {}),
  };
}

export function renderObservations(observations: readonly Observation[], options: Pick<TableOptions, 'width' | 'color'> = {}): string {
  if (observations.length === 0) return 'no AI endpoints found';
  return formatTable(
    ['ENDPOINT', 'SERVICE', 'AUTH', 'VERSION', 'EVIDENCE'],
    observations.map((o) => [
      o.host !== undefined ? `${o.tls ? 'https' : 'http'}://${o.host}:${o.port} (${o.ip})` : `${o.tls ? 'https' : 'http'}://${o.ip}:${o.port}`,
      o.service,
      o.auth,
      cleanText(o.version ?? '-', 20),
      cleanText(o.evidence, 70),
    ]),
    // To fit a terminal, EVIDENCE gives way, then VERSION; the endpoint stays whole.
    { ...options, shrink: [4, 3] },
  );
}

/**
 * The address targets as sweep targets (whole CIDRs merged first, so overlapping targets are
 * probed once), and whether they cover an address:port (so a name on it adds no connect).
 */
function expandTargets(targets: readonly ScanTarget[], ports: readonly number[]): { targets(): Generator<SweepTarget>; covers(host: string, port: number): boolean } {
  const whole = mergeIntervals(targets.filter((t) => t.port === undefined).map((t) => t.cidr));
  const single = new Set<string>();
  for (const target of targets) {
    if (target.port === undefined) continue;
    const address = { family: target.cidr.family, value: target.cidr.first };
    if (whole.some((i) => containsAddress(i, address)) && ports.includes(target.port)) continue;
    single.add(`${formatAddress(address)}|${target.port}`);
  }
  const inWhole = (host: string, port: number): boolean => {
    if (!ports.includes(port)) return false;
    try {
      const address = parseAddress(host);
      return whole.some((i) => containsAddress(i, address));
    } catch {
      return false;
    }
  };
  return {
    *targets() {
      for (const interval of whole) {
        for (let value = interval.first; value <= interval.last; value++) {
          const host = formatAddress({ family: interval.family, value });
          for (const port of ports) yield { host, port };
        }
      }
      for (const key of single) {
        const [host, port] = key.split('|') as [string, string];
        yield { host, port: Number(port) };
      }
    },
    covers: (host, port) => inWhole(host, port) || single.has(`${host}|${port}`),
  };
}

