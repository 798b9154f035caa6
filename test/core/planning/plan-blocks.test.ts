import { describe, expect, it } from 'vitest';
import { parseBlockMessage } from '../../../lambdas/core/planning/parse-block-message.js';
import { planBlocks } from '../../../lambdas/core/planning/plan-blocks.js';
import { blockTargets } from '../../../lambdas/core/pipeline/process-block.js';
import { DEFAULT_POLICY } from '../../../lambdas/core/targets/address-policy.js';
import { validateRangeRow } from '../../../lambdas/core/targets/range-row.js';

const range = (raw: Record<string, unknown>) => validateRangeRow(raw, DEFAULT_POLICY, [8000]);

describe('planBlocks', () => {
  it('splits a /16 into 256-address blocks with sequential ids, never listing addresses', () => {
    const blocks = [...planBlocks([range({ cidr: '127.5.0.0/16', label: 'lab' })], 'run-1')];
    expect(blocks).toHaveLength(256);
    expect(blocks[0]).toEqual({ schema: 'ai-exposure-monitor/block@1', runId: 'run-1', blockId: 0, range: '127.5.0.0/16', label: 'lab', start: '127.5.0.0', count: 256, ports: [8000] });
    expect(blocks[255]).toMatchObject({ blockId: 255, start: '127.5.255.0', count: 256 });
    expect(JSON.stringify(blocks[0]).length).toBeLessThan(250);
  });

  it('never puts an excluded address inside a block', () => {
    const blocks = [...planBlocks([range({ cidr: '127.0.0.0/24', exclude: ['127.0.0.100/30'] })], 'r', 64)];
    const addresses = blocks.flatMap((b) => [...blockTargets(b.start, b.count, [1])].map((t) => t.host));
    expect(addresses).toHaveLength(252);
    for (const excluded of ['127.0.0.100', '127.0.0.101', '127.0.0.102', '127.0.0.103']) expect(addresses).not.toContain(excluded);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('plans IPv6 /120 ranges', () => {
    const blocks = [...planBlocks([validateRangeRow({ cidr: '::1' }, DEFAULT_POLICY, [80])], 'r')];
    expect(blocks).toEqual([expect.objectContaining({ start: '::1', count: 1 })]);
  });
});

describe('parseBlockMessage', () => {
  const good = { schema: 'ai-exposure-monitor/block@1', runId: 'r', blockId: 3, range: '127.0.0.0/24', start: '127.0.0.0', count: 256, ports: [8000] };

  it('round-trips a planned message', () => {
    expect(parseBlockMessage(JSON.stringify(good))).toEqual(good);
  });

  it.each([
    ['not json', /not JSON/],
    [JSON.stringify({ ...good, schema: 'other@2' }), /field "schema" is "other@2"/],
    [JSON.stringify({ ...good, count: 0 }), /field "count" must be an integer 1..4096/],
    [JSON.stringify({ ...good, ports: [70000] }), /70000 is out of range/],
    [JSON.stringify({ ...good, start: '127.0.1.0' }), /lies outside its range 127.0.0.0\/24/],
    [JSON.stringify({ ...good, start: '127.0.0.200', count: 100 }), /lies outside its range/],
    [JSON.stringify({ ...good, runId: '' }), /field "runId"/],
    ['x'.repeat(20_000), /larger than 16384/],
  ])('refuses %s', (body, message) => {
    expect(() => parseBlockMessage(body)).toThrowError(message);
  });
});
