import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AlertEvent } from '../../core/alerts/alert-event.js';
import type {
  DeliveryState,
  OutboxItem,
  RunRecord,
  RunStatus,
  RunTally,
  SinkDelivery,
  StateStore,
  WriteOutcome,
} from '../../core/ports.js';
import type { PlannedRange } from '../../core/planning/planned-range.js';
import type { EndpointRecord, Suppression } from '../../core/state/endpoint-record.js';
import type { RangeRow } from '../../core/targets/range-row.js';
import {
  ALERT_PK,
  ENDPOINT_PK,
  HISTORY_TTL_DAYS,
  OUTBOX_INDEX,
  OUTBOX_INDEX_PK,
  RANGE_TABLE_KEY,
  RUN_PK,
  STATE_PK,
  STATE_SK,
  TTL_ATTRIBUTE,
} from './table-layout.js';

export interface DynamoStateStoreOptions {
  readonly client: DynamoDBClient;
  readonly rangeTableName: string;
  readonly stateTableName: string;
}

type Item = Record<string, AttributeValue>;

/**
 * The one state adapter: ranges, endpoints, runs and the alert outbox on DynamoDB. Every state
 * transition is a conditional write, so a redelivered or parallel block cannot apply twice.
 * It counts its requests, so the cost per cycle can be measured.
 */
export class DynamoStateStore implements StateStore {
  private readonly client: DynamoDBClient;
  private readonly rangeTable: string;
  private readonly stateTable: string;
  private requests = 0;

  constructor(options: DynamoStateStoreOptions) {
    this.client = options.client;
    this.rangeTable = options.rangeTableName;
    this.stateTable = options.stateTableName;
  }

  /** DynamoDB requests sent so far by this adapter. */
  get requestCount(): number {
    return this.requests;
  }

  // The client's `send` is overloaded per command; one typed funnel keeps the count honest.
  private async send<T>(command: { input: unknown }): Promise<T> {
    this.requests++;
    return (await this.client.send(command as never)) as T;
  }

  // ---- ranges ---------------------------------------------------------------------------------

