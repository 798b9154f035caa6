import { describe, expect, it } from 'vitest';
import type { HostResolver } from '../../../lambdas/core/ports.js';
import type { MonitoredHost } from '../../../lambdas/core/targets/range-row.js';
import { resolveHostRows } from '../../../lambdas/core/targets/resolve-host-rows.js';
import { MAX_ADDRESSES_PER_NAME } from '../../../lambdas/core/targets/resolve-names.js';

const policy = { allowPrivate: false, maxRangePrefixV4: 16 };
const row = (host: string): MonitoredHost => ({ host, ports: [443], label: 'l' });
const resolver = (answers: Record<string, readonly string[] | Error>): HostResolver => ({
  async resolve(name) {
    const a = answers[name];
    if (a instanceof Error) throw a;
    return a ?? [];
  },
});

describe('resolveHostRows', () => {
  it('a name with thousands of addresses is probed at the first 16, with a warning that says so', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    const out = await resolveHostRows([row('cdn.corp.test')], resolver({ 'cdn.corp.test': many }), policy);
    expect(out.ranges).toHaveLength(MAX_ADDRESSES_PER_NAME);
    expect(out.ranges.every((r) => r.host === 'cdn.corp.test' && r.label === 'l' && r.intervals.length === 1)).toBe(true);
    expect(out.warnings).toEqual([{ row: 'cdn.corp.test', error: 'cdn.corp.test resolves to 3000 addresses; probing the first 16' }]);
  });

  it('repeated and differently written addresses count once; IPv6 loopback is an address like any other', async () => {
    const out = await resolveHostRows([row('twice.corp.test')], resolver({ 'twice.corp.test': ['127.0.0.5', '127.0.0.5', '::1'] }), policy);
    expect(out.ranges.map((r) => r.cidr.text)).toEqual(['127.0.0.5/32', '::1/128']);
  });

  it('each failure is its own: a lookup error, no address, garbage from the resolver; the others resolve', async () => {
    const out = await resolveHostRows(
      [row('err.corp.test'), row('none.corp.test'), row('junk.corp.test'), row('ok.corp.test')],
      resolver({ 'err.corp.test': new Error('ETIMEOUT'), 'junk.corp.test': ['not an address'], 'ok.corp.test': ['127.0.0.9'] }),
      policy,
    );
    expect(out.unresolved.map((u) => `${u.row.host}: ${u.reason}`)).toEqual(['err.corp.test: resolving err.corp.test failed: ETIMEOUT', 'none.corp.test: none.corp.test resolves to no address']);
    expect(out.warnings).toEqual([{ row: 'junk.corp.test', error: expect.stringContaining('junk.corp.test resolves to not an address, which is refused') }]);
    expect(out.ranges.map((r) => `${r.host} ${r.cidr.text}`)).toEqual(['ok.corp.test 127.0.0.9/32']);
  });

  it('without a resolver every host row is unresolved, never probed', async () => {
    const out = await resolveHostRows([row('a.corp.test')], undefined, policy);
    expect(out.ranges).toEqual([]);
    expect(out.unresolved[0]?.reason).toContain('no resolver is configured');
  });
});
