// Child process of recall-under-hog.ts and fleet-matrix.ts: one run of the product's TCP connect
// sweep over a layout, with the options the `scan` command would use, and every port it reported open.
// Usage: node recall-sweep.js '<json: {first, hosts, ports, concurrency?, threads?, timeoutMs?}>'
// Prints one JSON line: the options used, the sweep summary, the open ports, wall and CPU time.
import { type OptionValues, probeOptions } from '../../lambdas/cli/cli-options.js';
import { sweep, type SweepTarget } from '../../lambdas/core/probing/tcp-sweep.js';

interface Spec {
  first: string;
  hosts: number;
  ports: number[];
  concurrency?: number;
  threads?: number;
  timeoutMs?: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;
// The CLI's own option parsing: absent flags give exactly `scan`'s defaults (concurrency,
// connect timeout, sweep threads), and --concurrency goes through the same bounds.
const values: OptionValues = {};
if (spec.concurrency !== undefined) values.concurrency = String(spec.concurrency);
if (spec.threads !== undefined) values.threads = String(spec.threads);
if (spec.timeoutMs !== undefined) values.timeout = String(spec.timeoutMs);
const options = probeOptions(values);

function* targets(): Generator<SweepTarget> {
  const base = spec.first.split('.').reduce((a, b) => a * 256 + Number(b), 0);
  for (let h = 0; h < spec.hosts; h++) {
    const v = base + h;
    const host = `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
    for (const port of spec.ports) yield { host, port };
  }
}

const open: string[] = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
// The same call probeTargets (behind `scan` and the prober) makes; onOpen is where it starts
// fingerprinting, and here it records the port, so every reported open port is known.
const summary = await sweep(targets(), {
  concurrency: options.connectConcurrency,
  connectTimeoutMs: options.connectTimeoutMs,
  threads: options.sweepThreads ?? 1,
  onOpen: (t) => open.push(`${t.host}:${t.port}`),
});
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    concurrency: options.connectConcurrency,
    connectTimeoutMs: options.connectTimeoutMs,
    threads: options.sweepThreads ?? 1,
    summary,
    open,
    wallS,
    cpuS: (cpu.user + cpu.system) / 1e6,
  })}\n`,
);
