import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../lambdas/core/targets/address-policy.js';
import { formatInterval } from '../../../lambdas/core/targets/cidr.js';
import { deduplicateRanges, validateRangeRow } from '../../../lambdas/core/targets/range-row.js';

const DEFAULT_PORTS = [8000, 11434];
const validate = (raw: unknown) => validateRangeRow(raw, DEFAULT_POLICY, DEFAULT_PORTS);

describe('validateRangeRow', () => {
  it('accepts a full row with ports as a list or a string, and exclusions', () => {
    const range = validate({ cidr: '127.0.0.0/24', label: 'lab', ports: '8000,8080', exclude: ['127.0.0.0/30'], enabled: true });
    expect(range.ports).toEqual([8000, 8080]);
    expect(range.intervals.map(formatInterval)).toEqual(['127.0.0.4-127.0.0.255']);
    expect(validate({ cidr: '127.0.0.0/24' }).ports).toEqual(DEFAULT_PORTS);
    expect(validate({ cidr: '127.0.0.0/24', ports: new Set([80]) }).ports).toEqual([80]);
  });

  it.each([
    [{ cidr: 42 }, /field "cidr" must be a string, got number 42/],
    [{}, /field "cidr" must be a string, got nothing/],
    [{ cidr: '127.0.0.0/24', ports: 'eighty' }, /range 127.0.0.0\/24: field "ports": "eighty" is not a port number/],
    [{ cidr: '127.0.0.0/24', ports: { a: 1 } }, /field "ports" must be a list/],
    [{ cidr: '127.0.0.0/24', exclude: ['nope'] }, /field "exclude": "nope" is not a valid CIDR/],
    [{ cidr: '127.0.0.0/24', enabled: 'yes' }, /field "enabled" must be true or false/],
    [{ cidr: '127.0.0.0/24', port: 80 }, /unknown field "port"/],
    [{ cidr: '127.0.0.0/24', label: 5 }, /field "label" must be text/],
    [{ cidr: '10.0.0.0/8' }, /field "cidr": 10.0.0.0\/8 is too large/],
    ['127.0.0.0/24', /expected an object/],
  ])('refuses %j naming the field', (raw, message) => {
    expect(() => validate(raw)).toThrowError(message);
  });
});

describe('deduplicateRanges', () => {
  it('plans each address once; the most specific range keeps its own label and ports', () => {
    const wide = validate({ cidr: '127.0.0.0/24', label: 'wide', ports: [80] });
    const narrow = validate({ cidr: '127.0.0.16/28', label: 'narrow', ports: [8000] });
    const same = validate({ cidr: '127.0.0.0/24', label: 'again' });
    const out = deduplicateRanges([wide, narrow, same]);
    const byLabel = Object.fromEntries(out.map((r) => [r.label, r.intervals.map(formatInterval)]));
    expect(byLabel.narrow).toEqual(['127.0.0.16-127.0.0.31']);
    const rest = [...(byLabel.wide ?? []), ...(byLabel.again ?? [])].sort();
    expect(rest).toEqual(['127.0.0.0-127.0.0.15', '127.0.0.32-127.0.0.255']);
  });
});
