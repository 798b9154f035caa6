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
    const workers: Worker[] = [];
    const fail = (err: Error): void => {
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const feed = (worker: Worker): void => {
      const flat = takeChunk();
      if (flat.length > 0) worker.postMessage({ type: 'chunk', flat });
      if (exhausted) worker.postMessage({ type: 'end' });
    };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(new URL('./sweep-worker.mjs', import.meta.url), {
        workerData: {
          concurrency: perThread,
          connectTimeoutMs: options.connectTimeoutMs,
          lowWater: CHUNK,
          ratePerSecond: options.ratePerSecond ? options.ratePerSecond / threads : 0,
        },
      });
      workers.push(worker);
      worker.on('message', (m: { type: string; host?: string; port?: number; summary?: SweepSummary; message?: string }) => {
        if (m.type === 'open') options.onOpen?.({ host: m.host as string, port: m.port as number });
        else if (m.type === 'more') feed(worker);
        else if (m.type === 'error') fail(new Error(m.message));
        else if (m.type === 'done' && m.summary) {
          for (const key of Object.keys(total) as (keyof SweepSummary)[]) total[key] += m.summary[key];
          void worker.terminate();
          if (--running === 0) resolve(total);
        }
      });
      worker.on('error', fail);
      // Two chunks up front: the worker asks for the next one before it runs dry.
      feed(worker);
      if (!exhausted) feed(worker);
    }
  });
}
