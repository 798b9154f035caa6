import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_ROOT, type ResponseFixture } from '../../lambdas/local/fixture-fleet.js';
import type { Verdict } from './cases.js';

/** Where a recorded answer came from: enough to record it again. */
export interface Provenance {
  readonly product: string;
  readonly package: string;
  readonly version: string;
  readonly configuration: string;
  /** How the product was started (env, bin, arguments), inside the conformance network namespace. */
  readonly command: string;
  readonly recordedAt: string;
  /** The port it listened on, and the port the replay serves it on. */
  readonly port: number;
  readonly expected: Verdict;
  readonly knownGap?: string;
}

/** A response fixture recorded from the real product: the fixture fleet serves it as any other. */
export interface RealFixture extends ResponseFixture {
  readonly provenance: Provenance;
}

export const REAL_ROOT = path.join(FIXTURE_ROOT, 'real');

/** test/fixtures/real/<service>/<configuration id>.json, sorted. */
export function listRealFixtures(): { name: string; fixture: RealFixture }[] {
  const out: { name: string; fixture: RealFixture }[] = [];
  let services: string[] = [];
  try {
    services = readdirSync(REAL_ROOT);
  } catch {
    return out;
  }
  for (const service of services) {
    for (const file of readdirSync(path.join(REAL_ROOT, service)).filter((f) => f.endsWith('.json'))) {
      out.push({ name: `${service}/${file.slice(0, -'.json'.length)}`, fixture: JSON.parse(readFileSync(path.join(REAL_ROOT, service, file), 'utf8')) as RealFixture });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function writeRealFixture(id: string, fixture: RealFixture): string {
  const dir = path.join(REAL_ROOT, fixture.provenance.expected.service);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${id}.json`);
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
  return file;
}
