import { createHash } from 'node:crypto';

/** The kinds of HTTP destination a route can have, locally and on AWS. */
export type DestinationKind = 'slack' | 'teams' | 'webhook' | 'pagerduty';

/**
 * A destination's sink name, `<kind>-<8 hex of the hash of its URL or key>`. Delivery records are
 * kept per sink name, so it must differ per URL and stay the same across runs, and it must never
 * reveal the URL or key, which are secrets. The CLI names sinks with it before building them.
 */
export function destinationSinkName(kind: DestinationKind, secret: string): string {
  return `${kind}-${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`;
}
