// Scores the fingerprint catalog over the project's own fixture fleet on loopback:
// every recorded AI fixture plus every decoy, served by real HTTP(S) servers on 127.0.x.y,
// scanned with the real prober. Prints recall, service and auth accuracy (for fixtures written from
// the products' source and, separately, for answers recorded from running products by
// `npm run conformance`), false positives and HTTP requests per open port. Exits 1 when any score
// is under 0.98 or any decoy is identified. Run: npm run eval
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { DEFAULT_PROBE_OPTIONS, probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import { Fleet } from '../../lambdas/local/fixture-fleet.js';
import { type EvalCase, startEvalFleet } from './eval-fleet.js';

interface Scores {
  readonly cases: number;
  readonly recall: number;
  readonly service: number;
  readonly auth: number;
  readonly misses: readonly string[];
}

function score(cases: readonly EvalCase[], found: ReadonlyMap<string, { service: string; auth: string }>): Scores {
  let recalled = 0;
  let serviceOk = 0;
  let authOk = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const o = found.get(`${c.host}:${c.port}`);
    if (o) recalled++;
    if (o?.service === c.expected?.service) serviceOk++;
    if (o?.service === c.expected?.service && o?.auth === c.expected?.auth) authOk++;
    else misses.push(`  ${c.name}: got ${o ? `${o.service}/${o.auth}` : 'nothing'}`);
  }
  const n = Math.max(1, cases.length);
  return { cases: cases.length, recall: recalled / n, service: serviceOk / n, auth: authOk / n, misses };
}

const GOAL = 0.98;
const PATIENT_TIMEOUTS = { connectTimeoutMs: 15_000, headersTimeoutMs: 30_000, bodyTimeoutMs: 30_000, requestTimeoutMs: 60_000 } as const;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

async function main(): Promise<void> {
  const fleet = new Fleet();
  try {
    const cases = await startEvalFleet(fleet);
    // Generous timeouts: this grades what the catalog concludes, not how fast. With the default 1.5 s
    // connect budget, a loaded 2-core machine timed out TLS handshakes and scored them as misses.
    const report = await probeTargets(cases.map((c) => ({ host: c.host, port: c.port })), catalog, { ...DEFAULT_PROBE_OPTIONS, ...PATIENT_TIMEOUTS, checkDefaultCredentials: true });
    const found = new Map(report.observations.map((o) => [`${o.ip}:${o.port}`, o]));
    const fromSource = score(cases.filter((c) => c.from === 'source'), found);
    const fromReal = score(cases.filter((c) => c.from === 'real'), found);
    const all = score(cases.filter((c) => c.expected), found);
    const decoys = cases.filter((c) => c.from === 'decoy');
    const falsePositives = decoys.filter((c) => found.has(`${c.host}:${c.port}`));
    const reqs = report.requestsPerOpenPort;
    if (all.misses.length) console.log(`misidentified:\n${all.misses.join('\n')}`);
    for (const fp of falsePositives) {
      const o = found.get(`${fp.host}:${fp.port}`);
      console.log(`false positive: ${fp.name} reported as ${o?.service}/${o?.auth}`);
    }
    const line = (label: string, s: Scores) => `${label}: ${s.cases} cases, recall ${s.recall.toFixed(3)}, service ${s.service.toFixed(3)}, auth ${s.auth.toFixed(3)}`;
    console.log(`catalog products: ${catalog.length}; AI cases: ${all.cases} (HTTP on the product port and HTTPS on 8443); decoy cases: ${decoys.length} (${decoys.length / 2} decoys on 8080 and 8000)`);
    console.log(line(`  written from source (${fromSource.cases / 2} fixtures)`, fromSource));
    console.log(line(`  recorded from running products (${fromReal.cases / 2} recordings)`, fromReal));
    console.log(`HTTP requests per open port: median ${median(reqs)}, worst ${Math.max(0, ...reqs)}`);
    console.log(`recall ${all.recall.toFixed(3)}`);
    console.log(`service accuracy ${all.service.toFixed(3)}`);
    console.log(`auth accuracy ${all.auth.toFixed(3)}`);
    console.log(`false positives ${falsePositives.length}`);
    const scores = [fromSource, fromReal].flatMap((s) => [s.recall, s.service, s.auth]);
    if (scores.some((x) => x < GOAL) || falsePositives.length > 0) process.exitCode = 1;
  } finally {
    await fleet.close();
  }
}

await main();
