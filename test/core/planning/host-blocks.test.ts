import { describe, expect, it } from 'vitest';
import { parseBlockMessage } from '../../../lambdas/core/planning/parse-block-message.js';
import { countBlocks, planBlocks } from '../../../lambdas/core/planning/plan-blocks.js';
import { validateMonitoredRow, validateRangeRow } from '../../../lambdas/core/targets/range-row.js';

const policy = { allowPrivate: false, maxRangePrefixV4: 16 };
const ports = (n: number, from = 1000) => Array.from({ length: n }, (_, i) => from + i);

describe('block count', () => {
  // A run completes when this many blocks are done: a count below what is queued closed runs
  // early and dropped the rest of their blocks as stale (a /24 on more than 64 ports did).
  it.each([
    ['a /24 on 3 ports', '127.0.60.0/24', 3, 256],
    ['a /24 on 103 ports (the ai set size)', '127.0.60.0/24', 103, 256],
    ['a /24 on 3000 ports', '127.0.60.0/24', 3000, 64],
    ['a /20 with a small block size', '127.0.48.0/20', 16, 100],
  ])('%s: countBlocks is what planBlocks yields', (_what, cidr, portCount, blockSize) => {
    // As the deployment's default set: hand-written lists stop at 64 ports, sets do not.
    const range = validateRangeRow({ cidr }, policy, ports(portCount));
    expect(countBlocks([range], blockSize)).toBe([...planBlocks([range], 'r', blockSize)].length);
  });
});

describe('host blocks', () => {
  it('a host row becomes one block per address, naming the host as its range; the queue message round-trips', () => {
    const row = validateMonitoredRow({ cidr: 'chat.corp.test', ports: [8080, 8443], domains: 'corp.test' }, policy, [80]);
    expect(row).toMatchObject({ host: 'chat.corp.test', ports: [8080, 8443], domains: ['corp.test'] });
    const range = { ...validateRangeRow({ cidr: '127.0.60.7/32', ports: [8080, 8443] }, policy, [80]), host: 'chat.corp.test' };
    const [block] = [...planBlocks([range], 'r')];
    expect(block).toMatchObject({ range: 'chat.corp.test', host: 'chat.corp.test', start: '127.0.60.7', count: 1 });
    expect(parseBlockMessage(JSON.stringify(block))).toEqual(block);
  });

  it('refuses a forged host block that would widen the scan or hide its name', () => {
    const base = { schema: 'ai-exposure-monitor/block@1', runId: 'r', blockId: 0, start: '127.0.60.7', count: 1, ports: [8080] };
    expect(() => parseBlockMessage({ ...base, range: 'chat.corp.test', host: 'chat.corp.test', count: 256 })).toThrow(/covers one address/);
    expect(() => parseBlockMessage({ ...base, range: '127.0.60.0/24', host: 'chat.corp.test' })).toThrow(/names its host as its range/);
    expect(() => parseBlockMessage({ ...base, range: 'chat.corp.test', host: '*.corp.test' })).toThrow(/field "host".*wildcard/);
    expect(() => parseBlockMessage({ ...base, range: 'chat.corp.test' })).toThrow(/field "range"/);
  });
});
