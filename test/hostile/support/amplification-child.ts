/**
 * Run by hostile-amplification.test.ts in a child process with a small V8 heap
 * (`node --max-old-space-size=256 --import tsx`): many hostile endpoints probed at once with the
 * production body cap and HTTP concurrency. Running out of heap kills this process, which is
 * exactly what the parent checks for. Binds 127.0.96.x only; prints one JSON line per scenario.
 */
import type http from 'node:http';
import { getHeapStatistics } from 'node:v8';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { DEFAULT_PROBE_OPTIONS, probeTargets } from '../../../lambdas/core/probing/probe-targets.js';
import { ANSWERING_OPTIONS, type HostileServer, httpServer, measure, pump } from './servers.js';

// The production limits that matter for memory (1 MiB body cap, 32 endpoints at once). Generous
// timeouts: every request here ends quickly on its own (at the body cap, or with a complete body),
// so they cost nothing, and on a loaded machine no endpoint is cut short by its time budget,
// which would ask fewer probe paths and so test less memory than on a quiet one.
const options = {
  ...ANSWERING_OPTIONS,
  maxBodyBytes: DEFAULT_PROBE_OPTIONS.maxBodyBytes,
  httpConcurrency: DEFAULT_PROBE_OPTIONS.httpConcurrency,
};
const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / (1024 * 1024));

async function scenario(name: string, count: number, subnet: number, handler: http.RequestListener): Promise<void> {
  const servers: HostileServer[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await httpServer(name, `127.0.96.${subnet + i}`, 8080, handler));
    const run = await measure(() => probeTargets(servers.map((s) => ({ host: s.host, port: s.port })), catalog, options));
    const r = run.value;
    process.stdout.write(
      `${JSON.stringify({ name, endpoints: count, ms: run.ms, peakRssGrowthMb: run.peakRssGrowthMb, heapLimitMb, observations: r.observations.length, requests: r.httpRequests, requestsPerPort: [...new Set(r.requestsPerOpenPort)] })}\n`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

// Every path answers a body that never ends (ASCII with one 'é', so strings take two bytes a character).
const endless = Buffer.from(`é${'x'.repeat(64 * 1024 - 2)}`);
await scenario('endless bodies on every path', 32, 1, (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  pump(res, endless);
});

// Every path answers a complete, valid JSON array just under 1 MiB: small integers, which V8 keeps
// at 8 bytes each, so ~4x its size once parsed, and cheap to parse.
const bigJson = `[${'0,'.repeat(DEFAULT_PROBE_OPTIONS.maxBodyBytes / 2 - 16)}0]`;
await scenario('1 MiB JSON arrays on every path', 16, 101, (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(bigJson);
});
