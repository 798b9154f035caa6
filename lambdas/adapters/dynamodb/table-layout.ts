/**
 * The two tables and their item layout. Shared by the adapter, the local stack (which creates
 * them on dynalite) and the CDK stack (which creates them on AWS), so the three cannot drift.
 *
 * Range table (edited by people in the CLI or the DynamoDB console): one item per range,
 *   partition key `cidr` (S); attributes label, owner, ports (list or "80,443"), exclude, enabled.
 *
 * State table (written only by the monitor), partition key `pk` (S), sort key `sk` (S):
 *   pk `ENDPOINT`  sk `<ip>#<port>`  one AI endpoint: auth, version, status, revision, pending events
 *   pk `RUN`       sk `<runId>`      one cycle: status, ranges planned, block count, done block ids
 *   pk `ALERT`     sk `<eventId>`    one alert event (the outbox) with per-sink delivery attributes
 * Sparse index `outbox` (partition `outboxState`, sort `at`) holds only alerts that still have a
 * sink to reach (`pending`) or gave up after the last retry (`dead`): the notifier reads just those.
 * `expiresAt` (epoch seconds) is the TTL attribute: runs and delivered alerts age out.
 */
export const RANGE_TABLE_KEY = 'cidr';
export const STATE_PK = 'pk';
export const STATE_SK = 'sk';
export const OUTBOX_INDEX = 'outbox';
export const OUTBOX_INDEX_PK = 'outboxState';
export const OUTBOX_INDEX_SK = 'at';
export const TTL_ATTRIBUTE = 'expiresAt';

export const ENDPOINT_PK = 'ENDPOINT';
export const RUN_PK = 'RUN';
export const ALERT_PK = 'ALERT';

/** History kept for runs and delivered alerts before TTL removes them. */
export const HISTORY_TTL_DAYS = 90;
