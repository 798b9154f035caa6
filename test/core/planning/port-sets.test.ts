import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { catalogPorts } from '../../../lambdas/core/fingerprint/catalog-ports.js';
import { probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { DEV_PORT_RANGES, portSets } from '../../../lambdas/core/fingerprint/port-sets.js';
import { parseBlockMessage } from '../../../lambdas/core/planning/parse-block-message.js';
import { blockShape, MAX_PORTS_PER_BLOCK, planBlocks } from '../../../lambdas/core/planning/plan-blocks.js';
import { InputError } from '../../../lambdas/core/targets/address.js';
import { DEFAULT_POLICY } from '../../../lambdas/core/targets/address-policy.js';
import { MAX_PORTS, parsePorts } from '../../../lambdas/core/targets/ports.js';
import { validateRangeRow } from '../../../lambdas/core/targets/range-row.js';
import { portsEnvValue } from '../../../lib/constructs/scan-pipeline.js';

const sets = portSets(catalog);

describe('port sets', () => {
  it('catalog is the catalog ports; ai adds every alternate and dev port; all is every port', () => {
    expect(sets.catalog).toEqual(catalogPorts(catalog));
    const ai = new Set(sets.ai);
    for (const port of sets.catalog ?? []) expect(ai.has(port)).toBe(true);
    for (const entry of catalog) for (const port of entry.alternatePorts ?? []) expect(ai.has(port), `${entry.service} ${port}`).toBe(true);
    for (const [lo, hi] of DEV_PORT_RANGES) for (let p = lo; p <= hi; p++) expect(ai.has(p)).toBe(true);
    for (const port of [6007, 7861, 8889, 8502, 3001, 9000]) expect(ai.has(port)).toBe(true);
    expect(sets.all).toHaveLength(65535);
    expect(sets.all?.[0]).toBe(1);
    expect(sets.all?.[65534]).toBe(65535);
  });

  it('a set name is accepted alone or with ports, and an unknown name lists the sets', () => {
    expect(parsePorts('ai', 'ports', { sets })).toEqual(sets.ai);
    expect(parsePorts('catalog,9443', 'ports', { sets })).toEqual([...(sets.catalog ?? []), 9443].sort((a, b) => a - b));
    expect(parsePorts(['all'], 'ports', { sets })).toHaveLength(65535);
    expect(() => parsePorts('aii', 'FIELD', { sets })).toThrowError(/FIELD: "aii" is not a port number or a port set \(catalog, ai, all\)/);
    // Without sets (a block message, a scan target's port) a name is just not a port.
    expect(() => parsePorts('ai', 'FIELD')).toThrowError(InputError);
    // Ports given one by one still stop at MAX_PORTS.
    expect(() => parsePorts(`ai,1-${MAX_PORTS + 1}`, 'FIELD', { sets })).toThrowError(/spans more than/);
  });

  it('an alternate port is hinted: the product\'s own probes run there first', () => {
    const first = (port: number) => probePlanForPort(catalog, port)[0]?.entry.service;
    expect(first(6007)).toBe('tensorboard');
    expect(first(8889)).toBe('jupyter');
    expect(first(7863)).toBe('gradio');
    // On a port that is neither its default nor an alternate, it waits behind the hinted-nowhere order.
    expect(first(6100)).not.toBe('tensorboard');
  });
});

describe('planning large port sets', () => {
  it('a hand-written list keeps one block per 256 addresses; a large set takes fewer addresses per block', () => {
    expect(blockShape(64, 256)).toEqual({ addresses: 256, portsPerBlock: 64 });
    const ai = blockShape(sets.ai?.length ?? 0, 256);
    expect(ai.portsPerBlock).toBe(sets.ai?.length);
    expect(ai.addresses * ai.portsPerBlock).toBeLessThanOrEqual(256 * MAX_PORTS);
    expect(blockShape(65535, 256)).toEqual({ addresses: 8, portsPerBlock: MAX_PORTS_PER_BLOCK });
  });

  it('`all` on a /24 is cut into blocks that cover every (address, port) once, each message small', () => {
    const range = validateRangeRow({ cidr: '127.0.96.0/24', ports: ['all'] }, DEFAULT_POLICY, [80], sets);
    const blocks = [...planBlocks([range], 'r')];
    expect(blocks).toHaveLength(32 * 32);
    let probes = 0;
    const seen = new Set<string>();
    for (const b of blocks) {
      expect(b.ports.length).toBeLessThanOrEqual(MAX_PORTS_PER_BLOCK);
      expect(JSON.stringify(b).length).toBeLessThan(14_000);
      probes += b.count * b.ports.length;
      seen.add(`${b.start}/${b.ports[0]}`);
    }
    // What the planner sends, the prober accepts.
    for (const b of [blocks[0], blocks.at(-1)]) expect(parseBlockMessage(JSON.parse(JSON.stringify(b))).ports).toEqual(b?.ports);
    expect(probes).toBe(256 * 65535);
    expect(seen.size).toBe(blocks.length);
    expect(blocks.map((b) => b.blockId)).toEqual(blocks.map((_, i) => i));
  });

  it('a block message with more ports than a block carries is refused, naming the field', () => {
    const message = { schema: 'ai-exposure-monitor/block@1', runId: 'r', blockId: 0, range: '127.0.0.0/24', start: '127.0.0.1', count: 1, ports: Array.from({ length: MAX_PORTS_PER_BLOCK + 1 }, (_, i) => i + 1) };
    expect(() => parseBlockMessage(message)).toThrowError(/block message: field "ports": .*at most 2048/);
  });

  it('a row asking for more than 2^24 probes a cycle with a large set is refused with the figures', () => {
    expect(() => validateRangeRow({ cidr: '127.0.96.0/23', ports: 'all' }, DEFAULT_POLICY, [80], sets)).toThrowError(
      /range 127\.0\.96\.0\/23: 512 addresses x 65535 ports is 33553920 probes a cycle, more than 16777216 per row/,
    );
    // A short list is bounded by the range size policy only, as before.
    expect(validateRangeRow({ cidr: '127.0.0.0/16', ports: '1-64' }, DEFAULT_POLICY, [80], sets).ports).toHaveLength(64);
    expect(validateRangeRow({ cidr: '127.0.0.0/16', ports: 'ai' }, DEFAULT_POLICY, [80], sets).ports).toEqual(sets.ai);
  });

  it('the stack passes a whole set by name (every port would not fit a Lambda environment)', () => {
    expect(portsEnvValue(sets.all ?? [])).toBe('all');
    expect(portsEnvValue(sets.ai ?? [])).toBe('ai');
    expect(portsEnvValue([80, 443])).toBe('80,443');
  });
});

describe('the README says what the sets are', () => {
  it('states the size of the ai and catalog sets as they are', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`9000-9010 (${sets.ai?.length} ports)`);
    expect(readme).toContain(`the catalog's documented ports only (${sets.catalog?.length})`);
  });
});
