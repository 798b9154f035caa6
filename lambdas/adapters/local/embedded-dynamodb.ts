import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { DynamoStateStore } from '../dynamodb/dynamo-state-store.js';
import { lockStateDir } from './state-dir-lock.js';
import { rangeTableDefinition, stateTableDefinition } from '../dynamodb/table-definitions.js';

export const LOCAL_RANGE_TABLE = 'exposure-monitor-ranges';
export const LOCAL_STATE_TABLE = 'exposure-monitor-state';

export interface EmbeddedDynamo {
  readonly client: DynamoDBClient;
  readonly store: DynamoStateStore;
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite (a DynamoDB-compatible server) in this process on a random loopback port, with
 * the monitor's two tables, and returns the same DynamoDB adapter the Lambdas use, pointed at it.
 * `stateDir` persists the data (LevelDB); without it the data lives in memory.
 */
export async function startEmbeddedDynamo(stateDir?: string): Promise<EmbeddedDynamo> {
  if (stateDir) mkdirSync(stateDir, { recursive: true });
  const unlock = stateDir ? lockStateDir(stateDir) : () => undefined;
  try {
    return await startOn(stateDir, unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

async function startOn(stateDir: string | undefined, unlock: () => void): Promise<EmbeddedDynamo> {
  const server = dynalite({ ...(stateDir ? { path: stateDir } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
  for (const definition of [rangeTableDefinition(LOCAL_RANGE_TABLE), stateTableDefinition(LOCAL_STATE_TABLE)]) {
    await ensureTable(client, definition);
  }
  const store = new DynamoStateStore({ client, rangeTableName: LOCAL_RANGE_TABLE, stateTableName: LOCAL_STATE_TABLE });
  return {
    client,
    store,
    endpoint,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // dynalite keeps its LevelDB open until its database closes; closing the server does not do it.
      const db = (server as unknown as { db?: { close?: (cb: () => void) => void } }).db;
      if (db?.close) await new Promise<void>((resolve) => db.close?.(() => resolve()));
      unlock();
    },
  };
}

async function ensureTable(client: DynamoDBClient, definition: ConstructorParameters<typeof CreateTableCommand>[0]): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: definition.TableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException) && (err as Error).name !== 'ResourceNotFoundException') throw err;
    await client.send(new CreateTableCommand(definition));
    // dynalite marks a new table ACTIVE on a timer; a process that closed before it fired left the
    // table CREATING on disk for good (every later command: ResourceNotFoundException).
    for (let i = 0; i < 200; i++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: definition.TableName }));
      if (Table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
