import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defectDojoReport, dojoTag, renderDefectDojo } from '../../lambdas/core/export/defectdojo.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { genericJsonProblems } from './defectdojo-generic-json.js';
import { ALL_RECORDS, hostileRecord, jupyterOpen, mlflowDefault, NOW, qdrantGone, vllmLocked } from './sample-records.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/defectdojo');
const sample = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));

type DojoFinding = Record<string, unknown> & { title: string; description: string; severity: string; tags: string[]; endpoints: string[] };

function findings(records = ALL_RECORDS): DojoFinding[] {
  return (JSON.parse(renderDefectDojo(records, { now: NOW })) as { findings: DojoFinding[] }).findings;
}

function byId(list: DojoFinding[], id: string): DojoFinding | undefined {
  return list.find((f) => f.unique_id_from_tool === id);
}

describe('the re-stated DefectDojo parser checks', () => {
  it("accept DefectDojo's own sample reports", () => {
    expect(genericJsonProblems(sample('generic_report3.json'))).toEqual([]);
    expect(genericJsonProblems(sample('generic_cve_and_vulnerability_ids.json'))).toEqual([]);
  });

  it("reject DefectDojo's invalid sample with the parser's own message", () => {
    expect(genericJsonProblems(sample('generic_invalid.json'))).toEqual(["findings[0]: Not allowed fields are present: ['invalid_field', 'last_status_update']"]);
  });

  it('reject missing required fields, a bad severity, a bad tag and a bad endpoint', () => {
    expect(genericJsonProblems({ findings: [{ title: 't' }] })).toEqual(["findings[0]: Required fields are missing: ['description', 'severity']"]);
    expect(genericJsonProblems({ findings: [{ title: 't', description: 'd', severity: 'critical' }] })).toHaveLength(1);
    expect(genericJsonProblems({ findings: [{ title: 't', description: 'd', severity: 'Low', tags: ['a b'] }] })).toHaveLength(1);
    expect(genericJsonProblems({ findings: [{ title: 't', description: 'd', severity: 'Low', endpoints: ['http://'] }] })).toHaveLength(1);
  });
});

describe('DefectDojo export', () => {
  it('imports: every finding passes the parser checks, also with hostile text, and an empty export', () => {
    expect(genericJsonProblems(JSON.parse(renderDefectDojo(ALL_RECORDS, { now: NOW })))).toEqual([]);
    expect(genericJsonProblems(defectDojoReport([hostileRecord], { now: NOW }))).toEqual([]);
    expect(renderDefectDojo([], { now: NOW })).toBe('{\n  "findings": []\n}\n');
  });

  it('gives one finding per endpoint with a unique, stable unique_id_from_tool (the endpoint key)', () => {
    const list = findings();
    expect(list).toHaveLength(ALL_RECORDS.length);
    expect(new Set(list.map((f) => f.unique_id_from_tool)).size).toBe(list.length);
    const later = findings(ALL_RECORDS.map((r) => ({ ...r, lastSeenAt: '2026-06-01T00:00:00.000Z', evidence: `${r.evidence} (again)` })));
    for (const f of list) {
      const same = byId(later, f.unique_id_from_tool as string);
      // DefectDojo's default de-duplication hashes title and description: neither may move between exports.
      expect(same?.title).toBe(f.title);
      expect(same?.description).toBe(f.description);
      expect(same?.steps_to_reproduce).not.toBe(f.steps_to_reproduce);
    }
  });

  it('fills the fields of an open endpoint from its record and the catalog', () => {
    const f = byId(findings(), '203.0.113.10:11434');
    const ollama = catalog.find((c) => c.service === 'ollama');
    expect(f).toMatchObject({
      title: 'Ollama without authentication at http://203.0.113.10:11434',
      severity: 'Critical',
      date: '2026-04-01',
      active: true,
      verified: false,
      vuln_id_from_tool: 'ollama',
      component_name: 'Ollama',
      component_version: '0.1.30',
      endpoints: ['http://203.0.113.10:11434'],
      cve: 'CVE-2024-37032',
      vulnerability_ids: ['CVE-2024-45436'],
    });
    expect(f?.mitigation).toBe(`${ollama?.remediation.fix}\nSettings: OLLAMA_HOST=127.0.0.1:11434\nDocs: ${ollama?.remediation.docs}`);
    expect(f?.impact).toMatch(/^Anyone who can reach http:\/\/203\.0\.113\.10:11434 can use its compute for inference, pull or delete models, change or delete data/);
    expect(f?.references).toContain(ollama?.remediation.docs);
    expect(f?.references).toMatch(/CVE-2024-37032: https:\/\//);
    expect(f?.steps_to_reproduce).toContain('GET /api/tags -> 200, 2 models listed');
    expect(f?.steps_to_reproduce).toContain('2 models: llama3:8b, qwen2:7b');
    expect(f?.tags).toEqual(['ai-exposure-monitor', 'ollama', 'auth-none', 'route-ml', 'open', 'owner-ml-team']);
  });

  it('maps severities and states', () => {
    const list = findings();
    expect(byId(list, `${jupyterOpen.ip}:8888`)?.severity).toBe('Critical');
    expect(byId(list, `${mlflowDefault.ip}:5000`)?.severity).toBe('Critical');
    expect(byId(list, `${qdrantGone.ip}:6333`)).toMatchObject({ severity: 'High', active: false });
    const locked = byId(list, `${vllmLocked.ip}:8000`);
    expect(locked).toMatchObject({ severity: 'Info', active: true, title: 'vLLM at http://203.0.113.13:8000 (authentication required)' });
    expect(locked).not.toHaveProperty('mitigation');
    expect(locked).not.toHaveProperty('impact');
    expect(locked).not.toHaveProperty('cve');
    const suppressed = byId(list, '[2001:db8::5]:11434');
    expect(suppressed?.endpoints).toEqual(['https://[2001:db8::5]:11434']);
    expect(suppressed?.tags).toContain('suppressed');
    expect(suppressed?.steps_to_reproduce).toContain('- Suppressed: lab box, firewalled upstream (accepted by alice) until 2099-01-01');
  });

  it('keeps hostile text in plain strings and out of tags', () => {
    const f = byId(findings([hostileRecord]), `${hostileRecord.ip}:7860`);
    expect(f?.vulnerability_ids).toEqual(['GHSA-xxxx-yyyy-zzzz']);
    expect(f).not.toHaveProperty('cve');
    expect(f?.steps_to_reproduce).toContain('=HYPERLINK("http://evil.example/x?a=1,b=2","click"), "quoted", line2 red <script>');
    expect(JSON.stringify(f)).not.toMatch(/\\u001b|\\r/);
    for (const t of f?.tags ?? []) expect(t).not.toMatch(/[\s,'"A-Z]/);
  });

  it('makes tags DefectDojo accepts', () => {
    expect(dojoTag(`Owner "x", y's`)).toBe('owner-x-y-s');
  });
});
