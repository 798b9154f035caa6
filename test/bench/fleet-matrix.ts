// Both fleets, both conditions (issue #15): the plain net.connect sweep (raw-sweep.mjs), the
// product's real `scan` CLI and `nmap -sT` (when installed), in interleaved rounds, on
//   - the filtered-heavy fleet: bench-fleet.ts as the rest of the bench uses it (its "filtered"
//     ports are listeners with a full accept queue: each probe of one waits out the timeout), and
//   - the RST-heavy fleet: the same layout with no filtered port (BENCH_FLEET_FILTERED=0), so every
//     port that is not listened on answers RST at once and the sweep is bound by CPU, not timeouts,
// each quiet and with one core busy (one busy loop, as recall-under-hog.ts starts, running from
// before the first round to after the last). One table: wall and CPU per probe of each tool
// (medians over the rounds), the ratios round by round (median and range), the product's sweep
// threads, what each found. Goals: scan <= 1.25 x raw, scan <= 2 x nmap -sT, in every cell.
// Beside them, to show where the scan's time goes, the product's sweep alone (recall-sweep.ts: the
// same sweep call as `scan`, with its options, and no fingerprinting), in the same rounds.
//
// `npm run bench -- --only matrix` runs this section alone. BENCH_MATRIX_ROUNDS (default 3) sets
// the rounds per cell; in each round the tools' order rotates, so none always runs first.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleSweepChild, cpuSecondsOf, formatTable, startHogs, stopHogs } from './recall-under-hog.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLES = path.join(ROOT, 'node_modules', '.cache', 'exposure-monitor');
const GOAL_VS_RAW = 1.25;
const GOAL_VS_NMAP = 2;

export interface MatrixLayout {
  cidr: string;
  first: string;
  count: number;
  ports: number[];
  ai: { host: string; port: number; service: string; auth: string }[];
  plain: { host: string; port: number }[];
  filtered: { host: string; port: number }[];
}

export interface MatrixTimed {
  wallS: number;
  cpuS: number;
  stdout: string;
  stderr: string;
  status: number | null;
}

export interface MatrixDeps {
  /** Runs a command to its end; wall and CPU seconds (user + system, all threads) of the process. */
  timed: (command: string, args: string[]) => MatrixTimed;
  /** Starts bench-fleet.ts with these environment variables; stop() resolves once it has exited. */
  startFleet: (env: Record<string, string>) => Promise<{ layout: MatrixLayout; stop: () => Promise<void> }>;
  haveNmap: boolean;
  concurrency: number;
  timeoutMs: number;
}

type Tool = 'raw' | 'sweep' | 'scan' | 'nmap';

interface Cell {
  fleet: string;
  condition: string;
  probes: number;
  rounds: Partial<Record<Tool, MatrixTimed>>[];
  rawOpen: number[];
  sweepOpen: number[];
  scanOpen: number[];
  /** Sweep threads each scan round chose (its summary line; the default measures the machine). */
  scanThreads: number[];
  nmapOpen: number[];
  aiRight: number[];
  expectedOpen: number;
  expectedAi: number;
  rebundles: number;
  load1: number;
  /** One probe's scan: the CLI's fixed cost (start, source check, worker threads), no sweep to speak of. */
  fixed?: MatrixTimed;
  hogShare?: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] as number);
};
const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ratioText = (xs: number[]): string => {
  if (xs.length === 0 || !xs.every(Number.isFinite)) return 'n/a';
  return `${fmt(median(xs))} (${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))})`;
};
const bundleCount = (): number => (existsSync(BUNDLES) ? readdirSync(BUNDLES).length : 0);

function goalLine(ratios: number[], goal: number): string {
  if (ratios.length === 0 || !ratios.every(Number.isFinite)) return 'not measured';
  const m = median(ratios);
  return m <= goal ? `met (${fmt(m)} <= ${goal})` : `missed (${fmt(m)} > ${goal}, ${fmt((m / goal - 1) * 100, 0)} % over)`;
}

