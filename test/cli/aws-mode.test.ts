import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import { LOCAL_RANGE_TABLE, LOCAL_STATE_TABLE, type EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { freshDynamo } from '../support/dynalite.js';
import { captureIo } from '../support/capture-io.js';

// The "deployed" tables are dynalite on loopback: the CLI's real DynamoDB client is pointed at it
// through the SDK's standard endpoint variable. CloudFormation and Lambda have no emulator here.
const cfn = mockClient(CloudFormationClient);
const lambda = mockClient(LambdaClient);
let dynamo: EmbeddedDynamo;
const saved = { ...process.env };
beforeAll(async () => {
  dynamo = await freshDynamo();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
  cfn.on(DescribeStacksCommand, { StackName: 'ExposureMonitor' }).resolves({
    Stacks: [
      {
        StackName: 'ExposureMonitor',
        CreationTime: new Date(),
        StackStatus: 'CREATE_COMPLETE',
        Outputs: [
          { OutputKey: 'RangeTableName', OutputValue: LOCAL_RANGE_TABLE },
          { OutputKey: 'StateTableName', OutputValue: LOCAL_STATE_TABLE },
          { OutputKey: 'PlannerFunctionName', OutputValue: 'ExposureMonitor-Planner-abc' },
        ],
      },
    ],
  });
  lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: Buffer.from('{"runId":"r-1","blocks":3}') as never });
});
afterAll(async () => {
  process.env = saved;
  await dynamo.close();
});

async function cli(...args: string[]) {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('CLI --aws mode', () => {
  it('edits the deployed range table found through the stack outputs', async () => {
    expect((await cli('ranges', 'add', '127.9.0.0/24', '--label', 'prod edge', '--aws', '--stack', 'ExposureMonitor')).code).toBe(0);
    expect((await dynamo.store.listRangeRows()).map((r) => (r as { cidr: string }).cidr)).toEqual(['127.9.0.0/24']);
    const listed = await cli('ranges', 'list', '--json', '--aws', '--table', LOCAL_RANGE_TABLE);
    expect(JSON.parse(listed.out)).toMatchObject({ cidr: '127.9.0.0/24', label: 'prod edge' });
    expect((await cli('ranges', 'remove', '127.9.0.0/24', '--aws', '--stack', 'ExposureMonitor')).code).toBe(0);
    expect(await dynamo.store.listRangeRows()).toEqual([]);
  });

  it('reads findings from the deployed state table', async () => {
    const r = await cli('findings', '--aws', '--stack', 'ExposureMonitor');
    expect(r.code).toBe(0);
    expect(r.out).toContain('no known AI endpoints');
  });

  it('refuses --aws without a stack or table, and findings with only the range table', async () => {
    expect(await cli('ranges', 'list', '--aws')).toMatchObject({ code: 2, err: expect.stringContaining('--stack NAME') });
    expect(await cli('findings', '--aws', '--table', LOCAL_RANGE_TABLE)).toMatchObject({ code: 2, err: expect.stringContaining('--state-table') });
  });

  it('run --aws invokes the planner named by the stack', async () => {
    const r = await cli('run', '--aws', '--stack', 'ExposureMonitor');
    expect(r.code).toBe(0);
    expect(lambda.commandCalls(InvokeCommand)[0]?.args[0].input.FunctionName).toBe('ExposureMonitor-Planner-abc');
    expect(r.out).toContain('r-1');
  });
});