  async listRangeRows(): Promise<unknown[]> {
    const rows: unknown[] = [];
    let start: Item | undefined;
    do {
      const out = await this.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        new ScanCommand({ TableName: this.rangeTable, ExclusiveStartKey: start }),
      );
      for (const item of out.Items ?? []) rows.push(unmarshall(item));
      start = out.LastEvaluatedKey;
    } while (start);
    return rows;
  }

  async putRangeRow(row: RangeRow, options: { readonly discoveredOnly?: boolean } = {}): Promise<boolean> {
    const item = { ...row, ports: row.ports === undefined ? undefined : typeof row.ports === 'string' ? row.ports : [...row.ports], exclude: row.exclude ? [...row.exclude] : undefined, updatedAt: new Date().toISOString() };
    const put = new PutItemCommand({
      TableName: this.rangeTable,
      Item: marshall(item, { removeUndefinedValues: true }),
      // Discovery writes only where no row is, or where its own row is: a manual row always wins.
      ...(options.discoveredOnly ? { ConditionExpression: 'attribute_not_exists(#key) OR attribute_exists(#source)', ExpressionAttributeNames: { '#key': RANGE_TABLE_KEY, '#source': 'source' } } : {}),
    });
    return this.conditional(put);
  }

  async deleteRangeRow(cidr: string, options: { readonly discoveredOnly?: boolean } = {}): Promise<boolean> {
    try {
      const out = await this.send<{ Attributes?: Item }>(
        new DeleteItemCommand({
          TableName: this.rangeTable,
          Key: { [RANGE_TABLE_KEY]: { S: cidr } },
          ReturnValues: 'ALL_OLD',
          ...(options.discoveredOnly ? { ConditionExpression: 'attribute_exists(#source)', ExpressionAttributeNames: { '#source': 'source' } } : {}),
        }),
      );
      return out.Attributes !== undefined;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  // ---- runs -----------------------------------------------------------------------------------

  async createRun(run: RunRecord): Promise<void> {
    await this.send(
      new PutItemCommand({
        TableName: this.stateTable,
        Item: {
          [STATE_PK]: { S: RUN_PK },
          [STATE_SK]: { S: run.runId },
          startedAt: { S: run.startedAt },
          status: { S: run.status },
          ...rangesAttribute(run.ranges),
          blockSize: { N: String(run.blockSize) },
          blocksTotal: { N: String(run.blocksTotal) },
          ...(run.unresolvedHosts && run.unresolvedHosts.length > 0 ? { unresolvedHosts: { S: JSON.stringify(run.unresolvedHosts) } } : {}),
          [TTL_ATTRIBUTE]: { N: String(ttlFrom(run.startedAt)) },
        },
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': STATE_PK },
      }),
    );
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetItemCommand({ TableName: this.stateTable, Key: key(RUN_PK, runId), ConsistentRead: true }),
    );
    return out.Item ? toRun(out.Item) : undefined;
  }

  async listOpenRuns(): Promise<RunRecord[]> {
    const items = await this.queryAll({
      TableName: this.stateTable,
      KeyConditionExpression: '#pk = :pk',
      FilterExpression: '#status IN (:running, :finalizing)',
      ExpressionAttributeNames: { '#pk': STATE_PK, '#status': 'status' },
      ExpressionAttributeValues: { ':pk': { S: RUN_PK }, ':running': { S: 'running' }, ':finalizing': { S: 'finalizing' } },
      ConsistentRead: true,
    });
    return items.map(toRun);
  }

  async listRecentRuns(limit: number): Promise<RunRecord[]> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.stateTable,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': STATE_PK },
        ExpressionAttributeValues: { ':pk': { S: RUN_PK } },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(toRun);
  }

  async markBlockDone(runId: string, blockId: number): Promise<{ done: number; total: number }> {
    // ADD to a number set is idempotent: a redelivered block adds the same id again and counts once.
    const out = await this.send<{ Attributes?: Item }>(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(RUN_PK, runId),
        UpdateExpression: 'ADD #done :block',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#done': 'doneBlocks', '#pk': STATE_PK },
        ExpressionAttributeValues: { ':block': { NS: [String(blockId)] } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const run = toRun(out.Attributes ?? {});
    return { done: run.blocksDone, total: run.blocksTotal };
  }

  async doneBlocks(runId: string): Promise<Set<number>> {
    const out = await this.send<{ Item?: Item }>(
      new GetItemCommand({
        TableName: this.stateTable,
        Key: key(RUN_PK, runId),
        ConsistentRead: true,
        ProjectionExpression: 'doneBlocks',
      }),
    );
    return new Set((out.Item?.doneBlocks?.NS ?? []).map(Number));
  }

  async claimFinalize(runId: string): Promise<boolean> {
    return this.conditional(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(RUN_PK, runId),
        UpdateExpression: 'SET #status = :finalizing',
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':finalizing': { S: 'finalizing' }, ':running': { S: 'running' } },
      }),
    );
  }

  async closeRun(runId: string, status: 'complete' | 'incomplete', at: string, tally?: RunTally): Promise<void> {
    await this.send(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(RUN_PK, runId),
        UpdateExpression: `SET #status = :status, finishedAt = :at${tally ? ', tally = :tally' : ''}`,
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#status': 'status', '#pk': STATE_PK },
        ExpressionAttributeValues: {
          ':status': { S: status },
          ':at': { S: at },
          ...(tally ? { ':tally': { M: { unauthenticated: { N: String(tally.unauthenticated) }, endpoints: { N: String(tally.endpoints) } } } } : {}),
        },
      }),
    );
  }

  // ---- endpoints ------------------------------------------------------------------------------

  async getEndpoint(ip: string, port: number, host?: string): Promise<EndpointRecord | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetItemCommand({ TableName: this.stateTable, Key: key(ENDPOINT_PK, endpointSk(ip, port, host)), ConsistentRead: true }),
    );
    return out.Item ? toEndpoint(out.Item) : undefined;
  }

  async listEndpoints(): Promise<EndpointRecord[]> {
    const items = await this.queryAll({
      TableName: this.stateTable,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': STATE_PK },
      ExpressionAttributeValues: { ':pk': { S: ENDPOINT_PK } },
      ConsistentRead: true,
    });
    return items.map(toEndpoint);
  }

  async writeEndpoint(next: EndpointRecord, expectedRev: number): Promise<WriteOutcome> {
    const { pendingEvents, suppressed, ...plain } = next;
    const item: Item = {
      ...marshall(plain, { removeUndefinedValues: true }),
      ...key(ENDPOINT_PK, endpointSk(next.ip, next.port, next.host)),
    };
    if (suppressed) item.suppressed = { S: JSON.stringify(suppressed) };
    if (pendingEvents && Object.keys(pendingEvents).length > 0) {
      item.pendingEvents = { M: Object.fromEntries(Object.entries(pendingEvents).map(([id, e]) => [id, { S: JSON.stringify(e) }])) };
    }
    const ok = await this.conditional(
      new PutItemCommand({
        TableName: this.stateTable,
        Item: item,
        ...(expectedRev === 0
          ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': STATE_PK } }
          : {
              ConditionExpression: '#rev = :rev',
              ExpressionAttributeNames: { '#rev': 'rev' },
              ExpressionAttributeValues: { ':rev': { N: String(expectedRev) } },
            }),
      }),
    );
    return ok ? 'applied' : 'conflict';
  }

  async clearPendingEvents(ip: string, port: number, eventIds: readonly string[], host?: string): Promise<void> {
    if (eventIds.length === 0) return;
    const names: Record<string, string> = { '#pending': 'pendingEvents' };
    const paths = eventIds.map((id, i) => {
      names[`#e${i}`] = id;
      return `#pending.#e${i}`;
    });
    await this.send(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(ENDPOINT_PK, endpointSk(ip, port, host)),
        UpdateExpression: `REMOVE ${paths.join(', ')}`,
        ConditionExpression: 'attribute_exists(#pending)',
        ExpressionAttributeNames: names,
      }),
    ).catch((err: unknown) => {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    });
  }

  async setSuppression(ip: string, port: number, suppression: Suppression | undefined, host?: string): Promise<boolean> {
    return this.conditional(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(ENDPOINT_PK, endpointSk(ip, port, host)),
        UpdateExpression: suppression ? 'SET suppressed = :s ADD #rev :one' : 'REMOVE suppressed ADD #rev :one',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#pk': STATE_PK, '#rev': 'rev' },
        ExpressionAttributeValues: {
          ':one': { N: '1' },
          ...(suppression ? { ':s': { S: JSON.stringify(suppression) } } : {}),
        },
      }),
    );
  }

  // ---- alert outbox ---------------------------------------------------------------------------

  async addAlert(event: AlertEvent): Promise<void> {
    await this.conditional(
      new PutItemCommand({
        TableName: this.stateTable,
        Item: {
          ...key(ALERT_PK, event.id),
          event: { S: JSON.stringify(event) },
          type: { S: event.type },
          severity: { S: event.severity },
          at: { S: event.at },
          [OUTBOX_INDEX_PK]: { S: 'pending' },
          [TTL_ATTRIBUTE]: { N: String(ttlFrom(event.at)) },
        },
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': STATE_PK },
      }),
    );
  }

  async listUndelivered(): Promise<OutboxItem[]> {
    const items: Item[] = [];
    for (const state of ['pending', 'dead'] as const) {
      items.push(
        ...(await this.queryAll({
          TableName: this.stateTable,
          IndexName: OUTBOX_INDEX,
          KeyConditionExpression: '#state = :state',
          ExpressionAttributeNames: { '#state': OUTBOX_INDEX_PK },
          ExpressionAttributeValues: { ':state': { S: state } },
        })),
      );
    }
    // The index is eventually consistent on AWS; re-read each item so delivery state is current.
    const fresh: OutboxItem[] = [];
    for (const item of items) {
      const out = await this.send<{ Item?: Item }>(
        new GetItemCommand({ TableName: this.stateTable, Key: { [STATE_PK]: item[STATE_PK] as AttributeValue, [STATE_SK]: item[STATE_SK] as AttributeValue }, ConsistentRead: true }),
      );
      if (out.Item) fresh.push(toOutboxItem(out.Item));
    }
    return fresh.filter((i) => i.state !== 'delivered').sort((a, b) => a.event.at.localeCompare(b.event.at) || a.event.id.localeCompare(b.event.id));
  }

  async listAlerts(limit: number): Promise<OutboxItem[]> {
    const items = await this.queryAll({
      TableName: this.stateTable,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': STATE_PK },
      ExpressionAttributeValues: { ':pk': { S: ALERT_PK } },
    });
    return items
      .map(toOutboxItem)
      .sort((a, b) => b.event.at.localeCompare(a.event.at))
      .slice(0, limit);
  }

  async claimDelivery(eventId: string, sink: string, at: string, leaseMs: number): Promise<boolean> {
    const a = sinkAttributes(sink);
    const leaseUntil = new Date(Date.parse(at) + leaseMs).toISOString();
    return this.conditional(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(ALERT_PK, eventId),
        UpdateExpression: 'SET #status = :sending, #lease = :lease, #at = :at ADD #attempts :one',
        ConditionExpression:
          'attribute_exists(#pk) AND (attribute_not_exists(#status) OR (#status <> :delivered AND #status <> :withdrawn AND (attribute_not_exists(#lease) OR #lease < :now)))',
        ExpressionAttributeNames: { '#pk': STATE_PK, '#status': a.status, '#lease': a.lease, '#at': a.at, '#attempts': a.attempts },
        ExpressionAttributeValues: {
          ':sending': { S: 'sending' },
          ':delivered': { S: 'delivered' },
          ':withdrawn': { S: 'withdrawn' },
          ':lease': { S: leaseUntil },
          ':now': { S: at },
          ':at': { S: at },
          ':one': { N: '1' },
        },
      }),
    );
  }

  async recordDelivery(
    eventId: string,
    sink: string,
    result: { ok: true; at: string } | { ok: false; at: string; error: string },
  ): Promise<void> {
    const a = sinkAttributes(sink);
    await this.send(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(ALERT_PK, eventId),
        UpdateExpression: result.ok ? 'SET #status = :status, #at = :at REMOVE #lease, #error' : 'SET #status = :status, #at = :at, #error = :error REMOVE #lease',
        ExpressionAttributeNames: { '#status': a.status, '#lease': a.lease, '#at': a.at, '#error': a.error },
        ExpressionAttributeValues: {
          ':status': { S: result.ok ? 'delivered' : 'failed' },
          ':at': { S: result.at },
          ...(result.ok ? {} : { ':error': { S: result.error.slice(0, 500) } }),
        },
      }),
    );
  }

  async withdrawDelivery(eventId: string, sink: string, at: string): Promise<void> {
    const a = sinkAttributes(sink);
    await this.conditional(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(ALERT_PK, eventId),
        UpdateExpression: 'SET #status = :withdrawn, #at = :at REMOVE #lease',
        // A delivery that got through meanwhile stays a delivery.
        ConditionExpression: 'attribute_exists(#pk) AND (attribute_not_exists(#status) OR #status <> :delivered)',
        ExpressionAttributeNames: { '#pk': STATE_PK, '#status': a.status, '#lease': a.lease, '#at': a.at },
        ExpressionAttributeValues: { ':withdrawn': { S: 'withdrawn' }, ':delivered': { S: 'delivered' }, ':at': { S: at } },
      }),
    );
  }

  async settle(eventId: string, state: DeliveryState | 'delivered'): Promise<void> {
    await this.send(
      new UpdateItemCommand({
        TableName: this.stateTable,
        Key: key(ALERT_PK, eventId),
        // Delivered alerts leave the sparse outbox index; pending and dead ones stay in it.
        UpdateExpression: state === 'delivered' ? 'REMOVE #state SET delivered = :true' : 'SET #state = :state',
        ExpressionAttributeNames: { '#state': OUTBOX_INDEX_PK },
        ExpressionAttributeValues: state === 'delivered' ? { ':true': { BOOL: true } } : { ':state': { S: state } },
      }),
    );
  }

  // ---- helpers --------------------------------------------------------------------------------

  private async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const out = await this.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** Sends a conditional write; false when its condition did not hold. */
  private async conditional(command: { input: unknown }): Promise<boolean> {
    try {
      await this.send(command);
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || (err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }
}

function key(pk: string, sk: string): Item {
  return { [STATE_PK]: { S: pk }, [STATE_SK]: { S: sk } };
}

/** `<ip>#<port>`, and `#<name>` after it for an endpoint reached by name (its own endpoint). */
function endpointSk(ip: string, port: number, host?: string): string {
  return host ? `${ip}#${port}#${host}` : `${ip}#${port}`;
}

function ttlFrom(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000) + HISTORY_TTL_DAYS * 86_400;
}

