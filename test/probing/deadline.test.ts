import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDeadline } from '../../lambdas/core/probing/deadline.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('startDeadline', () => {
  it('aborts with a TimeoutError once its time is up', () => {
    vi.useFakeTimers();
    const d = startDeadline(1_000);
    vi.advanceTimersByTime(999);
    expect(d.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(d.signal.aborted).toBe(true);
    expect((d.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('aborts with the outer reason when the outer signal aborts first, and at once when it already has', () => {
    const outer = new AbortController();
    const d = startDeadline(60_000, outer.signal);
    outer.abort(new Error('block budget spent'));
    expect(d.signal.aborted).toBe(true);
    expect((d.signal.reason as Error).message).toBe('block budget spent');
    const late = startDeadline(60_000, outer.signal);
    expect(late.signal.aborted).toBe(true);
    expect((late.signal.reason as Error).message).toBe('block budget spent');
  });

  it('follows another deadline (an endpoint budget inside a block), telling its listeners once', () => {
    vi.useFakeTimers();
    const endpoint = startDeadline(1_000);
    const request = startDeadline(60_000, endpoint.signal);
    let told = 0;
    request.signal.on('abort', () => told++);
    vi.advanceTimersByTime(1_000);
    expect(request.signal.aborted).toBe(true);
    expect((request.signal.reason as DOMException).name).toBe('TimeoutError');
    request.signal.abort(new Error('again'));
    expect(told).toBe(1);
    expect(endpoint.signal.listenerCount('abort')).toBe(0);
  });

  it('once released, neither its timer nor the outer signal aborts it, and it leaves no timer behind', () => {
    vi.useFakeTimers();
    const outer = new AbortController();
    const d = startDeadline(1_000, outer.signal);
    expect(vi.getTimerCount()).toBe(1);
    const inner = startDeadline(1_000, d.signal);
    inner.release();
    expect(d.signal.listenerCount('abort')).toBe(0);
    d.release();
    expect(vi.getTimerCount()).toBe(0);
    outer.abort();
    vi.advanceTimersByTime(5_000);
    expect(d.signal.aborted).toBe(false);
  });
});
