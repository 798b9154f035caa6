import { describe, expect, it } from 'vitest';
import { renderEvidence } from '../../../lambdas/core/fingerprint/identify.js';

const json = (value: unknown) => ({ ok: true as const, status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value), truncated: false });

describe('evidence templates', () => {
  it('a count of one takes the singular; other counts keep the plural', () => {
    const template = 'GET /api/tags -> {status} with {count:models[]} models (first: {json:models[].name})';
    expect(renderEvidence(template, json({ models: [{ name: 'llama3' }] }))).toBe('GET /api/tags -> 200 with 1 model (first: llama3)');
    expect(renderEvidence(template, json({ models: [{ name: 'a' }, { name: 'b' }] }))).toBe('GET /api/tags -> 200 with 2 models (first: a)');
    expect(renderEvidence(template, json({ models: [] }))).toBe('GET /api/tags -> 200 with 0 models (first: ?)');
    expect(renderEvidence('{count:[]} collections', json([{ name: 'x' }]))).toBe('1 collection');
  });
});
