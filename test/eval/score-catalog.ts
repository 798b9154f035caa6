// Scores the fingerprint catalog over the project's own fixture fleet on loopback:
// every recorded AI fixture plus every decoy, served by real HTTP(S) servers on 127.0.x.y,
// scanned with the real prober. Prints recall, service and auth accuracy (for fixtures written from
// the products' source and, separately, for answers recorded from running products by
// `npm run conformance`), false positives and HTTP requests per open port. Exits 1 when any score
// is under 0.98 or any decoy is identified. Run: npm run eval
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { DEFAULT_PROBE_OPTIONS, probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import { Fleet, FIXTURE_ROOT, listFixtures, type ResponseFixture } from '../../lambdas/local/fixture-fleet.js';
import { listRealFixtures } from '../conformance/real-fixture.js';

/** Where a case's answers come from: read from the product's source, recorded from it running, or a non-AI decoy. */
type Provenance = 'source' | 'real' | 'decoy';

interface Case {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly from: Provenance;
  readonly expected?: { service: string; auth: string };
}

interface Scores {
  readonly cases: number;
  readonly recall: number;
  readonly service: number;
  readonly auth: number;
  readonly misses: readonly string[];
}

function score(cases: readonly Case[], found: ReadonlyMap<string, { service: string; auth: string }>): Scores {
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

function loadDecoys(): { name: string; fixture: ResponseFixture }[] {
  const dir = path.join(FIXTURE_ROOT, 'decoys');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.map((f) => ({ name: `decoy/${f.slice(0, -5)}`, fixture: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ResponseFixture }));
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

async function main(): Promise<void> {
  const fleet = new Fleet();
  const cases: Case[] = [];
  let n = 0;
  const host = () => {
    n++;
    return `127.0.${200 + Math.floor(n / 250)}.${(n % 250) + 1}`;
  };
  try {
    const fixtures = listFixtures();
    for (const f of fixtures) {
      const entry = catalog.find((e) => e.service === f.service);
      // Each AI fixture twice: on its default port over HTTP, and behind a TLS reverse proxy port.
      const defaults = [{ port: entry?.ports[0] ?? 8080, tls: false }, { port: 8443, tls: true }];
      for (const d of defaults) {
        const m = await fleet.start({ host: host(), port: d.port, tls: d.tls, fixture: f.fixture });
        cases.push({ name: `${f.service}/${f.state}${d.tls ? ' (tls)' : ''}`, host: m.member.host, port: m.member.port, tls: d.tls, from: 'source', expected: { service: f.fixture.service, auth: f.fixture.auth } });
      }
    }
    // Recorded answers of real installs: on the port they were recorded on and behind TLS, graded
    // against the verdict written down before the recording (a known gap counts as a miss).
    const real = listRealFixtures();
    for (const r of real) {
      for (const d of [{ port: r.fixture.provenance.port, tls: false }, { port: 8443, tls: true }]) {
        const m = await fleet.start({ host: host(), port: d.port, tls: d.tls, fixture: r.fixture });
        cases.push({ name: `real/${r.name}${d.tls ? ' (tls)' : ''}`, host: m.member.host, port: m.member.port, tls: d.tls, from: 'real', expected: r.fixture.provenance.expected });
      }
    }
    const decoyFiles = loadDecoys();
    for (const d of decoyFiles) {
      for (const port of [8080, 8000]) {
        const m = await fleet.start({ host: host(), port, fixture: d.fixture });
        cases.push({ name: d.name, host: m.member.host, port: m.member.port, tls: false, from: 'decoy' });
      }
    }
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
    console.log(`catalog products: ${catalog.length}; AI cases: ${all.cases} (HTTP on the product port and HTTPS on 8443); decoy cases: ${decoys.length} (${decoyFiles.length} decoys on 8080 and 8000)`);
    console.log(line(`  written from source (${fixtures.length} fixtures)`, fromSource));
    console.log(line(`  recorded from running products (${real.length} recordings)`, fromReal));
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
