import { describe, expect, it } from 'vitest';
import { renderSarif, SARIF_FINGERPRINT, SARIF_SCHEMA_URI, sarifLevel } from '../../lambdas/core/export/sarif.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import type { EndpointRecord } from '../../lambdas/core/state/endpoint-record.js';
import { ALL_RECORDS, HOSTILE, hostileRecord, NOW, ollamaOpen, vllmLocked } from './sample-records.js';
import { validateSarif as validate } from './sarif-schema.js';

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help?: { text: string }; helpUri?: string; properties?: Record<string, unknown> }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[] }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; status: string; justification: string }[];
      properties: Record<string, unknown>;
    }[];
  }[];
}

function sarif(records: readonly EndpointRecord[]): SarifLog {
  return JSON.parse(renderSarif(records, { now: NOW })) as SarifLog;
}

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('SARIF export', () => {
  it('the schema check is live: a log missing required parts, or with a bad level, fails it', () => {
    expect(validate({ version: '2.1.0' })).toBe(false);
    const log = sarif([ollamaOpen]) as unknown as { runs: { results: { level: string }[] }[] };
    (log.runs[0]?.results[0] as { level: string }).level = 'fatal';
    expect(validate(log)).toBe(false);
    const noUri = sarif([ollamaOpen]) as unknown as { runs: { results: { locations: unknown[] }[] }[] };
    (noUri.runs[0]?.results[0] as { locations: unknown[] }).locations = [{ physicalLocation: { region: { endLine: 3 } } }];
    expect(validate(noUri)).toBe(false);
  });

  it('validates against the OASIS SARIF 2.1.0 schema: every kind of endpoint, hostile text, and an empty export', () => {
    expectValid(sarif(ALL_RECORDS));
    expectValid(sarif([hostileRecord]));
    expectValid(sarif([]));
    // A product the catalog no longer has: a rule named by its service id, no help.
    const retired = sarif([{ ...ollamaOpen, service: 'retired-product' }]);
    expectValid(retired);
    expect(retired.runs[0]?.tool.driver.rules).toEqual([{ id: 'retired-product', shortDescription: { text: 'retired-product' } }]);
  });

  it('is one run of ai-exposure-monitor with one rule per product found', () => {
    const log = sarif(ALL_RECORDS);
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]?.tool.driver;
    expect(driver?.name).toBe('ai-exposure-monitor');
    const services = [...new Set(ALL_RECORDS.map((r) => r.service))].sort();
    expect(driver?.rules.map((r) => r.id)).toEqual(services);
    const ollama = catalog.find((c) => c.service === 'ollama');
    const rule = driver?.rules.find((r) => r.id === 'ollama');
    expect(rule?.shortDescription.text).toBe('Ollama');
    expect(rule?.helpUri).toBe(ollama?.remediation.docs);
    expect(rule?.help?.text).toContain(ollama?.remediation.fix);
    expect(rule?.help?.text).toContain(ollama?.remediation.docs);
    expect(rule?.properties?.['security-severity']).toBe('8.0');
    expect(driver?.rules.find((r) => r.id === 'jupyter')?.properties?.['security-severity']).toBe('9.5');
  });

  it('has one result per endpoint: level by severity, the URL as location, the key as fingerprint', () => {
    const log = sarif(ALL_RECORDS);
    const run = log.runs[0];
    const results = run?.results ?? [];
    expect(results).toHaveLength(ALL_RECORDS.length);
    for (const r of results) expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    const byUri = new Map(results.map((r) => [r.locations[0]?.physicalLocation.artifactLocation.uri, r]));
    const open = byUri.get('http://203.0.113.10:11434');
    expect(open).toMatchObject({
      ruleId: 'ollama',
      level: 'error',
      partialFingerprints: { [SARIF_FINGERPRINT]: '203.0.113.10:11434' },
      properties: { severity: 'critical', route: 'ml', owner: 'ml-team', status: 'open', auth: 'none' },
    });
    expect(open?.locations[0]?.logicalLocations[0]).toEqual({ name: '203.0.113.10:11434', fullyQualifiedName: 'http://203.0.113.10:11434', kind: 'resource' });
    expect(open?.message.text).toContain('no authentication');
    expect(open?.message.text).toContain('GET /api/tags -> 200, 2 models listed');
    expect(open?.suppressions).toBeUndefined();
    const locked = byUri.get(`http://${vllmLocked.ip}:8000`);
    expect(locked).toMatchObject({ level: 'note', properties: { severity: 'info', auth: 'required' } });
    expect(locked?.message.text).toContain('authentication required');
    expect(byUri.get('https://[2001:db8::5]:11434')?.partialFingerprints[SARIF_FINGERPRINT]).toBe('[2001:db8::5]:11434');
  });

  it('marks an endpoint suppressed now with an accepted external suppression, and a lapsed one without', () => {
    const results = sarif(ALL_RECORDS).runs[0]?.results ?? [];
    const suppressed = results.find((r) => r.partialFingerprints[SARIF_FINGERPRINT] === '[2001:db8::5]:11434');
    expect(suppressed?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'lab box, firewalled upstream (accepted by alice) until 2099-01-01' }]);
    expect(results.find((r) => r.partialFingerprints[SARIF_FINGERPRINT] === '203.0.113.16:11434')?.suppressions).toBeUndefined();
    const muted = sarif([{ ...ollamaOpen, rangeMuted: true }]).runs[0]?.results[0];
    expect(muted?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'range muted' }]);
  });

  it('maps severities to levels', () => {
    expect(['critical', 'high', 'medium', 'low', 'info'].map((s) => sarifLevel(s as never))).toEqual(['error', 'error', 'warning', 'warning', 'note']);
  });

  it('carries hostile host text as plain, cleaned JSON strings', () => {
    const text = renderSarif([hostileRecord], { now: NOW });
    const result = (JSON.parse(text) as SarifLog).runs[0]?.results[0];
    expect(result?.message.text).toContain('=HYPERLINK("http://evil.example/x?a=1,b=2","click"), "quoted", line2 red <script>');
    expect(JSON.stringify(result)).not.toMatch(/\\u001b|\\r|\\n/);
    expect(HOSTILE).toContain('\u001b');
  });
});
