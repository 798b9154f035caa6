import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  OUTBOX_INDEX,
  OUTBOX_INDEX_PK,
  OUTBOX_INDEX_SK,
  RANGE_TABLE_KEY,
  STATE_PK,
  STATE_SK,
  TTL_ATTRIBUTE,
} from '../../lambdas/adapters/dynamodb/table-layout.js';

export interface MonitorTablesProps {
  /**
   * What `cdk destroy` does with both tables and their key. The range table is edited by people
   * and the state table holds the monitor's memory, so both are kept by default.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The range registry (edited by people) and the monitor's state (endpoints, runs, alert outbox),
 * with the same keys, index and TTL as the local stack (lambdas/adapters/dynamodb/table-layout.ts).
 */
export class MonitorTables extends Construct {
  readonly rangeTable: Table;
  readonly stateTable: Table;
  /** The customer-managed key of both tables; kept as long as the tables are. */
  readonly key: Key;

  constructor(scope: Construct, id: string, props: MonitorTablesProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const retained = removalPolicy === RemovalPolicy.RETAIN;

    this.key = new Key(this, 'Key', {
      description: 'ai-exposure-monitor tables (ranges, endpoints, runs, alert outbox)',
      enableKeyRotation: true,
      removalPolicy,
    });
    const common = {
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: retained,
      removalPolicy,
    } as const;

    this.rangeTable = new Table(this, 'RangeTable', {
      ...common,
      partitionKey: { name: RANGE_TABLE_KEY, type: AttributeType.STRING },
    });

    this.stateTable = new Table(this, 'StateTable', {
      ...common,
      partitionKey: { name: STATE_PK, type: AttributeType.STRING },
      sortKey: { name: STATE_SK, type: AttributeType.STRING },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The notifier wakes on new outbox items; the filter needs the new image's keys only.
      stream: StreamViewType.NEW_IMAGE,
    });
    // Sparse: only alerts with a sink still to reach carry `outboxState`, so the notifier reads just those.
    this.stateTable.addGlobalSecondaryIndex({
      indexName: OUTBOX_INDEX,
      partitionKey: { name: OUTBOX_INDEX_PK, type: AttributeType.STRING },
      sortKey: { name: OUTBOX_INDEX_SK, type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });
  }
}
