import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { InProcessQueue } from '../../lambdas/adapters/local/in-process-queue.js';
import type { DiscoveryResult, InventorySource, OwnershipCheck, OwnershipQuery, OwnershipVerdict } from '../../lambdas/core/discovery/discovered-target.js';
import { planCycle } from '../../lambdas/core/pipeline/plan-cycle.js';
import { processBlock } from '../../lambdas/core/pipeline/process-block.js';
import type { HostResolver, Logger } from '../../lambdas/core/ports.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';

// Servers on 127.0.32.x: one open Ollama at .10 (a "discovered" Elastic IP) and one at .20 (a manual row).
const fleet = new Fleet();
let port: number;
beforeAll(async () => {
  const a = await fleet.start({ host: '127.0.32.10', port: 0, fixture: loadFixture('ollama', 'none') });
  port = a.member.port;
  await fleet.start({ host: '127.0.32.20', port, fixture: loadFixture('ollama', 'none') });
});
afterAll(() => fleet.close());

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

const ACCOUNT = '111122223333';
const fixed = (result: DiscoveryResult | (() => Promise<DiscoveryResult>)): InventorySource => ({ discover: async () => (typeof result === 'function' ? result() : result) });
const eip = (address: string, id: string): DiscoveryResult['targets'][number] => ({ target: address, source: 'aws:eip', resourceId: id, account: ACCOUNT, region: 'eu-west-1' });

function recordingLogger(): Logger & { lines: { level: string; message: string; data?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message, data) => lines.push({ level: 'info', message, ...(data ? { data } : {}) }),
    warn: (message, data) => lines.push({ level: 'warn', message, ...(data ? { data } : {}) }),
    error: (message, data) => lines.push({ level: 'error', message, ...(data ? { data } : {}) }),
  };
}

class FakeOwnership implements OwnershipCheck {
  readonly asked: OwnershipQuery[] = [];
  constructor(public verdict: OwnershipVerdict | Error) {}
  async stillOwned(query: OwnershipQuery): Promise<OwnershipVerdict> {
    this.asked.push(query);
    if (this.verdict instanceof Error) throw this.verdict;
    return this.verdict;
  }
}

/** One cycle: plan (with discovery), then probe every block with the given ownership check. */
async function cycle(discovery: InventorySource | undefined, ownership: OwnershipCheck | undefined, logger: Logger = quiet, clock = steppingClock(), resolver?: HostResolver) {
  const settings = testSettings([port]);
  const queue = new InProcessQueue();
  const plan = await planCycle({ store: dynamo.store, queue, settings, clock, logger, ...(discovery ? { discovery } : {}), ...(resolver ? { resolver } : {}) });
  const events = [];
  const bodies: string[] = [];
  for (let body = queue.receive(); body !== undefined; body = queue.receive()) {
    bodies.push(body);
    const out = await processBlock(body, { store: dynamo.store, catalog: testCatalog, probe: testProbe, settings, clock, logger, ...(ownership ? { ownership } : {}) });
    events.push(...out.events);
  }
  return { plan, events, bodies };
}

