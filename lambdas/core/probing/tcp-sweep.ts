import net from 'node:net';

export interface SweepTarget {
  readonly host: string;
  readonly port: number;
}

export type PortState = 'open' | 'closed' | 'filtered';

export interface SweepOptions {
  /** Connection attempts in flight at once. */
  readonly concurrency: number;
  readonly connectTimeoutMs: number;
  /** Called as soon as a port is found open, so fingerprinting can start while the sweep goes on. */
  readonly onOpen?: (target: SweepTarget) => void;
}

export interface SweepSummary {
  readonly attempted: number;
  readonly open: number;
  readonly closed: number;
  readonly filtered: number;
  /** Attempts retried because the process ran out of file descriptors (never counted as closed). */
  readonly descriptorRetries: number;
}

/** Errors that mean "this process could not try", not "the port is closed": retried, never recorded. */
const LOCAL_RESOURCE_ERRORS = new Set(['EMFILE', 'ENFILE', 'EADDRNOTAVAIL', 'ENOBUFS', 'EAGAIN']);
const MAX_LOCAL_RETRIES = 50;

/** One connect attempt: open, closed (refused/reset), filtered (timeout/unreachable), or a local error. */
export function connectOnce(target: SweepTarget, timeoutMs: number): Promise<PortState | { localError: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: target.host, port: target.port });
    let settled = false;
    const finish = (state: PortState | { localError: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(state);
    };
    const timer = setTimeout(() => finish('filtered'), timeoutMs);
    socket.once('connect', () => finish('open'));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (LOCAL_RESOURCE_ERRORS.has(code)) finish({ localError: code });
      else if (code === 'ECONNREFUSED' || code === 'ECONNRESET') finish('closed');
      else finish('filtered');
    });
  });
}

/**
 * TCP connect sweep with bounded concurrency. A local resource failure (EMFILE and friends) backs
 * off and retries the same target with less parallelism, because recording it as "closed" would
 * hide a real open port.
 */
export async function sweep(targets: Iterable<SweepTarget>, options: SweepOptions): Promise<SweepSummary> {
  const iterator = targets[Symbol.iterator]();
  let attempted = 0;
  let open = 0;
  let closed = 0;
  let filtered = 0;
  let descriptorRetries = 0;
  let allowed = Math.max(1, options.concurrency);
  let active = 0;

  let exhausted = false;
  const next = (): SweepTarget | undefined => {
    const step = iterator.next();
    if (step.done) exhausted = true;
    return step.done ? undefined : step.value;
  };

  const worker = async (index: number): Promise<void> => {
    for (;;) {
      // Workers above the (possibly lowered) limit park until the limit rises again or work ends.
      if (index >= allowed) {
        await delay(5);
        if (exhausted) return;
        continue;
      }
      const target = next();
      if (!target) return;
      active++;
      let tries = 0;
      for (;;) {
        const state = await connectOnce(target, options.connectTimeoutMs);
        if (typeof state === 'string') {
          attempted++;
          if (state === 'open') {
            open++;
            options.onOpen?.(target);
          } else if (state === 'closed') closed++;
          else filtered++;
          break;
        }
        descriptorRetries++;
        tries++;
        if (tries > MAX_LOCAL_RETRIES) {
          active--;
          throw new Error(`cannot open sockets to probe ${target.host}:${target.port}: ${state.localError} after ${tries} tries`);
        }
        allowed = Math.max(1, Math.floor(allowed * 0.75));
        await delay(Math.min(200, 5 * tries));
      }
      active--;
      if (allowed < options.concurrency && descriptorRetries > 0 && attempted % 64 === 0) allowed++;
    }
  };

  const workerCount = Math.max(1, options.concurrency);
  await Promise.all(Array.from({ length: workerCount }, (_, i) => worker(i)));
  return { attempted, open, closed, filtered, descriptorRetries };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
