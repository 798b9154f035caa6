import { Worker } from 'node:worker_threads';
import { type SweepSummary, type SweepTarget, sweepTargets } from './connect-sweep.mjs';

export type { PortState, SweepSummary, SweepTarget } from './connect-sweep.mjs';

export interface SweepOptions {
  /** Connection attempts in flight at once (across all threads). */
  readonly concurrency: number;
  readonly connectTimeoutMs: number;
  /**
   * Threads that run connects. One keeps everything in this thread (the Lambda case: a prober
   * has at most one vCPU at the default size); more spread the connect work over cores while
   * this thread fingerprints the open ports.
   */
  readonly threads?: number;
  /** Most connects started per second, across all threads (0 or absent: no cap). */
  readonly ratePerSecond?: number;
  /** Called as soon as a port is found open, so fingerprinting can start while the sweep goes on. */
  readonly onOpen?: (target: SweepTarget) => void;
}

/** Targets handed to a worker per message. */
const CHUNK = 1024;

/** TCP connect sweep with bounded concurrency, in this thread or spread over worker threads. */
export async function sweep(targets: Iterable<SweepTarget>, options: SweepOptions): Promise<SweepSummary> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  if (threads === 1) return sweepTargets(targets, options);
  return sweepInWorkers(targets[Symbol.iterator](), threads, options);
}

/**
 * Sweep threads, kept for the next sweep instead of ended: a local cycle sweeps one block after
 * another, and starting a thread per block cost more CPU than the block's connects. Idle threads
 * are unref'd, so they never keep the process alive; a thread that failed is ended, not kept.
 */
const idleWorkers: Worker[] = [];
const sessionOf = new WeakMap<Worker, (m: WorkerMessage) => void>();
let nextSession = 1;
let threadsStarted = 0;

/** Sweep threads this process has started so far (the pool reuses them: see the bench). */
export function sweepThreadsStarted(): number {
  return threadsStarted;
}

interface WorkerMessage {
  type: string;
  session?: number;
  host?: string;
  port?: number;
  summary?: SweepSummary;
  message?: string;
}

function acquireWorker(): Worker {
  const pooled = idleWorkers.pop();
  if (pooled) {
    pooled.ref();
    return pooled;
  }
  const worker = new Worker(new URL('./sweep-worker.mjs', import.meta.url));
  threadsStarted++;
  worker.on('message', (m: WorkerMessage) => sessionOf.get(worker)?.(m));
  worker.on('error', (err: Error) => sessionOf.get(worker)?.({ type: 'error', message: err.message }));
  worker.on('exit', (code) => {
    const i = idleWorkers.indexOf(worker);
    if (i >= 0) idleWorkers.splice(i, 1);
    // A thread that ends while a sweep uses it (without an 'error') must not leave that sweep waiting.
    sessionOf.get(worker)?.({ type: 'error', message: `sweep thread exited (code ${code})` });
  });
  return worker;
}

function releaseWorker(worker: Worker): void {
  sessionOf.delete(worker);
  worker.unref();
  idleWorkers.push(worker);
}

function sweepInWorkers(iterator: Iterator<SweepTarget>, threads: number, options: SweepOptions): Promise<SweepSummary> {
  const total: SweepSummary = { attempted: 0, open: 0, closed: 0, filtered: 0, descriptorRetries: 0 };
  const perThread = Math.max(1, Math.ceil(options.concurrency / threads));
  let exhausted = false;
  const takeChunk = (): (string | number)[] => {
    const flat: (string | number)[] = [];
    while (!exhausted && flat.length < CHUNK * 2) {
      const step = iterator.next();
      if (step.done) exhausted = true;
      else flat.push(step.value.host, step.value.port);
    }
    return flat;
  };
  return new Promise<SweepSummary>((resolve, reject) => {
    let running = threads;
    let failed = false;
    const session = nextSession++;
    const bound = new Set<Worker>();
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      // Only the threads still working for this sweep: one it released may serve another sweep now.
      for (const w of bound) {
        sessionOf.delete(w);
        void w.terminate();
      }
      reject(err);
    };
    const feed = (worker: Worker): void => {
      const flat = takeChunk();
      if (flat.length > 0) worker.postMessage({ type: 'chunk', session, flat });
      if (exhausted) worker.postMessage({ type: 'end', session });
    };
    for (let t = 0; t < threads; t++) {
      const worker = acquireWorker();
      bound.add(worker);
      sessionOf.set(worker, (m) => {
        if (m.session !== undefined && m.session !== session) return;
        if (m.type === 'open') options.onOpen?.({ host: m.host as string, port: m.port as number });
        else if (m.type === 'more') feed(worker);
        else if (m.type === 'error') fail(new Error(m.message));
        else if (m.type === 'done' && m.summary) {
          for (const key of Object.keys(total) as (keyof SweepSummary)[]) total[key] += m.summary[key];
          bound.delete(worker);
          releaseWorker(worker);
          if (--running === 0) resolve(total);
        }
      });
      worker.postMessage({
        type: 'start',
        session,
        options: {
          concurrency: perThread,
          connectTimeoutMs: options.connectTimeoutMs,
          lowWater: CHUNK,
          ratePerSecond: options.ratePerSecond ? options.ratePerSecond / threads : 0,
        },
      });
      // Two chunks up front: the worker asks for the next one before it runs dry.
      feed(worker);
      if (!exhausted) feed(worker);
    }
  });
}