/** Planned ranges above this many bytes of JSON are stored gzipped. */
const RANGES_GZIP_ABOVE = 64 * 1024;

/**
 * A run's planned ranges. Many one-address rows (discovered cloud addresses) repeat the same port
 * list: as JSON about 875 bytes a row, so DynamoDB's 400 KB item would hold fewer than 500; gzipped,
 * 10,000 such rows take about 170 KB.
 */
function rangesAttribute(ranges: readonly PlannedRange[]): Item {
  const json = JSON.stringify(ranges);
  return Buffer.byteLength(json) > RANGES_GZIP_ABOVE ? { rangesGz: { B: gzipSync(json) } } : { ranges: { S: json } };
}

function toRun(item: Item): RunRecord {
  const u = unmarshall(item) as Record<string, unknown>;
  const done = u.doneBlocks instanceof Set ? u.doneBlocks.size : 0;
  return {
    runId: String(u[STATE_SK]),
    startedAt: String(u.startedAt),
    status: u.status as RunStatus,
    ranges: u.rangesGz instanceof Uint8Array ? (JSON.parse(gunzipSync(u.rangesGz).toString('utf8')) as PlannedRange[]) : typeof u.ranges === 'string' ? (JSON.parse(u.ranges) as PlannedRange[]) : [],
    blockSize: Number(u.blockSize),
    blocksTotal: Number(u.blocksTotal),
    blocksDone: done,
    ...(typeof u.finishedAt === 'string' ? { finishedAt: u.finishedAt } : {}),
    ...(typeof u.unresolvedHosts === 'string' ? { unresolvedHosts: JSON.parse(u.unresolvedHosts) as string[] } : {}),
    ...(isTally(u.tally) ? { tally: { unauthenticated: Number(u.tally.unauthenticated), endpoints: Number(u.tally.endpoints) } } : {}),
  };
}