describe('discovery in the planner', () => {
  it('merges discovered addresses into the range table and plans them with their owning resource', async () => {
    const { plan, bodies } = await cycle(fixed({ targets: [eip('127.0.32.10', 'eipalloc-1')], problems: [] }), undefined);
    expect(plan.discoveryProblems).toBe(0);
    expect(await dynamo.store.listRangeRows()).toEqual([expect.objectContaining({ cidr: '127.0.32.10/32', source: 'aws:eip', resourceId: 'eipalloc-1', account: ACCOUNT })]);
    expect(JSON.parse(bodies[0] as string).discovered).toEqual({ source: 'aws:eip', resourceId: 'eipalloc-1', account: ACCOUNT, region: 'eu-west-1' });
    const endpoint = await dynamo.store.getEndpoint('127.0.32.10', port);
    expect(endpoint?.discovered?.resourceId).toBe('eipalloc-1');
  });

  it('counts and logs each problem by source and account, and still runs the manual rows and the rest', async () => {
    await dynamo.store.putRangeRow({ cidr: '127.0.32.20/32', label: 'manual' });
    const logger = recordingLogger();
    const { plan } = await cycle(
      fixed({ targets: [eip('127.0.32.10', 'eipalloc-1')], problems: [{ source: 'aws:sts', account: '444455556666', error: 'AccessDenied assuming arn:aws:iam::444455556666:role/Reader' }] }),
      undefined,
      logger,
    );
    expect(plan.discoveryProblems).toBe(1);
    expect(plan.ranges).toBe(2);
    const warn = logger.lines.find((l) => l.message.startsWith('discovery problem'));
    expect(warn?.message).toBe('discovery problem: aws:sts in account 444455556666: AccessDenied assuming arn:aws:iam::444455556666:role/Reader');
  });

  it('runs the cycle when discovery throws, keeping the rows of the last good discovery', async () => {
    await cycle(fixed({ targets: [eip('127.0.32.10', 'eipalloc-1')], problems: [] }), undefined);
    await dynamo.store.putRangeRow({ cidr: '127.0.32.20/32' });
    const { plan } = await cycle(fixed(async () => { throw new Error('network down'); }), undefined);
    expect(plan.discoveryProblems).toBe(1);
    expect(plan.ranges).toBe(2);
    expect((await dynamo.store.listRangeRows()).map((r) => (r as { cidr: string }).cidr).sort()).toEqual(['127.0.32.10/32', '127.0.32.20/32']);
  });

  it('drops the row when the resource disappears, and never touches a manual row', async () => {
    await dynamo.store.putRangeRow({ cidr: '127.0.32.20/32', label: 'manual' });
    await cycle(fixed({ targets: [eip('127.0.32.10', 'eipalloc-1'), eip('127.0.32.20', 'eipalloc-2')], problems: [] }), undefined);
    const rows = await dynamo.store.listRangeRows();
    expect(rows.find((r) => (r as { cidr: string }).cidr === '127.0.32.20/32')).not.toHaveProperty('source');
    const { plan } = await cycle(fixed({ targets: [], problems: [] }), undefined);
    expect((await dynamo.store.listRangeRows()).map((r) => (r as { cidr: string }).cidr)).toEqual(['127.0.32.20/32']);
    expect(plan.ranges).toBe(1);
  });
});

describe('discovery at scale', () => {
  it('plans 1,000 discovered addresses: the run record keeps every planned range within the 400 KB item', async () => {
    const targets = Array.from({ length: 1000 }, (_, i) => eip(`127.1.${i >> 8}.${i & 255}`, `eipalloc-${i.toString(16).padStart(17, '0')}`));
    const settings = testSettings(Array.from({ length: 122 }, (_, i) => 20000 + i));
    const queue = new InProcessQueue();
    const plan = await planCycle({ store: dynamo.store, queue, settings, clock: steppingClock(), logger: quiet, discovery: fixed({ targets, problems: [] }) });
    expect(plan.ranges).toBe(1000);
    const run = await dynamo.store.getRun(plan.runId);
    expect(run?.ranges).toHaveLength(1000);
    expect(run?.ranges[999]?.discovered?.resourceId).toBe(`eipalloc-${(999).toString(16).padStart(17, '0')}`);
  });
});

