import { type AddressPolicy, checkRangeAllowed } from '../targets/address-policy.js';
import { type Cidr, containsAddress, parseCidr } from '../targets/cidr.js';
import { parseAddress } from '../targets/address.js';
import { looksLikeHostName, parseHostName } from '../targets/host-name.js';
import type { RangeRow } from '../targets/range-row.js';
import { type DiscoveredTarget, type DiscoveryProblem, type DiscoveryResult, isTargetSource, type TargetSource } from './discovered-target.js';

/** Most discovered rows kept in the range table: each one is at least one block a cycle. */
export const MAX_DISCOVERED_ROWS = 10_000;

/**
 * When one address is reported by several sources (an Elastic IP on an instance shows as the
 * instance's public IP, the EIP and the ENI's association), the row names the first of these.
 */
const SOURCE_PREFERENCE: readonly TargetSource[] = ['aws:ec2-instance', 'aws:nat', 'aws:eip', 'aws:eni', 'aws:lightsail', 'aws:elbv2', 'aws:elb', 'aws:globalaccelerator', 'aws:apigateway', 'aws:route53'];

export interface SkippedTarget {
  readonly target: string;
  readonly source: TargetSource;
  readonly account: string;
  /** Why it has no row of its own: a manual row covers or excludes it, or the value is unusable. */
  readonly reason: string;
  /** True when the value itself is bad (a problem to report); false when a manual row simply wins. */
  readonly problem: boolean;
}

export interface Reconciliation {
  /** Discovered rows to write: new ones, and known ones whose resource changed. */
  readonly put: readonly RangeRow[];
  /** Keys (`cidr`) of discovered rows to delete: their resource disappeared, or a manual row now covers them. */
  readonly delete: readonly string[];
  readonly skipped: readonly SkippedTarget[];
  /** Discovered rows not seen this time but kept, because their source or account failed this cycle. */
  readonly kept: readonly string[];
  /** Problems found while reconciling (too many targets). */
  readonly problems: readonly DiscoveryProblem[];
}

interface ManualRow {
  readonly key: string;
  readonly cidr?: Cidr;
  readonly exclude: readonly Cidr[];
}

/**
 * Merges one discovery into the range table. Pure: returns the writes; the caller applies them.
 *
 * - A discovered address becomes a `/32` (`/128`) row, a discovered name a name row, with the
 *   fields `source`, `resourceId`, `account` (and `region`).
 * - Manual rows (no `source`) always win: a discovered target with the same key, or an address
 *   inside a manual row's CIDR, gets no row (the manual row's ports and label apply); an address
 *   inside a manual row's `exclude` gets none either. Manual rows are never written or deleted.
 * - A discovered row whose target was not reported is deleted, unless its source or account
 *   failed this cycle (then it is kept until a discovery of it succeeds).
 * - Fields an operator added to a discovered row (ports, muted, enabled) are kept on rewrite.
 */
export function reconcileDiscovered(
  existingRawRows: readonly unknown[],
  discovered: DiscoveryResult,
  options: { readonly policy?: AddressPolicy; readonly maxRows?: number } = {},
): Reconciliation {
  const manual: ManualRow[] = [];
  const existingDiscovered = new Map<string, Record<string, unknown>>();
  for (const raw of existingRawRows) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const row = raw as Record<string, unknown>;
    if (typeof row.cidr !== 'string') continue;
    if (row.source !== undefined && row.source !== null && row.source !== '') {
      // A row with an unknown source is not ours to manage: validation reports it, we leave it alone.
      if (isTargetSource(row.source)) existingDiscovered.set(row.cidr, row);
      continue;
    }
    manual.push(manualRow(row));
  }

  const skipped: SkippedTarget[] = [];
  const problems: DiscoveryProblem[] = [];
  const wanted = new Map<string, DiscoveredTarget>();
  const rank = (s: TargetSource): number => SOURCE_PREFERENCE.indexOf(s);
  const maxRows = options.maxRows ?? MAX_DISCOVERED_ROWS;
  let overCap = 0;
  for (const t of discovered.targets) {
    const skip = (reason: string, problem: boolean): void => {
      skipped.push({ target: t.target, source: t.source, account: t.account, reason, problem });
    };
    let key: string;
    try {
      key = targetKey(t.target, options.policy);
    } catch (err) {
      skip(`${t.source} ${t.resourceId} in account ${t.account}: ${(err as Error).message}`, true);
      continue;
    }
    const winner = manualWinner(manual, key);
    if (winner) {
      skip(winner, false);
      continue;
    }
    const seen = wanted.get(key);
    if (seen) {
      if (rank(t.source) < rank(seen.source)) wanted.set(key, t);
      continue;
    }
    if (wanted.size >= maxRows) {
      overCap++;
      continue;
    }
    wanted.set(key, t);
  }
  if (overCap > 0) {
    problems.push({ source: 'discovery', error: `${overCap} more discovered targets than the ${maxRows} rows discovery may keep were left out this cycle` });
  }

  const put: RangeRow[] = [];
  for (const [key, t] of wanted) {
    const existing = existingDiscovered.get(key);
    if (existing && existing.source === t.source && existing.resourceId === t.resourceId && existing.account === t.account && (existing.region ?? undefined) === t.region) continue;
    put.push(discoveredRow(key, t, existing));
  }

  const failed = [...discovered.problems, ...problems].filter((p) => p.keepRows !== false);
  const sourceFailed = (row: Record<string, unknown>): boolean =>
    overCap > 0 ||
    failed.some((p) => (p.source === row.source || !isTargetSource(p.source)) && (p.account === undefined || p.account === row.account));
  const deletes: string[] = [];
  const kept: string[] = [];
  for (const [key, row] of existingDiscovered) {
    if (wanted.has(key)) continue;
    // Covered by a manual row now: the manual row wins, the discovered copy goes.
    if (!manualWinner(manual, key) && sourceFailed(row)) kept.push(key);
    else deletes.push(key);
  }
  return { put, delete: deletes, skipped, kept, problems };
}

