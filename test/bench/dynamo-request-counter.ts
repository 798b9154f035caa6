// Counts what a DynamoDB client sends, by command, and the request units DynamoDB says each one
// consumed (on-demand tables bill per read and write request unit). A middleware on the client,
// so it sees every request of every adapter that uses the client. It counts once per send: the
// SDK's retries (which dynalite on loopback does not cause) would not be counted. It asks for ReturnConsumedCapacity=TOTAL on each request; dynalite computes
// units by the same item-size rules DynamoDB documents (node_modules/dynalite/db/index.js,
// addConsumedCapacity), and the adapter ignores the extra field.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoCounts {
  /** Requests sent, by command name (GetItemCommand, UpdateItemCommand, ...). */
  readonly byCommand: Readonly<Record<string, number>>;
  readonly requests: number;
  readonly readUnits: number;
  readonly writeUnits: number;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
/** Commands that take ReturnConsumedCapacity (table management ones do not). */
const DATA = new Set([...READS, 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

export class DynamoRequestCounter {
  private readonly commands = new Map<string, number>();
  private reads = 0;
  private writes = 0;

  constructor(client: DynamoDBClient) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? 'unknown';
        this.commands.set(command, (this.commands.get(command) ?? 0) + 1);
        const input = args.input as Record<string, unknown>;
        const asked = DATA.has(command) ? { ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } } : args;
        const result = await next(asked);
        const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
        const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((n, c) => n + (c.CapacityUnits ?? 0), 0);
        if (READS.has(command)) this.reads += units;
        else this.writes += units;
        return result;
      },
      { step: 'initialize', name: 'benchDynamoRequestCounter' },
    );
  }

  snapshot(): DynamoCounts {
    const byCommand = Object.fromEntries(this.commands);
    const requests = [...this.commands.values()].reduce((n, c) => n + c, 0);
    return { byCommand, requests, readUnits: this.reads, writeUnits: this.writes };
  }
}

/** What was sent between two snapshots. */
export function countsBetween(before: DynamoCounts, after: DynamoCounts): DynamoCounts {
  const byCommand: Record<string, number> = {};
  for (const [command, n] of Object.entries(after.byCommand)) {
    const d = n - (before.byCommand[command] ?? 0);
    if (d > 0) byCommand[command] = d;
  }
  return { byCommand, requests: after.requests - before.requests, readUnits: after.readUnits - before.readUnits, writeUnits: after.writeUnits - before.writeUnits };
}
