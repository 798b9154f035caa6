// npm run bench: speed, memory and cost figures, all on loopback (127.80.0.0/20), in one run.
//   (a) a raw net.connect sweep (the limit for Node here), (b) the product's `scan`, (c) nmap -sT
//   (installed from Debian's packages when missing and we are root), nmap -sT -sV --version-light;
//   the file-descriptor budget check (ulimit -n 1024), the 4,096-target block's peak RSS, planning
//   a /12, and DynamoDB requests per cycle, then the ratios; last, open-port recall under a CPU
//   hog (recall-under-hog.ts). `npm run bench -- --only recall` runs only that last section.
//   Between the two: both fleets (filtered-heavy, RST-heavy) quiet and with one core busy, raw vs
//   scan vs nmap -sT (fleet-matrix.ts); `npm run bench -- --only matrix` runs only that one.
//   Then the cloud path: the planner, prober and notifier handlers in-process on a loopback /16
//   with dynalite, per stage, and the cost table from those figures (cloud-stage-main.ts);
//   `npm run bench -- --only cloud` runs only that (--cloud-prefix 16..24, --cloud-ports a,b).
//   BENCH_NO_INSTALL=1: install nothing (a missing nmap is then left out).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { portSets } from '../../lambdas/core/fingerprint/port-sets.js';
import { blockShape } from '../../lambdas/core/planning/plan-blocks.js';
import { renderPortSetTable, renderCostTable } from './cost-model.js';
import { cloudStage } from './cloud-stage-main.js';
import { fleetMatrix, type MatrixLayout } from './fleet-matrix.js';
import { recallUnderHog } from './recall-under-hog.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 512);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 1000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

/** What the bench fleet prints about itself (the same layout the matrix section reads). */
type Layout = MatrixLayout;

interface Timed {
  wallS: number;
  cpuS: number;
  maxRssMb: number;
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs a command under GNU time to get wall, CPU and peak RSS of the whole process tree's leader. */
function timed(command: string, args: string[], shellPrefix = ''): Timed {
  const marker = '@@TIME@@';
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `${shellPrefix}/usr/bin/time -f '${marker} %e %U %S %M' ${quoted}`;
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  const line = (r.stderr.split('\n').find((l) => l.startsWith(marker)) ?? '').split(' ');
  return {
    wallS: Number(line[1]),
    cpuS: Number(line[2]) + Number(line[3]),
    maxRssMb: Number(line[4]) / 1024,
    stdout: r.stdout,
    stderr: r.stderr.split('\n').filter((l) => !l.startsWith(marker)).join('\n'),
    status: r.status,
  };
}

function ensureTool(tool: string, debianPackage: string): boolean {
  if (spawnSync('bash', ['-c', `command -v ${tool}`]).status === 0) return true;
  if (process.getuid?.() !== 0) {
    console.log(`${tool} is not installed and this is not root: skipping the ${tool} comparison`);
    return false;
  }
  if (process.env.BENCH_NO_INSTALL === '1') {
    console.log(`${tool} is not installed and BENCH_NO_INSTALL=1: skipping the ${tool} comparison`);
    return false;
  }
  if (spawnSync('bash', ['-c', 'command -v apt-get']).status !== 0) {
    console.log(`${tool} is not installed and there is no apt-get: skipping the ${tool} comparison`);
    return false;
  }
  const install = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${debianPackage}`;
  console.log(`${tool} is not installed: running \`${install}\` (BENCH_NO_INSTALL=1 skips this)...`);
  const r = spawnSync('bash', ['-c', `(${install}) >/dev/null 2>&1`]);
  if (r.status !== 0 || spawnSync('bash', ['-c', `command -v ${tool}`]).status !== 0) {
    console.log(`could not install ${debianPackage}: skipping the ${tool} comparison`);
    return false;
  }
  return true;
}

/** Bundles bench entry points with esbuild (as the Lambda functions are) into a temporary folder. */
async function bundle(entries: string[]): Promise<string> {
  const { build } = await import('esbuild');
  const outdir = mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'bench-'));
  await build({
    entryPoints: entries.map((e) => path.join(import.meta.dirname, e)),
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return outdir;
}

const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** Starts bench-fleet.ts (env: e.g. BENCH_FLEET_FILTERED); stop() resolves once it has exited. */
async function startFleet(env: Record<string, string> = {}): Promise<{ layout: Layout; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-fleet.ts')], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench fleet exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    layout: JSON.parse(first) as Layout,
    stop: () => {
      child.stdin.end();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000); // its listeners would not close
      return exited.finally(() => clearTimeout(kill));
    },
  };
}

