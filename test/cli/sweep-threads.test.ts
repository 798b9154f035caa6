import { describe, expect, it } from 'vitest';
import { chooseSweepThreads, othersBusyCores } from '../../lambdas/cli/sweep-threads.js';

// The default --threads from measured CPU shares, injected: nothing here is timed.
describe('default sweep threads', () => {
  it('uses two threads on two idle cores and one on a single core', () => {
    expect(chooseSweepThreads({ availableParallelism: 2, othersBusyCores: 0 })).toBe(2);
    expect(chooseSweepThreads({ availableParallelism: 2, othersBusyCores: 0.3 })).toBe(2);
    expect(chooseSweepThreads({ availableParallelism: 1, othersBusyCores: 0 })).toBe(1);
  });

  it('drops to one thread when other processes keep about a core of two busy', () => {
    expect(chooseSweepThreads({ availableParallelism: 2, othersBusyCores: 0.6 })).toBe(1);
    expect(chooseSweepThreads({ availableParallelism: 2, othersBusyCores: 1 })).toBe(1);
    expect(chooseSweepThreads({ availableParallelism: 2, othersBusyCores: 7.5 })).toBe(1);
  });

  it('keeps two on a larger machine with cores to spare, and never more than two', () => {
    expect(chooseSweepThreads({ availableParallelism: 8, othersBusyCores: 5 })).toBe(2);
    expect(chooseSweepThreads({ availableParallelism: 8, othersBusyCores: 6.6 })).toBe(1);
    expect(chooseSweepThreads({ availableParallelism: 64, othersBusyCores: 0 })).toBe(2);
  });

  it('falls back to the available cores (capped) when nothing was measured', () => {
    expect(chooseSweepThreads({ availableParallelism: 2 })).toBe(2);
    expect(chooseSweepThreads({ availableParallelism: 1 })).toBe(1);
    expect(chooseSweepThreads({ availableParallelism: 2, othersBusyCores: Number.NaN })).toBe(2);
  });
});

describe('cores other processes kept busy', () => {
  it('is the machine busy time minus this process, over the window', () => {
    // 1 s: the machine was busy 1.5 core-seconds, 0.5 of them this process.
    expect(othersBusyCores({ atMs: 0, machineBusyMs: 10_000, ownMs: 200 }, { atMs: 1_000, machineBusyMs: 11_500, ownMs: 700 })).toBeCloseTo(1, 6);
    // Counter granularity can make it slightly negative: never below zero.
    expect(othersBusyCores({ atMs: 0, machineBusyMs: 0, ownMs: 0 }, { atMs: 500, machineBusyMs: 300, ownMs: 320 })).toBe(0);
  });

  it('is not measured over a window too short to tell', () => {
    expect(othersBusyCores({ atMs: 0, machineBusyMs: 0, ownMs: 0 }, { atMs: 50, machineBusyMs: 100, ownMs: 0 })).toBeUndefined();
  });
});