function isTally(value: unknown): value is RunTally {
  return typeof value === 'object' && value !== null && typeof (value as RunTally).unauthenticated === 'number' && typeof (value as RunTally).endpoints === 'number';
}

function toEndpoint(item: Item): EndpointRecord {
  const { pk: _pk, sk: _sk, pendingEvents, suppressed, ...rest } = unmarshall(item) as Record<string, unknown>;
  const record = rest as unknown as EndpointRecord;
  const pending =
    pendingEvents && typeof pendingEvents === 'object'
      ? Object.fromEntries(Object.entries(pendingEvents as Record<string, string>).map(([id, json]) => [id, JSON.parse(json) as AlertEvent]))
      : undefined;
  return {
    ...record,
    version: record.version ?? null,
    ...(typeof suppressed === 'string' ? { suppressed: JSON.parse(suppressed) as Suppression } : {}),
    ...(pending && Object.keys(pending).length > 0 ? { pendingEvents: pending } : {}),
  };
}

const SINK_PREFIX = 'd_';

/**
 * Attribute-name form of a sink name, reversible so that delivery records read back under the
 * name the sink has: `slack-1a2b3c4d@ml` (a sink on route "ml") is `slack-1a2b3c4d.40.ml`.
 */
export function sinkKey(sink: string): string {
  return Array.from(sink, (c) => (/[A-Za-z0-9-]/.test(c) ? c : `.${(c.codePointAt(0) as number).toString(16)}.`)).join('');
}