/** The value of `--name value` or `--name=value` on the command line; undefined when absent. */
function argValue(name: string): string | undefined {
  const i = process.argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const arg = process.argv[i] as string;
  return arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : (process.argv[i + 1] ?? '');
}

async function main(): Promise<void> {
  const only = argValue('--only');
  if (only !== undefined && only !== 'recall' && only !== 'matrix' && only !== 'cloud') throw new Error(`--only takes "recall", "matrix" or "cloud", not "${only}"`);
  if (only === undefined) await speedAndCost();
  if (only === undefined || only === 'cloud') {
    if (only === undefined) console.log('');
    const prefix = Number(argValue('--cloud-prefix') ?? process.env.BENCH_CLOUD_PREFIX ?? 16);
    const ports = (argValue('--cloud-ports') ?? process.env.BENCH_CLOUD_PORTS ?? '8080,11434').split(',').map(Number);
    const services = Number(argValue('--cloud-services') ?? 8);
    if (!Number.isInteger(prefix) || prefix < 16 || prefix > 24) throw new Error('--cloud-prefix takes 16 to 24');
    if (!ports.every((p) => Number.isInteger(p) && p > 0 && p < 65_536)) throw new Error('--cloud-ports takes a comma list of ports');
    if (!(await cloudStage({ prefix, ports, services }))) process.exitCode = 1;
    if (only === 'cloud') return;
  }
  if (only === undefined || only === 'matrix') {
    if (only === undefined) console.log('');
    if (!ensureTool('/usr/bin/time', 'time')) throw new Error('GNU time is required for the figures');
    await fleetMatrix({ timed, startFleet, haveNmap: ensureTool('nmap', 'nmap'), concurrency: CONCURRENCY, timeoutMs: TIMEOUT_MS });
  }
  if (only === 'matrix') return;
  // Its own section, after the others and with no fleet running: it loads every core on purpose
  // (a busy loop per core), and what it shows is a correctness claim, not a speed: a starved CPU
  // never hides an open port (issue #14). A miss makes the whole bench exit non-zero.
  if (only === undefined) console.log('');
  if (!(await recallUnderHog())) process.exitCode = 1;
}

