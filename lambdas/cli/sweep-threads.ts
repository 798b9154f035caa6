import os from 'node:os';

/**
 * How many sweep threads `scan` and `run` use when --threads is not given: as many as the machine
 * actually has free, not as many as it has cores. Why (issue 15): with another process keeping
 * one of two cores busy, the product's two sweep threads plus its fingerprinting main thread
 * competed for one core and the sweep ran slower than a single-threaded one. A thread is added
 * only for a whole core left free by other processes.
 */
export const MAX_DEFAULT_SWEEP_THREADS = 2;

export interface MachineShare {
  /** os.availableParallelism(): the cores this process may run on. */
  readonly availableParallelism: number;
  /** Cores other processes kept busy, measured (see `othersBusyCores`); undefined: not measured. */
  readonly othersBusyCores?: number;
}

/**
 * The default thread count: the free cores (available minus those other processes keep busy),
 * rounded, between 1 and MAX_DEFAULT_SWEEP_THREADS. Unmeasured: the available cores, capped.
 */
export function chooseSweepThreads(share: MachineShare): number {
  const cap = Math.max(1, Math.min(MAX_DEFAULT_SWEEP_THREADS, Math.floor(share.availableParallelism)));
  if (share.othersBusyCores === undefined || !Number.isFinite(share.othersBusyCores)) return cap;
  const free = share.availableParallelism - Math.max(0, share.othersBusyCores);
  return Math.max(1, Math.min(cap, Math.round(free)));
}

/** Machine-wide and this process's CPU time at one moment. */
export interface CpuSnapshot {
  readonly atMs: number;
  /** Busy (non-idle) CPU time of every core, summed (os.cpus()). */
  readonly machineBusyMs: number;
  /** This process's CPU time (process.cpuUsage()). */
  readonly ownMs: number;
}

export function cpuSnapshot(): CpuSnapshot {
  let busy = 0;
  for (const cpu of os.cpus()) busy += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq;
  const own = process.cpuUsage();
  return { atMs: performance.now(), machineBusyMs: busy, ownMs: (own.user + own.system) / 1000 };
}

/** Shortest window a measurement is trusted over (os.cpus() counts in 10 ms ticks). */
export const MIN_WINDOW_MS = 200;

/**
 * Cores other processes kept busy between two snapshots: machine busy time minus this process's,
 * over the wall time between them. Undefined when the window is too short to tell.
 */
export function othersBusyCores(from: CpuSnapshot, to: CpuSnapshot): number | undefined {
  const wall = to.atMs - from.atMs;
  if (!(wall >= MIN_WINDOW_MS)) return undefined;
  return Math.max(0, (to.machineBusyMs - from.machineBusyMs - (to.ownMs - from.ownMs)) / wall);
}

// The start-up of the CLI is the measurement window: it costs no extra wait before the sweep. It
// opens where bin/exposure-monitor.mjs starts (before its source check and bundle load), else
// (run from the sources, as the tests do) when this module loads.
const atLoad = ((globalThis as Record<symbol, unknown>)[Symbol.for('exposure-monitor.start-cpu')] as CpuSnapshot | undefined) ?? cpuSnapshot();

/** The default sweep threads, from the cores available and what others used since start-up. */
export function defaultSweepThreads(): number {
  return chooseSweepThreads({ availableParallelism: os.availableParallelism(), othersBusyCores: othersBusyCores(atLoad, cpuSnapshot()) });
}
