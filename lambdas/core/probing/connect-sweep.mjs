// The TCP connect sweep itself, in plain JavaScript so the same code runs in the main thread (and
// in the Lambda bundle) and in sweep worker threads without a TypeScript loader. Types: connect-sweep.d.mts.
import net from 'node:net';

/** Errors that mean "this process could not try", not "the port is closed": retried, never recorded. */
const LOCAL_RESOURCE_ERRORS = new Set(['EMFILE', 'ENFILE', 'EADDRNOTAVAIL', 'ENOBUFS', 'EAGAIN']);
const MAX_LOCAL_RETRIES = 50;

/** One connect attempt: 'open', 'closed' (refused/reset), 'filtered' (timeout/unreachable), or a local error code. */
export function connectOnce(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let settled = false;
    const finish = (state) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(state);
    };
    // Why not finish at once: timers run before the poll phase in each turn of the event loop. On
    // a loaded loop (a fraction of a vCPU, hundreds of sockets in flight), a connection that the
    // kernel completed in time can still have its 'connect' callback queued behind this timer, and
    // finishing here would report an open port filtered. `setImmediate` runs after this turn's
    // poll phase, so every connect that completed is seen first; what is still pending then is
    // really unanswered.
    const timer = setTimeout(() => setImmediate(() => finish('filtered')), timeoutMs);
    socket.once('connect', () => finish('open'));
    socket.once('error', (err) => {
      const code = err.code ?? '';
      if (LOCAL_RESOURCE_ERRORS.has(code)) finish({ localError: code });
      else if (code === 'ECONNREFUSED' || code === 'ECONNRESET') finish('closed');
      else finish('filtered');
    });
  });
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sweeps targets ({host, port}) with bounded concurrency. `targets` is an iterable, or a function
 * returning the next target, a promise of it (a worker waiting for its next chunk), or undefined
 * at the end. A local resource failure (EMFILE and friends) backs off and retries the same target
 * with less parallelism, because recording it as "closed" would hide a real open port.
 */
export async function sweepTargets(targets, { concurrency, connectTimeoutMs, onOpen, ratePerSecond }) {
  const summary = { attempted: 0, open: 0, closed: 0, filtered: 0, descriptorRetries: 0 };
  // Politeness cap: connects start at most `ratePerSecond` a second (evenly spaced).
  const interval = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  let nextStart = 0;
  const pace = async () => {
    if (interval === 0) return;
    const now = performance.now();
    const start = Math.max(now, nextStart);
    nextStart = start + interval;
    if (start > now) await delay(start - now);
  };
  let allowed = Math.max(1, concurrency);
  let exhausted = false;
  let pull;
  if (typeof targets === 'function') {
    pull = targets;
  } else {
    const iterator = targets[Symbol.iterator]();
    pull = () => {
      const step = iterator.next();
      return step.done ? undefined : step.value;
    };
  }
  const next = async () => {
    const pending = pull();
    const target = pending instanceof Promise ? await pending : pending;
    if (!target) exhausted = true;
    return target;
  };
  const worker = async (index) => {
    for (;;) {
      // Workers above the (possibly lowered) limit park until the limit rises again or work ends.
      if (index >= allowed) {
        if (exhausted) return;
        await delay(5);
        continue;
      }
      const target = await next();
      if (!target) return;
      for (let tries = 1; ; tries++) {
        if (interval > 0) await pace();
        const state = await connectOnce(target.host, target.port, connectTimeoutMs);
        if (typeof state === 'string') {
          summary.attempted++;
          summary[state]++;
          if (state === 'open') onOpen?.(target);
          break;
        }
        summary.descriptorRetries++;
        if (tries > MAX_LOCAL_RETRIES) {
          throw new Error(`cannot open sockets to probe ${target.host}:${target.port}: ${state.localError} after ${tries} tries`);
        }
        allowed = Math.max(1, Math.floor(allowed * 0.75));
        await delay(Math.min(200, 5 * tries));
      }
      // Recover parallelism slowly once descriptors are available again.
      if (allowed < concurrency && summary.attempted % 64 === 0) allowed++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, (_, i) => worker(i)));
  return summary;
}
