import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DescribeAddressesCommand, DescribeInstancesCommand, DescribeNatGatewaysCommand, DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';

// The "AWS account" is aws-sdk-client-mock: no request leaves the process. Its one Elastic IP is a
// loopback address where an open Ollama listens (127.0.34.10).
const ec2 = mockClient(EC2Client);
const sts = mockClient(STSClient);
const fleet = new Fleet();
let port: number;
const saved = { ...process.env };
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-discover-'));

beforeAll(async () => {
  port = (await fleet.start({ host: '127.0.34.10', port: 0, fixture: loadFixture('ollama', 'none') })).member.port;
  Object.assign(process.env, { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/me' });
  ec2.on(DescribeInstancesCommand).resolves({});
  ec2.on(DescribeNetworkInterfacesCommand).resolves({});
  ec2.on(DescribeNatGatewaysCommand).resolves({});
  ec2.on(DescribeAddressesCommand).resolves({ Addresses: [{ PublicIp: '127.0.34.10', AllocationId: 'eipalloc-0abc' }] });
});
afterAll(async () => {
  await fleet.close();
  process.env = saved;
  rmSync(stateDir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ columns: 200 });
  const code = await main([...args, '--state-dir', stateDir], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('run --discover', () => {
  it('merges the account’s addresses into the range table, alerts after the ownership re-check, and ranges list names the resource', async () => {
    const run = await cli('run', '--discover', 'ec2', '--ports', String(port), '--json');
    expect(run.err).not.toMatch(/discovery problem/);
    const events = run.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; endpoint?: { ip: string } });
    expect(events.map((e) => [e.type, e.endpoint?.ip])).toEqual([['endpoint.new_unauthenticated', '127.0.34.10']]);
    // The re-check asked EC2 for exactly this address.
    expect(ec2.commandCalls(DescribeAddressesCommand).some((c) => JSON.stringify(c.args[0].input).includes('"public-ip"') && JSON.stringify(c.args[0].input).includes('127.0.34.10'))).toBe(true);

    const list = await cli('ranges', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/SOURCE\s+RESOURCE/);
    expect(list.out).toMatch(/127\.0\.34\.10\/32 .*aws:eip\s+eipalloc-0abc 111122223333 eu-west-1/);

    // Findings show the owning resource: in the table's range column, and in the JSON record.
    const table = await cli('findings');
    expect(table.out).toMatch(/127\.0\.34\.10\/32 aws:eip eipalloc-0abc/);
    const json = JSON.parse((await cli('findings', '--json')).out) as { discovered?: unknown };
    expect(json.discovered).toEqual({ source: 'aws:eip', resourceId: 'eipalloc-0abc', account: '111122223333', region: 'eu-west-1' });
  });

  it('refuses an unknown source or a bad allow-list by name, exit 2', async () => {
    const bad = await cli('run', '--discover', 'ec2,gce');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--discover: unknown discovery source "gce" (known: ec2, elbv2, elb, route53, lightsail, globalaccelerator, apigateway)');
    const noRole = await cli('run', '--discover', 'ec2', '--discover-accounts', '222222222222');
    expect(noRole.code).toBe(2);
    expect(noRole.err).toContain('--discover-accounts needs --discover-role NAME');
  });
});
