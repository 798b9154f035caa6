// Scores the fingerprint catalog over the project's own fixture fleet on loopback:
// every recorded AI fixture plus every decoy, served by real HTTP(S) servers on 127.0.x.y,
// scanned with the real prober. Prints recall, service and auth accuracy, false positives and
// HTTP requests per open port. Run: npm run eval
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { DEFAULT_PROBE_OPTIONS, probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import { Fleet, listFixtures } from '../../lambdas/local/fixture-fleet.js';
import { startEvalFleet } from './eval-fleet.js';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

async function main(): Promise<void> {
  const fleet = new Fleet();
  try {
    const cases = await startEvalFleet(fleet);
    const report = await probeTargets(cases.map((c) => ({ host: c.host, port: c.port })), catalog, { ...DEFAULT_PROBE_OPTIONS, connectTimeoutMs: 1000, checkDefaultCredentials: true });
    const found = new Map(report.observations.map((o) => [`${o.ip}:${o.port}`, o]));
    const ai = cases.filter((c) => c.expected);
    const decoys = cases.filter((c) => !c.expected);
    let recalled = 0;
    let serviceOk = 0;
    let authOk = 0;
    const misses: string[] = [];
    for (const c of ai) {
      const o = found.get(`${c.host}:${c.port}`);
      if (o) recalled++;
      if (o?.service === c.expected?.service) serviceOk++;
      if (o?.service === c.expected?.service && o?.auth === c.expected?.auth) authOk++;
      else misses.push(`  ${c.name}: got ${o ? `${o.service}/${o.auth}` : 'nothing'}`);
    }
    const falsePositives = decoys.filter((c) => found.has(`${c.host}:${c.port}`));
    const reqs = report.requestsPerOpenPort;
    if (misses.length) console.log(`misidentified:\n${misses.join('\n')}`);
    for (const fp of falsePositives) {
      const o = found.get(`${fp.host}:${fp.port}`);
      console.log(`false positive: ${fp.name} reported as ${o?.service}/${o?.auth}`);
    }
    console.log(`catalog products: ${catalog.length}; AI cases: ${ai.length} (${listFixtures().length} fixtures, HTTP on the product port and HTTPS on 8443); decoy cases: ${decoys.length}`);
    console.log(`HTTP requests per open port: median ${median(reqs)}, worst ${Math.max(0, ...reqs)}`);
    console.log(`recall ${(recalled / ai.length).toFixed(3)}`);
    console.log(`service accuracy ${(serviceOk / ai.length).toFixed(3)}`);
    console.log(`auth accuracy ${(authOk / ai.length).toFixed(3)}`);
    console.log(`false positives ${falsePositives.length}`);
  } finally {
    await fleet.close();
  }
}

await main();
