import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOnce } from '../../lambdas/core/probing/connect-sweep.mjs';
import { sweep, sweepThreadsStarted } from '../../lambdas/core/probing/tcp-sweep.js';

// Listeners on 127.0.23.x; everything else in 127.0.23.0/26 is closed.
const servers: net.Server[] = [];
const open: { host: string; port: number }[] = [];
beforeAll(async () => {
  for (let i = 1; i <= 5; i++) {
    const server = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(0, `127.0.23.${i * 7}`, () => resolve()));
    servers.push(server);
    open.push({ host: `127.0.23.${i * 7}`, port: (server.address() as net.AddressInfo).port });
  }
});
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

/**
 * Every target here answers at once (a listener accepts, any other loopback port refuses), so the
 * connect timeout is generous: an answer must never be missed because the machine is slow. The
 * timeout verdict on a late event loop has its own test at the end of this file.
 */
const CONNECT_TIMEOUT_MS = 30_000;

function targets(): { host: string; port: number }[] {
  const list: { host: string; port: number }[] = [];
  for (let i = 0; i < 64; i++) for (const { port } of open) list.push({ host: `127.0.23.${i}`, port });
  return list;
}

describe('sweep', () => {
  it.each([1, 2])('finds exactly the open ports with %i thread(s)', async (threads) => {
    const found: string[] = [];
    const summary = await sweep(targets(), { concurrency: 64, connectTimeoutMs: CONNECT_TIMEOUT_MS, threads, onOpen: (t) => found.push(`${t.host}:${t.port}`) });
    expect(found.sort()).toEqual(open.map((o) => `${o.host}:${o.port}`).sort());
    expect(summary).toMatchObject({ attempted: 64 * 5, open: 5, closed: 64 * 5 - 5, filtered: 0 });
  });

  it('reuses its threads: sweeps one after another (and two at once) start no thread beyond what they need at once', async () => {
    const run = async (): Promise<string[]> => {
      const found: string[] = [];
      const summary = await sweep(targets(), { concurrency: 64, connectTimeoutMs: CONNECT_TIMEOUT_MS, threads: 2, onOpen: (t) => found.push(`${t.host}:${t.port}`) });
      expect(summary.attempted).toBe(64 * 5);
      return found.sort();
    };
    const expected = open.map((o) => `${o.host}:${o.port}`).sort();
    expect(await run()).toEqual(expected);
    const before = sweepThreadsStarted();
    for (let i = 0; i < 3; i++) expect(await run()).toEqual(expected);
    expect(sweepThreadsStarted()).toBe(before);
    // Two sweeps at once need four threads; each still reports only its own open ports.
    const [a, b] = await Promise.all([run(), run()]);
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
    expect(sweepThreadsStarted()).toBeLessThanOrEqual(before + 2);
    for (let i = 0; i < 2; i++) await Promise.all([run(), run()]);
    expect(sweepThreadsStarted()).toBeLessThanOrEqual(before + 2);
  });

  it('never starts connects faster than the rate cap', async () => {
    const started = performance.now();
    const summary = await sweep(targets().slice(0, 50), { concurrency: 64, connectTimeoutMs: CONNECT_TIMEOUT_MS, ratePerSecond: 200 });
    const elapsed = performance.now() - started;
    expect(summary.attempted).toBe(50);
    // 50 connects at 200 a second: the last one starts 49 intervals of 5 ms after the first.
    expect(elapsed).toBeGreaterThanOrEqual(49 * 5 - 1);
  });
});

describe('sweep across threads when the main thread is busy', () => {
  it('finishes even when a worker runs dry before the main thread can hand it more', async () => {
    // 6,000 closed-port targets plus the open ones first; the main thread blocks for 1.5 s on the
    // first open port, so the workers drain their queues and their next chunk lands on an empty queue.
    const many = [...open, ...Array.from({ length: 6000 }, (_, i) => ({ host: `127.0.24.${i % 250}`, port: 20_000 + Math.floor(i / 250) }))];
    let blocked = false;
    const found: string[] = [];
    const summary = await sweep(many, {
      concurrency: 128,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      threads: 2,
      onOpen: (t) => {
        found.push(`${t.host}:${t.port}`);
        if (!blocked) {
          blocked = true;
          const until = Date.now() + 1500;
          while (Date.now() < until) {
            // the main thread is busy fingerprinting
          }
        }
      },
    });
    expect(summary.attempted).toBe(many.length);
    expect(found.sort()).toEqual(open.map((o) => `${o.host}:${o.port}`).sort());
  });
});

describe('a late event loop never hides an open port', () => {
  /** Blocks this thread, as a starved CPU or a long synchronous task does. */
  const stall = (ms: number): void => {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      // busy: nothing else runs
    }
  };

  it('a connect that completed while the loop was stalled past its timeout is open, not filtered', async () => {
    const results = await Promise.all(
      open.map(async ({ host, port }) => {
        const pending = connectOnce(host, port, 20);
        // Queued after the connect's own nextTick: the connects are issued, then the loop stalls
        // for 10x their timeout, so every timer is overdue when the loop next looks at them.
        process.nextTick(() => stall(200));
        return pending;
      }),
    );
    expect(results).toEqual(open.map(() => 'open'));
  });
});
