import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { EXPOSURE_CAPABILITIES } from '../../../lambdas/core/fingerprint/catalog-schema.js';
import { describeCatalog } from '../../../lambdas/core/fingerprint/describe-catalog.js';

describe.each(catalog.map((e) => [e.service, e] as const))('remediation of %s', (_service, entry) => {
  it('says how to close it, with the settings it names, a doc of the product and what is at stake', () => {
    const r = entry.remediation;
    expect(r.fix.length, 'fix').toBeGreaterThan(20);
    expect(r.fix.length, 'fix stays short enough for an alert').toBeLessThanOrEqual(400);
    expect(r.settings.length, 'settings').toBeGreaterThan(0);
    for (const setting of r.settings) expect(setting.trim().length).toBeGreaterThan(1);
    expect(new URL(r.docs).protocol).toBe('https:');
    expect(r.allows.length).toBeGreaterThan(0);
    for (const capability of r.allows) expect(EXPOSURE_CAPABILITIES).toContain(capability);
    expect(new Set(r.allows).size).toBe(r.allows.length);
  });

  it('reads inventory only with rules that name a kind and a JSON path', () => {
    for (const rule of entry.inventory ?? []) {
      expect(rule.json.length).toBeGreaterThan(0);
      expect(rule.request.method ?? 'GET').toBe('GET');
    }
  });
});

describe('catalog --json', () => {
  it('shows remediation for every product', () => {
    const described = describeCatalog(catalog) as unknown as { service: string; remediation?: unknown }[];
    expect(described.length).toBe(catalog.length);
    for (const d of described) expect(d.remediation, d.service).toBeDefined();
  });
});