async function speedAndCost(): Promise<void> {
  if (!ensureTool('/usr/bin/time', 'time')) throw new Error('GNU time is required for the figures');
  const haveNmap = ensureTool('nmap', 'nmap');
  console.log('starting the loopback fleet...');
  const { layout, stop } = await startFleet();
  try {
    const probes = layout.count * layout.ports.length;
    const ports = layout.ports.join(',');
    const openExpected = layout.ai.length + layout.plain.length;
    console.log(
      `targets: ${layout.cidr} x ${layout.ports.length} ports = ${probes} probes; open: ${openExpected} (${layout.ai.length} AI services, ${layout.plain.length} non-AI); filtered: ${layout.filtered.length}; concurrency ${CONCURRENCY}, connect timeout ${TIMEOUT_MS} ms`,
    );

    // (a), (b) and (c) in turn, REPEATS rounds: the machine is shared, so ratios are taken round by
    // round and the median is quoted (with the range), and each tool's median run is shown.
    const cli = [path.join(ROOT, 'bin/exposure-monitor.mjs'), 'scan', layout.cidr, '--ports', ports, '--check-default-credentials', '--concurrency', String(CONCURRENCY), '--timeout', String(TIMEOUT_MS), '--json'];
    const rounds: { raw: Timed; product: Timed; nmap?: Timed; run: Timed; steady: Timed }[] = [];
    for (let i = 0; i < REPEATS; i++) {
      // (a) the plain sweep
      const rawRun = timed(process.execPath, [path.join(import.meta.dirname, 'raw-sweep.mjs'), layout.first, String(layout.count), ports, String(CONCURRENCY), String(TIMEOUT_MS)]);
      // (b) the product, with default-credential checks so the fixtures in that state count as found correctly
      const productRun = timed(process.execPath, cli);
      // (c) nmap -sT
      const nmapRun = haveNmap ? timed('nmap', ['-sT', '-n', '-Pn', '-T4', '--max-retries', '1', '--max-rtt-timeout', `${TIMEOUT_MS}ms`, '-p', ports, '-oG', '-', layout.cidr]) : undefined;
      // (d) the product's `run` on the same targets: a fresh state directory with that one range,
      // so it does the work of a first cycle (every endpoint new) next to `scan`'s.
      const stateDir = mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'bench-run-'));
      const exposureMonitor = path.join(ROOT, 'bin/exposure-monitor.mjs');
      timed(process.execPath, [exposureMonitor, 'ranges', 'add', layout.cidr, '--ports', ports, '--state-dir', stateDir]);
      const runCli = [exposureMonitor, 'run', '--check-default-credentials', '--concurrency', String(CONCURRENCY), '--timeout', String(TIMEOUT_MS), '--state-dir', stateDir, '--json'];
      const cycleRun = timed(process.execPath, runCli);
      // (d2) the same `run` again: an unchanged cycle (nothing new to record or alert), the steady
      // state of a scheduled monitor, to tell the first cycle's writes and alerts from the scan itself.
      const steadyRun = timed(process.execPath, runCli);
      rounds.push({ raw: rawRun, product: productRun, ...(nmapRun ? { nmap: nmapRun } : {}), run: cycleRun, steady: steadyRun });
    }
    const medianRun = (pick: (r: (typeof rounds)[number]) => Timed | undefined): Timed | undefined =>
      rounds.map(pick).filter((t): t is Timed => t !== undefined).sort((x, y) => x.wallS - y.wallS)[Math.floor((rounds.length - 1) / 2)];
    const raw = medianRun((r) => r.raw) as Timed;
    const product = medianRun((r) => r.product) as Timed;
    const nmap = medianRun((r) => r.nmap);
    const rawOut = JSON.parse(raw.stdout.trim().split('\n').at(-1) ?? '{}') as { open?: number };
    const found = product.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { ip: string; port: number; service: string; auth: string });
    const summary = /scan: (\d+) probes, (\d+) open.*?(\d+) HTTP requests \(per open port: median (\d+), worst (\d+)\)/.exec(product.stderr);
    const correct = layout.ai.filter((a) => found.some((f) => f.ip === a.host && f.port === a.port && f.service === a.service && f.auth === a.auth)).length;
    const nmapOpen = nmap ? (nmap.stdout.match(/\/open\//g) ?? []).length : Number.NaN;
    const nmapSv = haveNmap
      ? timed('nmap', ['-sT', '-sV', '--version-light', '-n', '-Pn', '-T4', '--max-retries', '1', '--max-rtt-timeout', `${TIMEOUT_MS}ms`, '-p', ports, '-oG', '-', layout.cidr])
      : undefined;
    const ratioStats = (xs: number[]): string => {
      const sorted = [...xs].sort((x, y) => x - y);
      return `${fmt(sorted[Math.floor((sorted.length - 1) / 2)] as number)} (median of ${sorted.length} rounds; ${fmt(sorted[0] as number)} to ${fmt(sorted.at(-1) as number)})`;
    };

    // File-descriptor budget: Lambda's 1,024, with more concurrency requested than it allows.
    const fd = timed(process.execPath, [...cli.slice(0, -3), '--concurrency', '2000', '--timeout', String(TIMEOUT_MS), '--json'], 'ulimit -n 1024; ');
    const fdFound = fd.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { ip: string; port: number; service: string; auth: string });
    const fdSummary = /scan: (\d+) probes, (\d+) open/.exec(fd.stderr);
    const fdMisses = layout.ai.filter((a) => !fdFound.some((f) => f.ip === a.host && f.port === a.port && f.service === a.service && f.auth === a.auth)).length;
    const fdRetries = /(\d+) retries after running out of file descriptors/.exec(fd.stderr)?.[1] ?? '0';

    // One 4,096-target block (256 addresses x 16 ports) holding AI services: peak RSS.
    // As the prober Lambda runs a block: one thread (each sweep worker thread is its own V8 heap).
    const block = timed(process.execPath, [path.join(ROOT, 'bin/exposure-monitor.mjs'), 'scan', '127.80.1.0/24', '--ports', ports, '--threads', '1', '--check-default-credentials', '--concurrency', String(CONCURRENCY), '--timeout', String(TIMEOUT_MS), '--json']);

    // Planner at /12 and DynamoDB requests per cycle: in their own processes.
    // Bundled first, so their figures are the planner's and not a TypeScript loader's.
    const bundles = await bundle(['plan-bench.ts', 'store-cost.ts']);
    const plan = timed(process.execPath, [path.join(bundles, 'plan-bench.js')]);
    const store = timed(process.execPath, [path.join(bundles, 'store-cost.js'), JSON.stringify(layout)]);

    console.log('');
    console.log(`(a) raw net.connect sweep: ${fmt(raw.wallS)} s wall, ${fmt(probes / raw.wallS, 0)} probes/s, ${fmt((raw.cpuS / probes) * 1e6, 1)} us CPU/probe, peak RSS ${fmt(raw.maxRssMb, 0)} MB, open ${rawOut.open}`);
    console.log(
      `(b) exposure-monitor scan: ${fmt(product.wallS)} s wall, ${fmt(probes / product.wallS, 0)} probes/s, ${fmt((product.cpuS / probes) * 1e6, 1)} us CPU/probe, peak RSS ${fmt(product.maxRssMb, 0)} MB, open ${summary?.[2]}, AI endpoints ${found.length} (${correct}/${layout.ai.length} correct service+auth), HTTP requests per open port: median ${summary?.[4]}, worst ${summary?.[5]}, mean ${summary ? fmt(Number(summary[3]) / Number(summary[2]), 1) : 'n/a'}`,
    );
    if (nmap && nmapSv) {
      console.log(`(c) nmap -sT: ${fmt(nmap.wallS)} s wall, ${fmt(probes / nmap.wallS, 0)} probes/s, ${fmt((nmap.cpuS / probes) * 1e6, 1)} us CPU/probe, peak RSS ${fmt(nmap.maxRssMb, 0)} MB, open ${nmapOpen}`);
      console.log(`    nmap -sT -sV --version-light: ${fmt(nmapSv.wallS)} s wall, peak RSS ${fmt(nmapSv.maxRssMb, 0)} MB`);
    }
    console.log(
      `file-descriptor budget (ulimit -n 1024, --concurrency 2000): ${fmt(fd.wallS)} s, open ${fdSummary?.[2]} of ${openExpected}, AI endpoints missed ${fdMisses}, descriptor retries ${fdRetries}, exit ${fd.status}`,
    );
    console.log(`4,096-target block (127.80.1.0/24 x 16 ports, one thread as on Lambda): ${fmt(block.wallS)} s, peak RSS ${fmt(block.maxRssMb, 0)} MB`);
    console.log(plan.stdout.trim());
    console.log(`  (planner process: ${fmt(plan.wallS)} s wall, peak RSS ${fmt(plan.maxRssMb, 0)} MB)`);
    console.log(store.stdout.trim());
    if (store.status !== 0 || plan.status !== 0) console.log(`plan/store errors:\n${plan.stderr}\n${store.stderr}`);
    console.log('');
    console.log(renderCostTable((product.cpuS / probes) * 1e6));
    console.log('');
    console.log(renderPortSetTable((product.cpuS / probes) * 1e6, portSets(catalog), blockShape));
    console.log('');
    console.log(`ratio (b)/(a) wall: ${ratioStats(rounds.map((r) => r.product.wallS / r.raw.wallS))}`);
    const cycle = medianRun((r) => r.run) as Timed;
    console.log(`(d) exposure-monitor run on the same targets (first cycle, embedded store): ${fmt(cycle.wallS)} s wall, ${fmt(cycle.cpuS)} s CPU`);
    console.log(`ratio (d)/(b) wall, run vs scan: ${ratioStats(rounds.map((r) => r.run.wallS / r.product.wallS))} (goal: at most 1.3)`);
    const steady = medianRun((r) => r.steady) as Timed;
    console.log(`(d2) the same run again, an unchanged cycle: ${fmt(steady.wallS)} s wall, ${fmt(steady.cpuS)} s CPU; ratio (d2)/(b) wall: ${ratioStats(rounds.map((r) => r.steady.wallS / r.product.wallS))}`);
    if (nmap && nmapSv) {
      console.log(`ratio (b)/(c) wall vs nmap -sT: ${ratioStats(rounds.map((r) => r.product.wallS / (r.nmap as Timed).wallS))}`);
      console.log(`ratio nmap -sT -sV --version-light / (b) wall: ${fmt(nmapSv.wallS / product.wallS)}`);
    }
  } finally {
    await stop();
  }
}

await main();
execFileSync('true');
