import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { describeCatalog } from '../../../lambdas/core/fingerprint/describe-catalog.js';
import { listRealFixtures } from '../../conformance/real-fixture.js';

// Each entry says what its markers were last checked against: the running product (recorded
// answers under test/fixtures/real/) or its source at a named release. The claim must match the
// recordings in the repository, so "recorded" cannot be said of an entry nobody recorded.
const recordings = listRealFixtures();
const recordedServices = new Set(recordings.map((r) => r.fixture.provenance.expected.service));

describe('what each catalog entry was checked against', () => {
  it('every product with recordings from its running release says "recorded" and names each recorded version', () => {
    expect(recordedServices.size).toBeGreaterThan(0);
    for (const service of recordedServices) {
      const entry = catalog.find((e) => e.service === service);
      expect(entry, service).toBeDefined();
      expect(entry?.checkedAgainst?.evidence, service).toBe('recorded');
      for (const r of recordings.filter((x) => x.fixture.provenance.expected.service === service)) {
        // The Debian revision (`6.4.12-2.2`) or a build suffix may follow; the upstream version must be named.
        const upstream = r.fixture.provenance.version.split(/[-+]/)[0] as string;
        expect(entry?.checkedAgainst?.release, `${service}: ${r.name}`).toContain(upstream);
      }
    }
  });

  it('no entry says "recorded" without recordings in the repository', () => {
    for (const entry of catalog.filter((e) => e.checkedAgainst?.evidence === 'recorded')) {
      expect(recordedServices.has(entry.service), entry.service).toBe(true);
    }
  });

  it('a source-checked entry names a concrete release, tag or commit, not just a branch', () => {
    for (const entry of catalog.filter((e) => e.checkedAgainst?.evidence === 'source')) {
      const release = entry.checkedAgainst?.release ?? '';
      // A version number, a tag or a commit hash all carry a digit; "main" or "latest" alone do not.
      expect(release, entry.service).toMatch(/\d/);
      expect(release.trim(), entry.service).not.toMatch(/^(main|master|latest|HEAD)$/i);
    }
  });

  it('the catalog listing says it for every entry, "unaudited" where the entry names nothing', () => {
    const described = describeCatalog(catalog);
    for (const [i, entry] of catalog.entries()) {
      const text = described[i]?.checkedAgainst;
      if (entry.checkedAgainst) expect(text).toBe(`${entry.checkedAgainst.evidence} ${entry.checkedAgainst.release}`);
      else expect(text).toBe('unaudited');
    }
  });
});