describe('ownership before alerting', () => {
  const discovery = fixed({ targets: [eip('127.0.32.10', 'eipalloc-1')], problems: [] });

  it('withholds the alert of an address that left the inventory, and still records the endpoint with leftInventoryAt', async () => {
    const check = new FakeOwnership('left');
    const logger = recordingLogger();
    const { events } = await cycle(discovery, check, logger);
    expect(events).toEqual([]);
    expect(await dynamo.store.listAlerts(10)).toEqual([]);
    expect(check.asked).toEqual([{ source: 'aws:eip', resourceId: 'eipalloc-1', account: ACCOUNT, region: 'eu-west-1', address: '127.0.32.10' }]);
    const endpoint = await dynamo.store.getEndpoint('127.0.32.10', port);
    expect(endpoint?.status).toBe('open');
    expect(endpoint?.leftInventoryAt).toMatch(/^2026-/);
    expect(endpoint?.openAlertId).toBeUndefined();
    expect(endpoint?.pendingEvents).toBeUndefined();
    expect(logger.lines.some((l) => l.message.startsWith('left inventory') && l.data?.resource === `aws:eip eipalloc-1 (${ACCOUNT} eu-west-1)`)).toBe(true);
  });

  it('alerts when the address is still owned', async () => {
    const check = new FakeOwnership('owned');
    const { events } = await cycle(discovery, check);
    expect(events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
    expect(check.asked).toHaveLength(1);
  });

  it('alerts when the check cannot tell (unknown) or fails: an alert is never lost to a failed check', async () => {
    expect((await cycle(discovery, new FakeOwnership('unknown'))).events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
    dynamo.close();
    dynamo = await freshDynamo();
    expect((await cycle(discovery, new FakeOwnership(new Error('ec2 throttled')))).events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
  });

  it('never checks a manual row', async () => {
    await dynamo.store.putRangeRow({ cidr: '127.0.32.20/32' });
    const check = new FakeOwnership('left');
    const { events } = await cycle(undefined, check);
    expect(events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
    expect(check.asked).toEqual([]);
  });

  it('sends the withheld alert in a later run once the address is ours again', async () => {
    const check = new FakeOwnership('left');
    const clock = steppingClock();
    expect((await cycle(discovery, check, quiet, clock)).events).toEqual([]);
    check.verdict = 'owned';
    const second = await cycle(discovery, check, quiet, clock);
    expect(second.events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
    expect((await dynamo.store.getEndpoint('127.0.32.10', port))?.leftInventoryAt).toBeUndefined();
    // And once sent, a third run is quiet and asks nothing.
    const third = await cycle(discovery, check, quiet, clock);
    expect(third.events).toEqual([]);
    expect(check.asked).toHaveLength(2);
  });

  it('checks a discovered load balancer name with the name and the address it was reached at', async () => {
    const lb = fixed({ targets: [{ target: 'web-1.elb.test', source: 'aws:elbv2', resourceId: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1', account: ACCOUNT, region: 'eu-west-1' }], problems: [] });
    const resolver: HostResolver = { resolve: async (name) => (name === 'web-1.elb.test' ? ['127.0.32.10'] : []) };
    const check = new FakeOwnership('left');
    const { events } = await cycle(lb, check, quiet, steppingClock(), resolver);
    expect(events).toEqual([]);
    expect(check.asked).toEqual([expect.objectContaining({ source: 'aws:elbv2', address: '127.0.32.10', host: 'web-1.elb.test' })]);
    const endpoint = (await dynamo.store.listEndpoints())[0];
    expect(endpoint?.host).toBe('web-1.elb.test');
    expect(endpoint?.leftInventoryAt).toBeDefined();
    expect(endpoint?.discovered?.source).toBe('aws:elbv2');
  });

  it("applies a manual row's exclude to the addresses a discovered name resolves to", async () => {
    await dynamo.store.putRangeRow({ cidr: '127.0.32.0/28', exclude: ['127.0.32.8/29'], label: 'manual' });
    const lb = fixed({ targets: [{ target: 'web-1.elb.test', source: 'aws:elbv2', resourceId: 'web', account: ACCOUNT, region: 'eu-west-1' }], problems: [] });
    const resolver: HostResolver = { resolve: async (name) => (name === 'web-1.elb.test' ? ['127.0.32.10'] : []) };
    const logger = recordingLogger();
    const { events, plan } = await cycle(lb, new FakeOwnership('owned'), logger, steppingClock(), resolver);
    expect(events).toEqual([]);
    expect(await dynamo.store.listEndpoints()).toEqual([]);
    expect(plan.addresses).toBe(8);
    expect(logger.lines.find((l) => l.message === 'discovered name address not probed')?.data).toEqual({ row: 'web-1.elb.test', address: '127.0.32.10', reason: 'excluded by manual row 127.0.32.0/28 (exclude 127.0.32.8/29)' });
  });
});
