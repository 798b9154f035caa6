import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import { HOSTILE_OPTIONS, measure, openFds, printFigures } from './support/servers.js';

// The holder (a child process, so its thousands of sockets stay out of this process's figures)
// listens on 127.0.93.1, on PORTS ephemeral ports.
const HOST = '127.0.93.1';
const PORTS = 1_000;
const HTTP_CONCURRENCY = 500;
/** Each endpoint: a header timeout (1 s) then a TLS connect timeout (0.5 s), ~2.5 s with timer slack; 2 rounds of 500. */
const BUDGET_MS = 15_000;
/**
 * 500 endpoints in flight at once (16x the production httpConcurrency), each with a TLS attempt:
 * native TLS buffers that the allocator keeps after use. Measured ~60-110 MB (~13 MB at 32 at
 * once); no leak (see the heap check below, which must come back to where it started).
 */
const RSS_BUDGET_MB = 150;
const HEAP_LEAK_BUDGET_MB = 10;

/** `global.gc` without a command-line flag. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

let holder: ChildProcess;
let ports: number[] = [];

function ask<T>(message: object, reply: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }): void => {
      if (m.type !== reply) return;
      holder.off('message', onMessage);
      holder.off('exit', onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null): void => reject(new Error(`socket holder exited (${code})`));
    holder.on('message', onMessage);
    holder.once('exit', onExit);
    if (Object.keys(message).length > 0) holder.send(message);
  });
}

beforeAll(async () => {
  holder = fork(path.join(import.meta.dirname, 'support', 'socket-holder.mjs'), [HOST, String(PORTS)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  ports = (await ask<{ ports: number[] }>({}, 'ready')).ports;
});

afterAll(() => {
  if (holder && holder.exitCode === null) holder.kill();
});

describe('a host that holds every socket open', () => {
  it(`${PORTS} ports that accept and never close: the probe ends, bounded, and the prober closes every socket it opened`, async () => {
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const fdsBefore = openFds();
    const options = { ...HOSTILE_OPTIONS, connectConcurrency: 500, httpConcurrency: HTTP_CONCURRENCY };
    const run = await measure(() => probeTargets(ports.map((port) => ({ host: HOST, port })), catalog, options));
    const fdsAfter = openFds();
    collectGarbage();
    const heapGrowthMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 102.4) / 10;
    const { accepted } = await ask<{ accepted: number; held: number }>({ type: 'stats' }, 'stats');
    // The holder never hangs up: every connection it saw end was ended by the prober.
    const { held } = await ask<{ held: number }>({ type: 'wait-released', timeoutMs: 5_000 }, 'released');
    printFigures('hostile socket holder:', [
      {
        name: `${PORTS} holding ports`,
        ms: run.ms,
        peakRssGrowthMb: run.peakRssGrowthMb,
        rssGrowthMb: run.rssGrowthMb,
        note: `${accepted} connections held by the host, ${held} left open by the prober; prober fds ${fdsBefore} before, ${fdsAfter} after, heap after GC +${heapGrowthMb} MB`,
      },
    ]);

    expect(run.value.sweep).toMatchObject({ attempted: PORTS, open: PORTS });
    expect(run.value.observations).toEqual([]);
    expect(run.value.nonHttp).toBe(PORTS);
    expect(run.ms).toBeLessThan(BUDGET_MS);
    expect(run.peakRssGrowthMb).toBeLessThan(RSS_BUDGET_MB);
    expect(heapGrowthMb).toBeLessThan(HEAP_LEAK_BUDGET_MB);
    // Thousands of sockets: the sweep, the HTTP and the HTTPS attempt, per port.
    expect(accepted).toBeGreaterThanOrEqual(2 * PORTS);
    expect(held).toBe(0);
    expect(fdsAfter).toBeLessThanOrEqual(fdsBefore + 2);
  });
});
