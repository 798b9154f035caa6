import { DEFAULT_ROUTE } from '../routing/route-table.js';
import { type EndpointRecord, isSuppressed } from '../state/endpoint-record.js';

/**
 * One endpoint as `findings --json` prints it: the stored record without its store bookkeeping
 * (`pendingEvents`, `rev`), with its route (the default route spelled out) and `suppressedNow`.
 */
export function findingJson(record: EndpointRecord, now: string): Record<string, unknown> {
  const { pendingEvents: _pending, rev: _rev, ...rest } = record;
  return { ...rest, route: record.route ?? DEFAULT_ROUTE, suppressedNow: isSuppressed(record, now) };
}

/** `findings --json`: one JSON object per line (JSON Lines), one line per endpoint. */
export function renderJsonLines(records: readonly EndpointRecord[], now: string): string[] {
  return records.map((r) => JSON.stringify(findingJson(r, now)));
}

/** `findings --format json`: one JSON document, an array of the same objects as `--json`'s lines. */
export function renderJson(records: readonly EndpointRecord[], now: string): string {
  return `${JSON.stringify(records.map((r) => findingJson(r, now)), null, 2)}\n`;
}
