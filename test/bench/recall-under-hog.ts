// Open-port recall under a CPU hog (issue #14): a starved CPU must never hide an open port.
//
// Why this is its own section: the connect sweep defers its timeout with setImmediate so that a
// late event loop does not count a connect the kernel completed as timed out (connect-sweep.mjs).
// That is a correctness claim, not a speed one, so it is shown the way it would fail: loopback
// listeners (open ports) among closed ports, a busy loop on every core, and the product's sweep
// at the `scan` defaults and at --concurrency 4096 (far above what a starved CPU can serve), with
// the default connect timeout. Every open port must be reported open and no closed one; the
// section prints FAIL and run-bench exits non-zero otherwise. It is part of `npm run bench`
// (`npm run bench -- --only recall` runs it alone), never of `npm test`: it loads every core.
//
// Layout: 127.81.0.0/N (loopback only) x 8 ports; BENCH_RECALL_OPEN (default 1,000) of those
// targets have a listener, about three times as many have none (refused: closed).
// BENCH_RECALL_HOGS busy loops (default: one per core).
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORTS = [22, 80, 443, 3000, 6333, 8000, 8080, 11434];
const FIRST = '127.81.0.0';
const HUGE_CONCURRENCY = 4096; // the CLI's --concurrency ceiling

interface SweepRun {
  concurrency: number;
  connectTimeoutMs: number;
  threads: number;
  summary: { attempted: number; open: number; closed: number; filtered: number; descriptorRetries: number };
  open: string[];
  wallS: number;
  cpuS: number;
}

/** A busy loop that also ends itself when its parent (this process) is gone, as in test/stress/run-under-load.sh. */
const HOG = 'const parent = Number(process.argv[1]); for (;;) { for (let i = 0; i < 5e7; i++); if (process.ppid !== parent) process.exit(0); }';

export function startHogs(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', HOG, String(process.pid)], { stdio: 'ignore' }));
}

export async function stopHogs(hogs: ChildProcess[]): Promise<void> {
  await Promise.all(
    hogs.map(
      (h) =>
        new Promise<void>((resolve) => {
          if (h.exitCode !== null || h.signalCode !== null) return resolve();
          h.once('exit', () => resolve());
          h.kill('SIGKILL');
        }),
    ),
  );
}

/** CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return Number.NaN;
  }
}

/** Deterministic choice of which targets get a listener (a seeded shuffle), so runs compare. */
function chooseOpen(total: number, count: number): Set<number> {
  const order = Array.from({ length: total }, (_, i) => i);
  let seed = 14;
  for (let i = total - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return new Set(order.slice(0, count));
}

const hostAt = (h: number): string => {
  const v = FIRST.split('.').reduce((a, b) => a * 256 + Number(b), 0) + h;
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
};

/** Bundles the sweep child as the CLI bundles itself: the sweep's worker files copied beside it. */
export async function bundleSweepChild(): Promise<{ entry: string; dir: string }> {
  const { build } = await import('esbuild');
  mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'bench-recall-'));
  await build({
    entryPoints: [path.join(import.meta.dirname, 'recall-sweep.ts')],
    outdir: dir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  for (const file of ['sweep-worker.mjs', 'connect-sweep.mjs']) copyFileSync(path.join(ROOT, 'lambdas/core/probing', file), path.join(dir, file));
  return { entry: path.join(dir, 'recall-sweep.js'), dir };
}

/** Runs a child to the end without blocking this process's event loop (it serves the listeners). */
function run(command: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; wallS: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr, wallS: (performance.now() - t0) / 1000 }));
  });
}

/** Columns padded to their widest cell (a plain table of its own, whatever the CLI's tables become). */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const pct = (n: number, d: number): string => `${d === 0 ? 'n/a' : ((100 * n) / d).toFixed(1)} %`;
const load1 = (): string => os.loadavg()[0]?.toFixed(2) ?? 'n/a';

