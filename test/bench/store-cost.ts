// DynamoDB requests per cycle, counted by the store adapter: a /20 holding N AI endpoints against
// an empty /20 (both loopback, scanned for real), first and unchanged cycles. The count must grow
// with N, not with the addresses scanned.
import { startEmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { silentLogger } from '../../lambdas/core/ports.js';
import { DEFAULT_PROBE_OPTIONS } from '../../lambdas/core/probing/probe-targets.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';

const layout = JSON.parse(process.argv[2] ?? '{}') as { cidr: string; ports: number[]; ai: unknown[] };

async function measure(cidr: string): Promise<{ first: number; unchanged: number; endpoints: number }> {
  const dynamo = await startEmbeddedDynamo();
  try {
    await dynamo.store.putRangeRow({ cidr, ports: layout.ports });
    const deps = {
      store: dynamo.store,
      settings: { policy: { allowPrivate: false, maxRangePrefixV4: 16 }, blockSize: 256, defaultPorts: layout.ports, goneAfterMisses: 2 },
      probe: { ...DEFAULT_PROBE_OPTIONS, connectConcurrency: 512, connectTimeoutMs: 1000 },
      catalog,
      sinks: [],
      clock: () => new Date(),
      logger: silentLogger,
    };
    const before = dynamo.store.requestCount;
    const first = await runLocalCycle(deps);
    const afterFirst = dynamo.store.requestCount;
    await runLocalCycle(deps);
    const afterSecond = dynamo.store.requestCount;
    return { first: afterFirst - before, unchanged: afterSecond - afterFirst, endpoints: first.outcomes.reduce((n, o) => n + o.observations.length, 0) };
  } finally {
    await dynamo.close();
  }
}

const full = await measure(layout.cidr);
const empty = await measure('127.81.0.0/20');
const perEndpoint = (full.unchanged - empty.unchanged) / Math.max(1, full.endpoints);
console.log(
  `DynamoDB requests per cycle (/20, 16 blocks): ${full.endpoints} AI endpoints: first cycle ${full.first}, unchanged cycle ${full.unchanged}; 0 AI endpoints: first ${empty.first}, unchanged ${empty.unchanged}; about ${perEndpoint.toFixed(1)} per AI endpoint per unchanged cycle`,
);
