import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../lambdas/core/fingerprint/http-result.js';
import { matches, parseJsonBody, valuesAt } from '../../lambdas/core/fingerprint/match.js';

// No network: the matcher's own limits against hostile JSON, each guarding one fix in match.ts.
const response = (body: string): HttpResponse => ({ ok: true, status: 200, headers: { 'content-type': 'application/json' }, body, truncated: false });

describe('hostile JSON in the matcher', () => {
  it('fans out over an array far wider than the call-argument limit (no RangeError)', () => {
    const wide = Array.from({ length: 400_000 }, () => ({ object: 'model' }));
    expect(valuesAt({ data: wide }, 'data[].object')).toHaveLength(400_000);
    // ... and a genuine-looking but huge model list still matches.
    const list = response(JSON.stringify({ object: 'list', data: wide }));
    expect(matches(list, { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data[].object', equals: 'model' }] })).toBe(true);
  });

  // (No wall-time check: the bound is on memory, which these verdicts decide. Refused, these bodies
  // are never parsed; before the bound they parsed to ~20x their size on every probe path.)
  it('treats pathologically nested or container-packed JSON as not JSON', () => {
    expect(parseJsonBody(response(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBeNull();
    expect(parseJsonBody(response(`{"data":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`))).toBeNull();
    expect(parseJsonBody(response(`[${'{},'.repeat(100_000)}{}]`))).toBeNull();
  });

  it('still parses ordinary JSON, including brackets inside strings and moderately deep nesting', () => {
    expect(parseJsonBody(response('{"title":"[[[[{{{{","a":{"b":{"c":[1,2,3]}}}'))?.value).toEqual({ title: '[[[[{{{{', a: { b: { c: [1, 2, 3] } } });
    const nested = `${'['.repeat(60)}1${']'.repeat(60)}`;
    expect(parseJsonBody(response(nested))).not.toBeNull();
    // A large list of small objects, the shape of a real model list, is within bounds.
    const models = JSON.stringify({ object: 'list', data: Array.from({ length: 5_000 }, (_, i) => ({ id: `model-${i}`, object: 'model', owned_by: 'vllm' })) });
    expect(parseJsonBody(response(models))).not.toBeNull();
  });

  it('gives the same answer for a large body however often it is asked (single-slot memo)', () => {
    const a = response(JSON.stringify({ object: 'list', data: Array.from({ length: 2_000 }, (_, i) => ({ id: `a${i}`, object: 'model' })) }));
    const b = response(JSON.stringify({ object: 'list', data: Array.from({ length: 2_000 }, (_, i) => ({ id: `b${i}`, object: 'model' })) }));
    for (let i = 0; i < 3; i++) {
      expect(valuesAt(parseJsonBody(a)?.value, 'data[].id')[0]).toBe('a0');
      expect(valuesAt(parseJsonBody(b)?.value, 'data[].id')[0]).toBe('b0');
    }
  });
});