/** The range-table key of a discovered target: `/32` or `/128` for an address, the lower-case name for a name. */
export function targetKey(target: string, policy?: AddressPolicy): string {
  const cidr = asAddress(target);
  if (!cidr) {
    if (looksLikeHostName(target)) return parseHostName(target, 'discovered name');
    throw new Error(`discovered value "${target.slice(0, 80)}" is neither an address nor a DNS name`);
  }
  if (policy) checkRangeAllowed(cidr, policy);
  return cidr.text;
}

/** The one-address CIDR of an address written out (`/32`, `/128`), or undefined for anything else. */
function asAddress(text: string): Cidr | undefined {
  try {
    parseAddress(text.trim());
    return parseCidr(text.trim());
  } catch {
    return undefined;
  }
}

function manualRow(row: Record<string, unknown>): ManualRow {
  const key = (row.cidr as string).trim();
  let cidr: Cidr | undefined;
  try {
    cidr = parseCidr(key);
  } catch {
    cidr = undefined;
  }
  const exclude: Cidr[] = [];
  const list = typeof row.exclude === 'string' ? row.exclude.split(',') : Array.isArray(row.exclude) || row.exclude instanceof Set ? [...row.exclude] : [];
  for (const item of list) {
    try {
      if (typeof item === 'string' && item.trim() !== '') exclude.push(parseCidr(item));
    } catch {
      // A bad exclusion is reported by the row's validation; here it simply excludes nothing.
    }
  }
  return { key: cidr?.text ?? key.toLowerCase().replace(/\.$/, ''), ...(cidr ? { cidr } : {}), exclude };
}

/** Why a manual row takes this key, or undefined when none does. */
function manualWinner(manual: readonly ManualRow[], key: string): string | undefined {
  const same = manual.find((m) => m.key === key);
  if (same) return `a manual row for ${key} wins`;
  const one = asAddress(key.replace(/\/\d+$/, ''));
  if (!one) return undefined;
  const address = { family: one.family, value: one.first };
  for (const m of manual) {
    if (!m.cidr || !containsAddress(m.cidr, address)) continue;
    const ex = m.exclude.find((e) => containsAddress(e, address));
    return ex ? `excluded by manual row ${m.key} (exclude ${ex.text})` : `inside manual row ${m.key}, which wins`;
  }
  return undefined;
}

function discoveredRow(key: string, t: DiscoveredTarget, existing: Record<string, unknown> | undefined): RangeRow {
  // Operator edits of a discovered row (ports, muted, enabled, owner, route) survive a rewrite.
  const keep: Record<string, unknown> = {};
  if (existing) {
    for (const f of ['ports', 'muted', 'enabled', 'owner', 'route', 'rate', 'domains'] as const) {
      if (existing[f] !== undefined && existing[f] !== null) keep[f] = existing[f];
    }
  }
  return {
    ...(keep as Partial<RangeRow>),
    cidr: key,
    label: `${t.source} ${t.resourceId}`.slice(0, 200),
    source: t.source,
    resourceId: t.resourceId,
    account: t.account,
    ...(t.region ? { region: t.region } : {}),
  };
}
