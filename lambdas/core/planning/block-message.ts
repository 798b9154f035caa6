/**
 * The queue message that asks a prober to sweep one address block. A block names a start address
 * and a count, never a list of addresses, so planning a /12 stays small (design section 1).
 */
import type { DiscoveryRef } from '../discovery/discovered-target.js';

export const BLOCK_SCHEMA = 'ai-exposure-monitor/block@1';

export interface BlockMessage {
  readonly schema: typeof BLOCK_SCHEMA;
  readonly runId: string;
  /** Index of the block in the run's plan: stable, so the run can count finished blocks. */
  readonly blockId: number;
  /** The monitored range the block belongs to: its canonical CIDR, or a host row's name. */
  readonly range: string;
  /**
   * A host row's name: the block is the one address it resolved to, probed with the name as HTTP
   * Host and TLS SNI. Its endpoints are keyed by name + address + port.
   */
  readonly host?: string;
  /** Domains whose certificate names are probed again (see RangeRow.domains). */
  readonly domains?: readonly string[];
  /** Behind a proxy (see RangeRow): the mount path, and the name (never the value) of the header secret. */
  readonly pathPrefix?: string;
  readonly headersSecret?: string;
  readonly label?: string;
  /** The range is muted: endpoints alert only when they get worse. */
  readonly muted?: true;
  /** The range row's owner, and the route its alerts go to (resolved at planning). */
  readonly owner?: string;
  readonly route?: string;
  /** The range's politeness cap: most connects per second for this block's prober. */
  readonly rate?: number;
  /** The owning cloud resource, when the range row was discovered: its endpoints are re-checked before they alert. */
  readonly discovered?: DiscoveryRef;
  /** First address of the block. */
  readonly start: string;
  /** Number of consecutive addresses from `start`. */
  readonly count: number;
  readonly ports: readonly number[];
}
