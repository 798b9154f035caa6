import type { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../lambdas/adapters/local/in-process-queue.js';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { makeHandler } from '../../lambdas/planner/handler.js';
import { loadDiscoverySettings } from '../../lambdas/shared/discovery-config.js';
import { ENV } from '../../lambdas/shared/env.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testSettings } from '../support/monitor.js';

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

function fakeMetrics(): Metrics & { added: Record<string, number> } {
  const added: Record<string, number> = {};
  return { added, addMetric: (name: string, _unit: unknown, value: number) => void (added[name] = value), publishStoredMetrics: () => undefined } as unknown as Metrics & { added: Record<string, number> };
}

describe('planner handler with discovery', () => {
  it('publishes the count of discovery problems as DiscoveryProblems, and plans the discovered rows', async () => {
    const metrics = fakeMetrics();
    const discovery = {
      discover: async () => ({
        targets: [{ target: '127.0.33.1', source: 'aws:eip' as const, resourceId: 'eipalloc-1', account: '111122223333', region: 'eu-west-1' }],
        problems: [
          { source: 'aws:route53', account: '111122223333', error: 'throttled' },
          { source: 'aws:sts', account: '444455556666', error: 'AccessDenied' },
        ],
      }),
    };
    const handler = makeHandler(() => ({ store: dynamo.store, queue: new InProcessQueue(), settings: testSettings([8000]), clock: steppingClock(), logger: quiet, metrics, discovery }));
    const result = await handler({});
    expect(result.ranges).toBe(1);
    expect(metrics.added.DiscoveryProblems).toBe(2);
  });

  it('publishes no DiscoveryProblems metric when discovery is off', async () => {
    const metrics = fakeMetrics();
    const handler = makeHandler(() => ({ store: dynamo.store, queue: new InProcessQueue(), settings: testSettings([8000]), clock: steppingClock(), logger: quiet, metrics }));
    await handler({});
    expect(metrics.added).not.toHaveProperty('DiscoveryProblems');
    expect(metrics.added.Runs).toBe(1);
  });
});

describe('discovery settings from the environment', () => {
  it('is off without DISCOVER_SOURCES, and reads sources, allow-list, role and regions', () => {
    expect(loadDiscoverySettings({})).toBeUndefined();
    expect(loadDiscoverySettings({ [ENV.DISCOVER_SOURCES]: 'ec2,route53', [ENV.DISCOVER_ACCOUNTS]: '222222222222', [ENV.DISCOVER_ROLE_NAME]: 'Reader', AWS_REGION: 'eu-west-1' })).toEqual({
      groups: ['ec2', 'route53'],
      regions: ['eu-west-1'],
      allowList: ['222222222222'],
      roleName: 'Reader',
    });
  });

  it('refuses bad values at cold start, naming the variable and the value', () => {
    expect(() => loadDiscoverySettings({ [ENV.DISCOVER_SOURCES]: 'ec2,gce', AWS_REGION: 'eu-west-1' })).toThrow('DISCOVER_SOURCES: unknown discovery source "gce"');
    expect(() => loadDiscoverySettings({ [ENV.DISCOVER_SOURCES]: 'ec2', [ENV.DISCOVER_ACCOUNTS]: '12', [ENV.DISCOVER_ROLE_NAME]: 'R', AWS_REGION: 'eu-west-1' })).toThrow('DISCOVER_ACCOUNTS: "12" is not a 12-digit AWS account id');
    expect(() => loadDiscoverySettings({ [ENV.DISCOVER_SOURCES]: 'ec2', [ENV.DISCOVER_ACCOUNTS]: '222222222222', AWS_REGION: 'eu-west-1' })).toThrow('DISCOVER_ROLE_NAME is not');
    expect(() => loadDiscoverySettings({ [ENV.DISCOVER_SOURCES]: 'ec2' })).toThrow('DISCOVER_REGIONS is not set and neither is AWS_REGION');
  });
});
