// The eval's fixture fleet, started on loopback: every source-written AI fixture twice (its
// product's default port over HTTP, and 8443 behind TLS), every answer recorded from a running
// product by `npm run conformance` twice (the port it was recorded on, and 8443 behind TLS) and every
// decoy twice (8080 and 8000), each on its own 127.0.x.y address. Shared by the catalog score (score-catalog.ts) and the fingerprint CPU
// bench (test/bench/fingerprint-cpu.ts), so both measure the same fleet.
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { Fleet, listFixtures } from '../../lambdas/local/fixture-fleet.js';
import { listRealFixtures } from '../conformance/real-fixture.js';
import { loadStaticDecoys } from '../support/static-decoys.js';

/** Where a case's answers come from: read from the product's source, recorded from it running, or a non-AI decoy. */
export type Provenance = 'source' | 'real' | 'decoy';

export interface EvalCase {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly from: Provenance;
  /** What the engine should report (absent: a decoy, which must not be reported). */
  readonly expected?: { service: string; auth: string };
}

/** Starts every eval case on `fleet` (the caller closes it) and returns the cases in start order. */
export async function startEvalFleet(fleet: Fleet): Promise<EvalCase[]> {
  const cases: EvalCase[] = [];
  let n = 0;
  const host = () => {
    n++;
    return `127.0.${200 + Math.floor(n / 250)}.${(n % 250) + 1}`;
  };
  for (const f of listFixtures()) {
    const entry = catalog.find((e) => e.service === f.service);
    // Each AI fixture twice: on its default port over HTTP, and behind a TLS reverse proxy port.
    const defaults = [{ port: entry?.ports[0] ?? 8080, tls: false }, { port: 8443, tls: true }];
    for (const d of defaults) {
      const m = await fleet.start({ host: host(), port: d.port, tls: d.tls, fixture: f.fixture });
      cases.push({ name: `${f.service}/${f.state}${d.tls ? ' (tls)' : ''}`, host: m.member.host, port: m.member.port, tls: d.tls, from: 'source', expected: { service: f.fixture.service, auth: f.fixture.auth } });
    }
  }
  // Recorded answers of real installs, graded against the verdict written down before the
  // recording (a known gap counts as a miss).
  for (const r of listRealFixtures()) {
    for (const d of [{ port: r.fixture.provenance.port, tls: false }, { port: 8443, tls: true }]) {
      const m = await fleet.start({ host: host(), port: d.port, tls: d.tls, fixture: r.fixture });
      cases.push({ name: `real/${r.name}${d.tls ? ' (tls)' : ''}`, host: m.member.host, port: m.member.port, tls: d.tls, from: 'real', expected: r.fixture.provenance.expected });
    }
  }
  for (const d of loadStaticDecoys()) {
    for (const port of [8080, 8000]) {
      const m = await fleet.start({ host: host(), port, fixture: d.fixture });
      cases.push({ name: `decoy/${d.name}`, host: m.member.host, port: m.member.port, tls: false, from: 'decoy' });
    }
  }
  return cases;
}
