import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printFigures } from './support/servers.js';

// The child binds 127.0.96.x. It runs in its own process so that a small V8 heap can be imposed:
// before the endpoint body budget and the large-parse memo change, these scenarios needed
// ~1.4 GB and ~0.85 GB (the prober Lambda has 1 GB in all).
const CHILD = path.join(import.meta.dirname, 'support', 'amplification-child.ts');
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const HEAP_MB = 256;
/**
 * The child is killed after this long, which fails the test (signal SIGTERM): it bounds a prober
 * that never ends. Not a speed target: the child takes ~10 s quiet and up to ~56 s under a CPU hog
 * per core (npm run test:load: it pushes ~1.3 GB through loopback, all of it CPU). Running out of
 * heap is what this test checks.
 */
const CHILD_KILL_MS = 300_000;

interface ScenarioResult {
  name: string;
  endpoints: number;
  ms: number;
  peakRssGrowthMb: number;
  heapLimitMb: number;
  observations: number;
  requests: number;
  /** The distinct numbers of requests the endpoints got. */
  requestsPerPort: number[];
}

describe('many hostile endpoints at once, at the production body cap', () => {
  it(`fit in a ${HEAP_MB} MB heap: the prober's memory does not grow with endpoints x probe paths x body cap`, async () => {
    const started = performance.now();
    const { code, signal, stdout, stderr } = await new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', CHILD],
        { cwd: ROOT, timeout: CHILD_KILL_MS, maxBuffer: 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } },
        (err, out, errOut) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, signal: err ? ((err as { signal?: string }).signal ?? null) : null, stdout: out, stderr: errOut }),
      );
    });
    const elapsed = Math.round(performance.now() - started);
    const results = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as ScenarioResult);
    printFigures(
      `hostile amplification (child process, ${HEAP_MB} MB heap, ${elapsed} ms in all):`,
      results.map((r) => ({ name: `${r.name} (${r.endpoints})`, ms: r.ms, peakRssGrowthMb: r.peakRssGrowthMb, rssGrowthMb: r.peakRssGrowthMb, note: `${r.requests} req, heap limit ${r.heapLimitMb} MB` })),
    );
    expect({ code, signal, stderr: stderr.includes('heap out of memory') ? 'heap out of memory' : '' }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(results.map((r) => [r.name, r.observations])).toEqual([
      ['endless bodies on every path', 0],
      ['1 MiB JSON arrays on every path', 0],
    ]);
    // Every endpoint was asked the same (full) set of probe paths: none was cut short by a time
    // limit on a slow machine, so the memory tested is the same however loaded the machine is.
    for (const r of results) expect(r.requestsPerPort, r.name).toHaveLength(1);
  }, CHILD_KILL_MS + 30_000);
});
