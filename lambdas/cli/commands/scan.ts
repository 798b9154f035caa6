import { cleanText } from '../../core/alerts/sanitize.js';
import { formatTable, type TableOptions } from '../../core/alerts/text-table.js';
import { catalog } from '../../core/fingerprint/catalog/index.js';
import { type Observation, probeTargets } from '../../core/probing/probe-targets.js';
import type { SweepTarget } from '../../core/probing/tcp-sweep.js';
import { formatAddress, InputError } from '../../core/targets/address.js';
import { checkRangeAllowed } from '../../core/targets/address-policy.js';
import { containsAddress, mergeIntervals } from '../../core/targets/cidr.js';
import { parseScanTarget, type ScanTarget } from '../../core/targets/scan-target.js';
import { type CliIo, progressReporter, tableOptions } from '../cli-io.js';
import { monitorSettings, type OptionValues, probeOptions } from '../cli-options.js';

/** `scan <target>...`: a one-shot scan with no state. Every target is checked before any traffic. */
export async function scanCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (positionals.length === 0) throw new InputError('scan: give at least one target (an address, a CIDR or ip:port)');
  const settings = monitorSettings(values);
  const targets = positionals.map((text) => {
    const target = parseScanTarget(text);
    try {
      checkRangeAllowed(target.cidr, settings.policy);
    } catch (err) {
      throw new InputError(`target "${text}": ${(err as Error).message}`);
    }
    return target;
  });
  // Progress on a terminal (never with --json): probes handed to the sweep, of how many.
  const total = targets.reduce((n, t) => n + Number(t.cidr.last - t.cidr.first + 1n) * (t.port === undefined ? settings.defaultPorts.length : 1), 0);
  let handed = 0;
  const counted = function* (): Generator<SweepTarget> {
    for (const target of expandTargets(targets, settings.defaultPorts)) {
      handed++;
      yield target;
    }
  };
  const progress = progressReporter(io, values.json !== true);
  const ticker = setInterval(() => progress.update(`scanning: ${handed} of at most ${total} probes started`), 250);
  let report: Awaited<ReturnType<typeof probeTargets>>;
  try {
    report = await probeTargets(counted(), catalog, probeOptions(values));
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
    `scan: ${report.sweep.attempted} probes, ${report.sweep.open} open, ${report.sweep.filtered} filtered, ${report.observations.length} AI endpoint${report.observations.length === 1 ? '' : 's'}, ${report.httpRequests} HTTP requests (per open port: median ${median}, worst ${perPort.at(-1) ?? 0})${report.sweep.descriptorRetries ? `, ${report.sweep.descriptorRetries} retries after running out of file descriptors` : ''}`,
  );
  return 0;
}

/** The JSON line of the CLI contract: ip, port, tls, service, auth, version, plus evidence. */
export function toJsonLine(o: Observation): Record<string, unknown> {
  return {
    ip: o.ip,
    port: o.port,
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
      `${o.tls ? 'https' : 'http'}://${o.ip}:${o.port}`,
      o.service,
      o.auth,
      cleanText(o.version ?? '-', 20),
      cleanText(o.evidence, 70),
    ]),
    // To fit a terminal, EVIDENCE gives way, then VERSION; the endpoint stays whole.
    { ...options, shrink: [4, 3] },
  );
}

/** Whole-CIDR targets are merged first, so overlapping targets are probed once. */
function* expandTargets(targets: readonly ScanTarget[], ports: readonly number[]): Generator<SweepTarget> {
  const whole = mergeIntervals(targets.filter((t) => t.port === undefined).map((t) => t.cidr));
  for (const interval of whole) {
    for (let value = interval.first; value <= interval.last; value++) {
      const host = formatAddress({ family: interval.family, value });
      for (const port of ports) yield { host, port };
    }
  }
  const single = new Set<string>();
  for (const target of targets) {
    if (target.port === undefined) continue;
    const address = { family: target.cidr.family, value: target.cidr.first };
    if (whole.some((i) => containsAddress(i, address)) && ports.includes(target.port)) continue;
    const host = formatAddress(address);
    if (single.has(`${host}|${target.port}`)) continue;
    single.add(`${host}|${target.port}`);
    yield { host, port: target.port };
  }
}
