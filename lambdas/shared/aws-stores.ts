import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoStateStore } from '../adapters/dynamodb/dynamo-state-store.js';
import { ENV } from './env.js';
import { optionalEnv, requiredEnv } from './config.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The DynamoDB adapter on the deployed tables; one client per cold start. */
export function awsStateStore(env: Env, client = new DynamoDBClient({})): DynamoStateStore {
  return new DynamoStateStore({
    client,
    // Only the planner reads ranges; the other functions get no range table (and no permission on it).
    rangeTableName: optionalEnv(env, ENV.RANGE_TABLE_NAME) ?? 'range-table-not-granted',
    stateTableName: requiredEnv(env, ENV.STATE_TABLE_NAME),
  });
}
