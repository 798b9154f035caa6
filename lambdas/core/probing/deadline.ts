import { EventEmitter } from 'node:events';

/**
 * A deadline's signal, in the EventEmitter form undici's `signal` option accepts (`aborted`,
 * `reason`, an 'abort' event: undici lib/core/util.js addAbortListener, v7.30.2). Why not an
 * AbortSignal: the HTTP session needs one per request, and in `node --cpu-prof` creating
 * AbortSignals (EventTarget) cost ~16 µs each, more than the rest of the request bookkeeping.
 */
export class DeadlineSignal extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  /** Aborts once (later calls do nothing) and tells the listeners. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

/** What a deadline may follow: an AbortSignal (a block's budget) or another deadline. */
export type AbortSource = AbortSignal | DeadlineSignal;

function onAbort(source: AbortSource, listener: () => void): () => void {
  if (source instanceof DeadlineSignal) {
    source.once('abort', listener);
    return () => source.removeListener('abort', listener);
  }
  source.addEventListener('abort', listener, { once: true });
  return () => source.removeEventListener('abort', listener);
}

/**
 * A deadline: its signal aborts after `ms` (reason: a TimeoutError DOMException, as
 * AbortSignal.timeout gives) or as soon as `outer` aborts (with its reason), whichever is first.
 * Unlike AbortSignal.timeout + AbortSignal.any, `release()` ends it: its timer is cleared and its
 * listener on `outer` removed. Why: the HTTP session made one timeout signal and one `any` per
 * request, and each timer still fired seconds after its request had ended, building a DOMException
 * (and its stack) for nothing (test/bench/fingerprint-cpu.ts, with node --cpu-prof).
 */
export interface Deadline {
  readonly signal: DeadlineSignal;
  /** Ends the deadline without aborting (idempotent); an aborted one stays aborted. */
  release(): void;
}

export function startDeadline(ms: number, outer?: AbortSource): Deadline {
  const signal = new DeadlineSignal();
  if (outer?.aborted) {
    signal.abort(outer.reason);
    return { signal, release: () => undefined };
  }
  const stopFollowing = outer ? onAbort(outer, () => {
    clearTimeout(timer);
    signal.abort(outer.reason);
  }) : undefined;
  const timer = setTimeout(() => {
    stopFollowing?.();
    signal.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, ms);
  // As AbortSignal.timeout: a pending deadline alone does not keep the process alive.
  timer.unref();
  return {
    signal,
    release: () => {
      clearTimeout(timer);
      stopFollowing?.();
    },
  };
}
