import { InputError } from '../targets/address.js';

/**
 * Cloud inventory as a range source: what the discovery adapters report, and the ports the core
 * needs from them. No AWS types here: the adapters translate their describe/list answers into these.
 */

/** Where a discovered target came from. */
export const TARGET_SOURCES = ['aws:ec2-instance', 'aws:eip', 'aws:eni', 'aws:nat', 'aws:elbv2', 'aws:elb', 'aws:route53', 'aws:lightsail', 'aws:globalaccelerator', 'aws:apigateway'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];

export function isTargetSource(value: unknown): value is TargetSource {
  return typeof value === 'string' && (TARGET_SOURCES as readonly string[]).includes(value);
}

export interface DiscoveredTarget {
  /** A public address (IPv4 or IPv6) or a DNS name (a load balancer's, a Route 53 record's). */
  readonly target: string;
  readonly source: TargetSource;
  /** The owning resource: instance id, allocation id, ENI id, NAT gateway id, load balancer ARN or name, `zoneId/record-name/type`. */
  readonly resourceId: string;
  readonly account: string;
  /** Absent for global services (Route 53). */
  readonly region?: string;
}

/**
 * A source or an account that could not be read completely this cycle. `source` is a target
 * source (`aws:route53`), or what failed before any source could be read (`aws:sts` for a role
 * that cannot be assumed, `aws:organizations` for the account listing): then every source of
 * `account` (or of every account, when absent) counts as failed.
 */
export interface DiscoveryProblem {
  readonly source: string;
  readonly account?: string;
  readonly error: string;
  /**
   * False when the problem left nothing undiscovered (e.g. the Organizations listing failed but
   * every allow-listed account was still read): rows of vanished resources are then deleted as usual.
   */
  readonly keepRows?: boolean;
}

export interface DiscoveryResult {
  readonly targets: readonly DiscoveredTarget[];
  readonly problems: readonly DiscoveryProblem[];
}

/** Lists the public addresses and names the organisation owns. Never throws for one bad source: it reports a problem. */
export interface InventorySource {
  discover(): Promise<DiscoveryResult>;
}

/** What a discovered range row remembers of its resource, carried to the endpoints it finds. */
export interface DiscoveryRef {
  readonly source: TargetSource;
  readonly resourceId: string;
  readonly account?: string;
  readonly region?: string;
}

export type OwnershipVerdict = 'owned' | 'left' | 'unknown';

export interface OwnershipQuery extends DiscoveryRef {
  /** The address the endpoint was found at. */
  readonly address: string;
  /** The name it was reached by (a load balancer or Route 53 row). */
  readonly host?: string;
}

/**
 * Confirms, just before an alert, that a discovered address still belongs to the inventory
 * (cloud addresses are reassigned within minutes). `unknown` when it could not tell: the alert
 * then still goes out.
 */
export interface OwnershipCheck {
  stillOwned(query: OwnershipQuery): Promise<OwnershipVerdict>;
}

const MAX_REF_TEXT = 2048;

/**
 * The discovery fields of a raw range row (`source`, `resourceId`, `account`, `region`), checked:
 * a row without `source` is a manual row (undefined). Throws an `InputError` naming the field.
 */
export function parseDiscoveryFields(row: Record<string, unknown>, where: string): DiscoveryRef | undefined {
  const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';
  if (!present(row.source)) {
    for (const f of ['resourceId', 'account', 'region'] as const) {
      if (present(row[f])) throw new InputError(`${where}: field "${f}" belongs to discovered rows; this row has no "source"`);
    }
    return undefined;
  }
  if (!isTargetSource(row.source)) {
    throw new InputError(`${where}: field "source" must be one of ${TARGET_SOURCES.join(', ')}, got ${JSON.stringify(String(row.source).slice(0, 40))}`);
  }
  const text = (f: 'resourceId' | 'account' | 'region', required: boolean): string | undefined => {
    const v = row[f];
    if (!present(v)) {
      if (required) throw new InputError(`${where}: field "${f}" is required on a discovered row (source ${String(row.source)})`);
      return undefined;
    }
    if (typeof v !== 'string' || v.length > MAX_REF_TEXT) throw new InputError(`${where}: field "${f}" must be text of at most ${MAX_REF_TEXT} characters`);
    return v;
  };
  const resourceId = text('resourceId', true) as string;
  const account = text('account', false);
  const region = text('region', false);
  if (account !== undefined && !/^\d{12}$/.test(account)) throw new InputError(`${where}: field "account" must be a 12-digit AWS account id, got ${JSON.stringify(account.slice(0, 40))}`);
  return { source: row.source, resourceId, ...(account ? { account } : {}), ...(region ? { region } : {}) };
}

/** The same check for a block message's or a run record's `discovered` object. */
export function parseDiscoveryRef(value: unknown, where: string): DiscoveryRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${where}: field "discovered" must be an object`);
  const ref = parseDiscoveryFields(value as Record<string, unknown>, `${where}: field "discovered"`);
  if (!ref) throw new InputError(`${where}: field "discovered" has no "source"`);
  return ref;
}

/** "aws:ec2-instance i-0abc (111122223333 eu-west-1)": how findings and logs name the owning resource. */
export function describeDiscoveryRef(ref: DiscoveryRef): string {
  const where = [ref.account, ref.region].filter(Boolean).join(' ');
  return `${ref.source} ${ref.resourceId}${where ? ` (${where})` : ''}`;
}
