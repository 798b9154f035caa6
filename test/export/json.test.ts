import { describe, expect, it } from 'vitest';
import { findingJson, renderJson, renderJsonLines } from '../../lambdas/core/export/json.js';
import { ALL_RECORDS, hostileRecord, NOW, ollamaLapsed, ollamaSuppressed, vllmLocked } from './sample-records.js';

describe('JSON export', () => {
  it('--format json is one array of exactly the objects --json prints one per line', () => {
    const lines = renderJsonLines(ALL_RECORDS, NOW);
    expect(lines).toHaveLength(ALL_RECORDS.length);
    for (const line of lines) expect(line).not.toContain('\n');
    const doc = renderJson(ALL_RECORDS, NOW);
    expect(doc.endsWith(']\n')).toBe(true);
    expect(JSON.parse(doc)).toEqual(lines.map((l) => JSON.parse(l) as unknown));
    expect(renderJson([], NOW)).toBe('[]\n');
  });

  it('keeps the --json object: the record less rev and pendingEvents, with its route and suppressedNow', () => {
    const withPending = { ...hostileRecord, pendingEvents: {} };
    const o = findingJson(withPending, NOW);
    expect(o).not.toHaveProperty('rev');
    expect(o).not.toHaveProperty('pendingEvents');
    expect(o).toMatchObject({ route: 'default', suppressedNow: true, evidence: hostileRecord.evidence });
    expect(findingJson(ollamaSuppressed, NOW).suppressedNow).toBe(true);
    expect(findingJson(ollamaLapsed, NOW).suppressedNow).toBe(false);
    expect(findingJson(vllmLocked, NOW).suppressedNow).toBe(false);
    // Hostile text survives as data: JSON escaping, nothing else.
    expect(JSON.parse(renderJsonLines([hostileRecord], NOW)[0] ?? '')).toMatchObject({ evidence: hostileRecord.evidence });
  });
});
