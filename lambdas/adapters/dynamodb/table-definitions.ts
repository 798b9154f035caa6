import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { OUTBOX_INDEX, OUTBOX_INDEX_PK, OUTBOX_INDEX_SK, RANGE_TABLE_KEY, STATE_PK, STATE_SK } from './table-layout.js';

/** Table definitions for the embedded local stack; the CDK stack builds the same keys and index. */
export function rangeTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: RANGE_TABLE_KEY, AttributeType: 'S' }],
    KeySchema: [{ AttributeName: RANGE_TABLE_KEY, KeyType: 'HASH' }],
  };
}

export function stateTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: STATE_PK, AttributeType: 'S' },
      { AttributeName: STATE_SK, AttributeType: 'S' },
      { AttributeName: OUTBOX_INDEX_PK, AttributeType: 'S' },
      { AttributeName: OUTBOX_INDEX_SK, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: STATE_PK, KeyType: 'HASH' },
      { AttributeName: STATE_SK, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: OUTBOX_INDEX,
        KeySchema: [
          { AttributeName: OUTBOX_INDEX_PK, KeyType: 'HASH' },
          { AttributeName: OUTBOX_INDEX_SK, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
  };
}