export function sinkName(key: string): string {
  // Written before names were encoded (a few hours of releases): `<kind>-<8 hex>-<route>` was
  // `<kind>-<8 hex>@<route>`; read it back as that, so a routed delivery is not sent twice.
  const legacy = /^([a-z]+-[0-9a-f]{8})-([a-z0-9][a-z0-9-]{0,39})$/.exec(key);
  if (legacy) return `${legacy[1]}@${legacy[2]}`;
  return key.replace(/\.([0-9a-f]{1,6})\./g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

function sinkAttributes(sink: string): { status: string; attempts: string; lease: string; at: string; error: string } {
  const p = `${SINK_PREFIX}${sinkKey(sink)}_`;
  return { status: `${p}status`, attempts: `${p}attempts`, lease: `${p}lease`, at: `${p}at`, error: `${p}error` };
}

function toOutboxItem(item: Item): OutboxItem {
  const u = unmarshall(item) as Record<string, unknown>;
  const deliveries: Record<string, SinkDelivery> = {};
  for (const name of Object.keys(u)) {
    const m = /^d_(.+)_status$/.exec(name);
    if (!m) continue;
    const sink = sinkName(m[1] as string);
    const a = sinkAttributes(sink);
    deliveries[sink] = {
      status: u[a.status] as SinkDelivery['status'],
      attempts: Number(u[a.attempts] ?? 0),
      at: String(u[a.at] ?? ''),
      ...(typeof u[a.error] === 'string' ? { error: u[a.error] as string } : {}),
      ...(typeof u[a.lease] === 'string' ? { leaseUntil: u[a.lease] as string } : {}),
    };
  }
  const state = typeof u[OUTBOX_INDEX_PK] === 'string' ? (u[OUTBOX_INDEX_PK] as DeliveryState) : 'delivered';
  return { event: JSON.parse(String(u.event)) as AlertEvent, deliveries, state };
}