/** Prints the section; returns false when an open port was missed or a closed one reported open. */
export async function recallUnderHog(): Promise<boolean> {
  const openCount = Math.max(1, Number(process.env.BENCH_RECALL_OPEN ?? 1000));
  const hogCount = Math.max(0, Number(process.env.BENCH_RECALL_HOGS ?? os.availableParallelism()));
  // Hosts: a power of two (a CIDR, so `scan` can take the same targets), with about 4x as many
  // targets as open ports; at most a /16.
  let prefix = 32;
  while (prefix > 16 && 2 ** (32 - prefix) * PORTS.length < openCount * 4) prefix--;
  const hosts = 2 ** (32 - prefix);
  const total = hosts * PORTS.length;
  if (openCount > total) throw new Error(`BENCH_RECALL_OPEN=${openCount} is more than the layout's ${total} targets`);
  const openIndexes = chooseOpen(total, openCount);
  const expected = new Set<string>();
  for (const i of openIndexes) expected.add(`${hostAt(Math.floor(i / PORTS.length))}:${PORTS[i % PORTS.length]}`);
  const cidr = `${FIRST}/${prefix}`;

  // The open ports: listeners in this process (the sweeps run in their own). Each sends a banner
  // and half-closes, as a non-HTTP service would, so `scan`'s fingerprinting finishes at once.
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  const hogs: ChildProcess[] = [];
  let bundleDir: string | undefined;
  const killHogsOnExit = (): void => {
    for (const h of hogs) h.kill('SIGKILL');
  };
  process.once('exit', killHogsOnExit);
  try {
    for (const key of expected) {
      const [host, port] = key.split(':') as [string, string];
      const server = net.createServer((socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
        socket.end('SSH-2.0-OpenSSH_9.6\r\n');
      });
      server.on('error', () => undefined);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port: Number(port), backlog: 511 }, () => resolve());
      });
      servers.push(server);
    }
    const child = await bundleSweepChild();
    bundleDir = child.dir;

    const sweepOnce = async (concurrency?: number, threads?: number): Promise<SweepRun> => {
      const spec = { first: FIRST, hosts, ports: PORTS, ...(concurrency ? { concurrency } : {}), ...(threads ? { threads } : {}) };
      const r = await run(process.execPath, [child.entry, JSON.stringify(spec)]);
      if (r.status !== 0) throw new Error(`recall sweep exited ${r.status}: ${r.stderr.trim().slice(0, 500)}`);
      return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as SweepRun;
    };

    const rows: string[][] = [];
    const failures: string[] = [];
    let defaults: SweepRun | undefined;
    const record = (label: string, r: SweepRun, load: string): void => {
      defaults ??= r;
      const reported = new Set(r.open);
      const found = [...expected].filter((k) => reported.has(k)).length;
      const falseOpens = r.open.filter((k) => !expected.has(k)).length;
      rows.push([
        label,
        String(r.concurrency),
        String(r.threads),
        String(expected.size),
        String(r.summary.open),
        pct(found, expected.size),
        String(falseOpens),
        String(r.summary.closed),
        String(r.summary.filtered),
        String(r.summary.descriptorRetries),
        r.wallS.toFixed(2),
        r.cpuS.toFixed(2),
        load,
      ]);
      if (found !== expected.size || falseOpens !== 0 || r.summary.attempted !== total) {
        const missed = [...expected].filter((k) => !reported.has(k));
        failures.push(
          `${label}, concurrency ${r.concurrency}: ${found} of ${expected.size} open ports reported open, ${falseOpens} closed ports reported open, ${r.summary.attempted} of ${total} probes recorded${missed.length ? `; missed e.g. ${missed.slice(0, 5).join(', ')}` : ''}`,
        );
      }
    };

    // Without the hog first, for comparison (cheap: a few seconds at most).
    let load = load1();
    record('no hog', await sweepOnce(), load);
    load = load1();
    record('no hog', await sweepOnce(HUGE_CONCURRENCY), load);

    hogs.push(...startHogs(hogCount));
    await new Promise((r) => setTimeout(r, 1000)); // let the hogs take the cores
    const hogCpu0 = hogs.map((h) => cpuSecondsOf(h.pid));
    const hogT0 = performance.now();
    const hogLabel = hogCount > 0 ? 'CPU hog' : 'no hog (BENCH_RECALL_HOGS=0)';
    load = load1();
    record(hogLabel, await sweepOnce(), load);
    load = load1();
    record(hogLabel, await sweepOnce(HUGE_CONCURRENCY), load);
    load = load1();
    record(`${hogLabel}, 1 thread (as the prober Lambda)`, await sweepOnce(HUGE_CONCURRENCY, 1), load);
    // End to end: the real `scan` command, same targets, under the hog. It prints AI endpoints
    // only, so here the check is its summary's open count (the sweep rows above check each port).
    const scanRun = await run(process.execPath, [
      path.join(ROOT, 'bin/exposure-monitor.mjs'),
      'scan',
      cidr,
      '--ports',
      PORTS.join(','),
      '--concurrency',
      String(HUGE_CONCURRENCY),
      '--json',
    ]);
    const hogWallS = (performance.now() - hogT0) / 1000;
    const hogShare = hogs.map((h, i) => (cpuSecondsOf(h.pid) - (hogCpu0[i] as number)) / hogWallS);
    await stopHogs(hogs);
    hogs.length = 0;

    const scanSummary = /scan: (\d+) probes, (\d+) open, (\d+) filtered/.exec(scanRun.stderr);
    if (scanRun.status !== 0 || !scanSummary || Number(scanSummary[1]) !== total || Number(scanSummary[2]) !== expected.size) {
      failures.push(`exposure-monitor scan under the CPU hog: exit ${scanRun.status}, summary "${scanSummary?.[0] ?? scanRun.stderr.trim().slice(0, 300)}", expected ${total} probes and ${expected.size} open`);
    }

    const d = defaults as SweepRun;
    console.log(
      `open-port recall under a CPU hog: ${cidr} x ${PORTS.length} ports = ${total} probes on loopback, ${expected.size} open (listeners), ${total - expected.size} closed; scan defaults: concurrency ${d.concurrency}, connect timeout ${d.connectTimeoutMs} ms, ${d.threads} sweep thread(s); hog: ${hogCount} busy loop(s) on ${os.availableParallelism()} core(s)`,
    );
    console.log(
      formatTable(
        ['run', 'concurrency', 'threads', 'open expected', 'reported open', 'recall', 'false opens', 'closed', 'filtered', 'fd retries', 'wall s', 'sweep CPU s', 'load 1m'],
        rows,
      ).replace(/^/gm, '  '),
    );
    console.log(
      `  exposure-monitor scan --concurrency ${HUGE_CONCURRENCY} under the CPU hog: ${scanSummary ? `${scanSummary[2]} open of ${expected.size} expected (${scanSummary[1]} probes, ${scanSummary[3]} filtered)` : 'no summary line'}, ${scanRun.wallS.toFixed(2)} s wall with fingerprinting, exit ${scanRun.status}`,
    );
    if (hogCount > 0) console.log(`  each busy loop used ${hogShare.map((s) => pct(s, 1)).join(', ')} of a core while the hog runs went on (${hogWallS.toFixed(1)} s)`);
    if (failures.length === 0) {
      console.log(`  PASS: every open port reported open (recall 100 %) and no closed port reported open, without and under the CPU hog`);
      return true;
    }
    for (const f of failures) console.log(`  FAIL: ${f}`);
    return false;
  } finally {
    await stopHogs(hogs);
    process.removeListener('exit', killHogsOnExit);
    const closed = Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    for (const socket of sockets) socket.destroy();
    await closed;
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  }
}
