import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoStateStore } from '../adapters/dynamodb/dynamo-state-store.js';
import { InputError } from '../core/targets/address.js';
import type { OptionValues } from './cli-options.js';

/** Stack output keys the CLI reads (set by lib/exposure-monitor-stack.ts). */
export const STACK_OUTPUTS = {
  rangeTable: 'RangeTableName',
  stateTable: 'StateTableName',
  planner: 'PlannerFunctionName',
} as const;

export interface AwsTarget {
  readonly rangeTableName: string;
  readonly stateTableName?: string;
  readonly plannerFunctionName?: string;
}

/**
 * Finds the deployed tables: `--stack NAME` reads the stack's outputs; `--table NAME` names the
 * range table (and `--state-table NAME` the state table) directly.
 */
export async function resolveAwsTarget(values: OptionValues, cloudFormation = new CloudFormationClient({})): Promise<AwsTarget> {
  const stack = typeof values.stack === 'string' ? values.stack : undefined;
  const table = typeof values.table === 'string' ? values.table : undefined;
  if (!stack && !table) throw new InputError('--aws needs --stack NAME (the deployed stack) or --table NAME (the range table)');
  if (table) {
    return { rangeTableName: table, ...(typeof values['state-table'] === 'string' ? { stateTableName: values['state-table'] } : {}) };
  }
  const out = await cloudFormation.send(new DescribeStacksCommand({ StackName: stack }));
  const outputs = new Map((out.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const rangeTableName = outputs.get(STACK_OUTPUTS.rangeTable);
  if (!rangeTableName) throw new InputError(`stack ${stack} has no output ${STACK_OUTPUTS.rangeTable}: is it an ai-exposure-monitor stack?`);
  const stateTableName = outputs.get(STACK_OUTPUTS.stateTable);
  const plannerFunctionName = outputs.get(STACK_OUTPUTS.planner);
  return { rangeTableName, ...(stateTableName ? { stateTableName } : {}), ...(plannerFunctionName ? { plannerFunctionName } : {}) };
}

/** The same DynamoDB adapter as the Lambdas, on the deployed tables, with the caller's credentials. */
export function awsCliStore(target: AwsTarget, client = new DynamoDBClient({})): DynamoStateStore {
  return new DynamoStateStore({
    client,
    rangeTableName: target.rangeTableName,
    stateTableName: target.stateTableName ?? 'state-table-unknown-pass---state-table-or---stack',
  });
}

export function requireStateTable(target: AwsTarget, command: string): void {
  if (!target.stateTableName) throw new InputError(`${command} --aws needs the state table: use --stack NAME, or --state-table NAME with --table`);
}