async function runCell(deps: MatrixDeps, sweepEntry: string, layout: MatrixLayout, fleet: string, condition: string, hogs: number, rounds: number): Promise<Cell> {
  const ports = layout.ports.join(',');
  const probes = layout.count * layout.ports.length;
  const args: Record<Tool, [string, string[]]> = {
    raw: [process.execPath, [path.join(import.meta.dirname, 'raw-sweep.mjs'), layout.first, String(layout.count), ports, String(deps.concurrency), String(deps.timeoutMs)]],
    sweep: [process.execPath, [sweepEntry, JSON.stringify({ first: layout.first, hosts: layout.count, ports: layout.ports, concurrency: deps.concurrency, timeoutMs: deps.timeoutMs })]],
    // The real CLI at its defaults but for the bench's concurrency and timeout (so --threads is
    // the default), with default-credential checks as in the rest of the bench.
    scan: [
      process.execPath,
      [path.join(ROOT, 'bin/exposure-monitor.mjs'), 'scan', layout.cidr, '--ports', ports, '--check-default-credentials', '--concurrency', String(deps.concurrency), '--timeout', String(deps.timeoutMs), '--json'],
    ],
    nmap: ['nmap', ['-sT', '-n', '-Pn', '-T4', '--max-retries', '1', '--max-rtt-timeout', `${deps.timeoutMs}ms`, '-p', ports, '-oG', '-', layout.cidr]],
  };
  const tools: Tool[] = deps.haveNmap ? ['raw', 'sweep', 'scan', 'nmap'] : ['raw', 'sweep', 'scan'];
  const cell: Cell = {
    fleet,
    condition,
    probes,
    rounds: [],
    rawOpen: [],
    sweepOpen: [],
    scanOpen: [],
    scanThreads: [],
    nmapOpen: [],
    aiRight: [],
    expectedOpen: layout.ai.length + layout.plain.length,
    expectedAi: layout.ai.length,
    rebundles: 0,
    load1: os.loadavg()[0] ?? Number.NaN,
  };
  // The CLI bundles its sources on first use and whenever one changes: once here, untimed.
  const oneProbe: [string, string[]] = [process.execPath, [path.join(ROOT, 'bin/exposure-monitor.mjs'), 'scan', layout.first, '--ports', '9', '--json']];
  deps.timed(...oneProbe);

  const started = startHogs(hogs);
  const killOnExit = (): void => {
    for (const h of started) h.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  try {
    let hogCpu0: number[] = [];
    let hogT0 = 0;
    if (started.length > 0) {
      await new Promise((r) => setTimeout(r, 1000)); // let the busy loop take its core
      hogCpu0 = started.map((h) => cpuSecondsOf(h.pid));
      hogT0 = performance.now();
    }
    cell.fixed = deps.timed(...oneProbe);
    for (let i = 0; i < rounds; i++) {
      const round: Partial<Record<Tool, MatrixTimed>> = {};
      for (let k = 0; k < tools.length; k++) {
        const tool = tools[(i + k) % tools.length] as Tool;
        const [command, toolArgs] = args[tool];
        const before = bundleCount();
        let t = deps.timed(command, toolArgs);
        // A source file changed (someone's edit) and the CLI bundled itself again inside the timed
        // run: that run measured the bundler too, so run it again.
        if (tool === 'scan' && bundleCount() !== before) {
          cell.rebundles++;
          t = deps.timed(command, toolArgs);
        }
        if (t.status !== 0) throw new Error(`${fleet}, ${condition}: ${tool} exited ${t.status}: ${t.stderr.trim().slice(0, 500)}`);
        round[tool] = t;
      }
      cell.rounds.push(round);
      const raw = round.raw as MatrixTimed;
      cell.rawOpen.push((JSON.parse(raw.stdout.trim().split('\n').at(-1) ?? '{}') as { open?: number }).open ?? Number.NaN);
      cell.sweepOpen.push((JSON.parse((round.sweep as MatrixTimed).stdout.trim().split('\n').at(-1) ?? '{}') as { summary?: { open?: number } }).summary?.open ?? Number.NaN);
      const scan = round.scan as MatrixTimed;
      cell.scanOpen.push(Number(/scan: \d+ probes, (\d+) open/.exec(scan.stderr)?.[1] ?? Number.NaN));
      cell.scanThreads.push(Number(/scan: .*, (\d+) sweep threads?$/m.exec(scan.stderr)?.[1] ?? Number.NaN));
      const found = scan.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { ip: string; port: number; service: string; auth: string });
      cell.aiRight.push(layout.ai.filter((a) => found.some((f) => f.ip === a.host && f.port === a.port && f.service === a.service && f.auth === a.auth)).length);
      if (round.nmap) cell.nmapOpen.push((round.nmap.stdout.match(/\/open\//g) ?? []).length);
    }
    if (started.length > 0) {
      const wall = (performance.now() - hogT0) / 1000;
      cell.hogShare = median(started.map((h, j) => (cpuSecondsOf(h.pid) - (hogCpu0[j] as number)) / wall));
    }
  } finally {
    await stopHogs(started);
    process.removeListener('exit', killOnExit);
  }
  return cell;
}

export async function fleetMatrix(deps: MatrixDeps): Promise<void> {
  const rounds = Math.max(1, Number(process.env.BENCH_MATRIX_ROUNDS ?? 3));
  const fleets: { name: string; env: Record<string, string> }[] = [
    { name: 'filtered-heavy', env: {} },
    { name: 'RST-heavy', env: { BENCH_FLEET_FILTERED: '0' } },
  ];
  const conditions = [
    { name: 'quiet', hogs: 0 },
    { name: 'one core busy', hogs: 1 },
  ];
  console.log(
    `both fleets, both conditions: raw net.connect sweep, exposure-monitor scan${deps.haveNmap ? ', nmap -sT' : ' (nmap is not installed: no nmap -sT column)'}; ${rounds} interleaved round(s) per cell; concurrency ${deps.concurrency}, connect timeout ${deps.timeoutMs} ms; ${os.availableParallelism()} core(s), load average ${fmt(os.loadavg()[0] ?? Number.NaN)} at the start`,
  );
  const cells: Cell[] = [];
  const sweepChild = await bundleSweepChild();
  for (const fleet of fleets) {
    const { layout, stop } = await deps.startFleet(fleet.env);
    try {
      console.log(
        `  ${fleet.name}: ${layout.cidr} x ${layout.ports.length} ports = ${layout.count * layout.ports.length} probes; open ${layout.ai.length + layout.plain.length} (${layout.ai.length} AI services, ${layout.plain.length} non-AI), filtered ${layout.filtered.length}, the rest closed (RST)`,
      );
      for (const condition of conditions) cells.push(await runCell(deps, sweepChild.entry, layout, fleet.name, condition.name, condition.hogs, rounds));
    } finally {
      await stop();
    }
  }
  rmSync(sweepChild.dir, { recursive: true, force: true });

  const us = (s: number, probes: number): string => fmt((s / probes) * 1e6, 1);
  const rows = cells.map((c) => {
    const pick = (tool: Tool): MatrixTimed[] => c.rounds.map((r) => r[tool]).filter((t): t is MatrixTimed => t !== undefined);
    const raw = pick('raw');
    const sweep = pick('sweep');
    const scan = pick('scan');
    const nmap = pick('nmap');
    const perRound = (tool: Tool): number[] => c.rounds.map((r) => ((r.scan as MatrixTimed).wallS / (r[tool]?.wallS ?? Number.NaN)));
    return [
      c.fleet,
      c.condition + (c.hogShare !== undefined ? ` (${fmt(c.hogShare * 100, 0)} %)` : ''),
      fmt(median(raw.map((t) => t.wallS))),
      us(median(raw.map((t) => t.cpuS)), c.probes),
      `${fmt(median(sweep.map((t) => t.wallS)))}/${us(median(sweep.map((t) => t.cpuS)), c.probes)}`,
      fmt(median(scan.map((t) => t.wallS))),
      us(median(scan.map((t) => t.cpuS)), c.probes),
      deps.haveNmap ? fmt(median(nmap.map((t) => t.wallS))) : 'n/a',
      ratioText(perRound('raw')),
      deps.haveNmap ? ratioText(perRound('nmap')) : 'n/a',
      [...new Set(c.scanThreads)].sort((a, b) => a - b).join('/'),
      c.fixed ? `${fmt(c.fixed.wallS)}/${fmt(c.fixed.cpuS)}` : 'n/a',
      `${Math.min(...c.rawOpen)}/${Math.min(...c.sweepOpen)}/${Math.min(...c.scanOpen)}${deps.haveNmap ? `/${Math.min(...c.nmapOpen)}` : ''} of ${c.expectedOpen}`,
      `${Math.min(...c.aiRight)}/${c.expectedAi}`,
      fmt(c.load1),
    ];
  });
  console.log(
    formatTable(
      [
        'fleet',
        'condition',
        'raw wall s',
        'raw us CPU/probe',
        'sweep alone s/us',
        'scan wall s',
        'scan us CPU/probe',
        'nmap -sT wall s',
        'scan/raw',
        'scan/nmap',
        'threads',
        'scan 1 probe s',
        `open raw/sweep/scan${deps.haveNmap ? '/nmap' : ''}`,
        'AI right',
        'load 1m',
      ],
      rows,
    ).replace(/^/gm, '  '),
  );
  console.log(
    [
      `  walls and CPU per probe: medians over the rounds; scan/raw, scan/nmap: wall ratios taken round by round, median (lowest-highest);`,
      `  condition: the busy loop's measured share of a core in brackets; threads: the sweep threads the scan chose in each round (the CLI's --threads default, from the cores other processes left free);`,
      `  sweep alone: the product's sweep without fingerprinting, wall s/us CPU per probe; scan 1 probe s: wall/CPU s of a one-probe scan,`,
      `  the CLI's fixed cost; open, AI right: the fewest over the rounds, of those the fleet has.`,
    ].join('\n'),
  );
  for (const c of cells) {
    const ratio = (tool: Tool): number[] => c.rounds.map((r) => (r.scan as MatrixTimed).wallS / (r[tool]?.wallS ?? Number.NaN));
    console.log(
      `  ${c.fleet}, ${c.condition}: scan <= ${GOAL_VS_RAW} x raw: ${goalLine(ratio('raw'), GOAL_VS_RAW)}; scan <= ${GOAL_VS_NMAP} x nmap -sT: ${deps.haveNmap ? goalLine(ratio('nmap'), GOAL_VS_NMAP) : 'not measured (nmap is not installed)'}`,
    );
  }
  const rebundles = cells.reduce((n, c) => n + c.rebundles, 0);
  if (rebundles > 0) console.log(`  ${rebundles} scan run(s) were repeated: the CLI rebundled its sources during them (a source file changed)`);
}
