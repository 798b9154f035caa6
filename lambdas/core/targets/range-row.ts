import { InputError } from './address.js';
import { type AddressPolicy, checkRangeAllowed } from './address-policy.js';
import { type AddressInterval, type Cidr, parseCidr, subtractIntervals } from './cidr.js';
import { MAX_PORTS, parsePorts, type PortSets } from './ports.js';
import { checkRouteName } from '../routing/route-table.js';

/**
 * A row of the monitored-range table as stored: operators edit it in the CLI or by hand in the
 * DynamoDB console, so every field is checked again on each read.
 */
export interface RangeRow {
  readonly cidr: string;
  readonly label?: string;
  readonly owner?: string;
  /** The route its alerts go to (a configured route's name); by `owner`, else the default route, when absent. */
  readonly route?: string;
  /**
   * Ports to sweep: numbers, ranges (`"8000-8010"`) and port set names (`"ai"`, `"all"`); the
   * deployment's default set when absent.
   */
  readonly ports?: readonly (number | string)[] | string;
  /** CIDRs inside the range that must never be probed. */
  readonly exclude?: readonly string[];
  readonly enabled?: boolean;
  /**
   * Mute the range: its endpoints are still recorded and listed in `findings`, but alert only when
   * they get worse (auth regressed), like a suppressed endpoint. For lab or honeypot ranges.
   */
  readonly muted?: boolean;
  /** Politeness cap for this range: most TCP connects per second per prober (the lower of this and the deployment's cap applies). */
  readonly rate?: number;
}

/** A range row that passed validation, ready for planning. */
export interface MonitoredRange {
  readonly cidr: Cidr;
  readonly label?: string;
  readonly owner?: string;
  /** As written in the row; `readMonitoredRanges` replaces it with the resolved route. */
  readonly route?: string;
  readonly ports: readonly number[];
  readonly exclude: readonly Cidr[];
  readonly muted?: boolean;
  readonly rate?: number;
  /** The addresses to probe: the CIDR less its exclusions (and less ranges planned before it). */
  readonly intervals: readonly AddressInterval[];
}

const KNOWN_FIELDS = new Set(['cidr', 'label', 'owner', 'route', 'ports', 'exclude', 'enabled', 'muted', 'rate', 'updatedAt', 'createdAt']);
const MAX_TEXT = 200;

/**
 * Validates one raw row (any shape) and returns it typed, or throws an `InputError` that names the
 * row and the field. Unknown fields are refused so that a typo (`port` for `ports`) is visible.
 */
/**
 * Most probes (addresses x ports) per cycle for a row whose port set is larger than a hand-written
 * list may be (MAX_PORTS): a /16 on 256 ports, or a /24 on every port (`all`). More would make one
 * row the whole cycle's cost. Rows with a short list are bounded by the range size policy alone.
 */
export const MAX_PROBES_PER_ROW = 2 ** 24;

export function validateRangeRow(raw: unknown, policy: AddressPolicy, defaultPorts: readonly number[], portSets: PortSets = {}): MonitoredRange {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError('range row: expected an object with at least "cidr"');
  }
  const row = raw as Record<string, unknown>;
  const where = typeof row.cidr === 'string' ? `range ${row.cidr}` : 'range row';
  for (const key of Object.keys(row)) {
    if (!KNOWN_FIELDS.has(key)) throw new InputError(`${where}: unknown field "${key}" (known: ${[...KNOWN_FIELDS].join(', ')})`);
  }
  if (typeof row.cidr !== 'string') throw new InputError(`range row: field "cidr" must be a string, got ${describe(row.cidr)}`);
  let cidr: Cidr;
  try {
    cidr = parseCidr(row.cidr);
    checkRangeAllowed(cidr, policy);
  } catch (err) {
    throw new InputError(`${where}: field "cidr": ${(err as Error).message}`);
  }
  const label = optionalText(row.label, 'label', where);
  const owner = optionalText(row.owner, 'owner', where);
  let route: string | undefined;
  if (row.route !== undefined && row.route !== null && row.route !== '') route = checkRouteName(row.route, `${where}: field "route"`);
  let ports: number[] = [...defaultPorts];
  if (row.ports !== undefined && row.ports !== null && row.ports !== '') {
    if (typeof row.ports !== 'string' && !Array.isArray(row.ports) && !(row.ports instanceof Set)) {
      throw new InputError(`${where}: field "ports" must be a list or a comma-separated string, got ${describe(row.ports)}`);
    }
    const list = row.ports instanceof Set ? [...row.ports] : row.ports;
    try {
      ports = parsePorts(list as string | (string | number)[], `${where}: field "ports"`, { sets: portSets });
    } catch (err) {
      throw new InputError((err as Error).message);
    }
  }
  const exclude: Cidr[] = [];
  if (row.exclude !== undefined && row.exclude !== null && row.exclude !== '') {
    const list =
      typeof row.exclude === 'string'
        ? row.exclude.split(',').filter((s) => s.trim() !== '')
        : Array.isArray(row.exclude) || row.exclude instanceof Set
          ? [...row.exclude]
          : undefined;
    if (!list) throw new InputError(`${where}: field "exclude" must be a list of CIDRs, got ${describe(row.exclude)}`);
    for (const item of list) {
      if (typeof item !== 'string') throw new InputError(`${where}: field "exclude": ${describe(item)} is not a CIDR string`);
      try {
        exclude.push(parseCidr(item));
      } catch (err) {
        throw new InputError(`${where}: field "exclude": ${(err as Error).message}`);
      }
    }
  }
  if (row.enabled !== undefined && typeof row.enabled !== 'boolean') {
    throw new InputError(`${where}: field "enabled" must be true or false, got ${describe(row.enabled)}`);
  }
  if (row.muted !== undefined && typeof row.muted !== 'boolean') {
    throw new InputError(`${where}: field "muted" must be true or false, got ${describe(row.muted)}`);
  }
  let rate: number | undefined;
  if (row.rate !== undefined && row.rate !== null && row.rate !== '') {
    const n = typeof row.rate === 'string' && /^\d+$/.test(row.rate.trim()) ? Number(row.rate) : row.rate;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1_000_000) {
      throw new InputError(`${where}: field "rate" must be a whole number of connects per second from 1 to 1000000, got ${describe(row.rate)}`);
    }
    rate = n;
  }
  const intervals = subtractIntervals([cidr], exclude);
  const addresses = intervals.reduce((n, i) => n + (i.last - i.first + 1n), 0n);
  if (ports.length > MAX_PORTS && addresses * BigInt(ports.length) > BigInt(MAX_PROBES_PER_ROW)) {
    throw new InputError(
      `${where}: ${addresses} addresses x ${ports.length} ports is ${addresses * BigInt(ports.length)} probes a cycle, more than ${MAX_PROBES_PER_ROW} per row: split the range or use fewer ports`,
    );
  }
  return {
    cidr,
    ports,
    exclude,
    intervals,
    ...(label ? { label } : {}),
    ...(owner ? { owner } : {}),
    ...(route ? { route } : {}),
    ...(row.muted === true ? { muted: true } : {}),
    ...(rate ? { rate } : {}),
  };
}

/** Whether a raw row is switched off (checked before validation so a disabled bad row is quiet). */
export function isRowDisabled(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>).enabled === false;
}

/**
 * Removes overlaps between ranges: each address is planned once, by the most specific range that
 * covers it (the longest prefix wins, so a /28 carved out of a /24 keeps its own label and ports).
 */
export function deduplicateRanges(ranges: readonly MonitoredRange[]): MonitoredRange[] {
  const ordered = [...ranges].sort((a, b) => b.cidr.prefix - a.cidr.prefix || (a.cidr.first < b.cidr.first ? -1 : 1));
  const covered: AddressInterval[] = [];
  const out: MonitoredRange[] = [];
  for (const range of ordered) {
    const intervals = subtractIntervals(range.intervals, covered);
    covered.push(...range.intervals);
    if (intervals.length > 0) out.push({ ...range, intervals });
  }
  return out.sort((a, b) => (a.cidr.family !== b.cidr.family ? a.cidr.family - b.cidr.family : a.cidr.first < b.cidr.first ? -1 : 1));
}

function optionalText(value: unknown, field: string, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError(`${where}: field "${field}" must be text, got ${describe(value)}`);
  if (value.length > MAX_TEXT) throw new InputError(`${where}: field "${field}" is longer than ${MAX_TEXT} characters`);
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  let text: string;
  try {
    text = typeof value === 'string' ? `"${value.slice(0, 40)}"` : String(value).slice(0, 40);
  } catch {
    // Hand-made objects may have no usable toString: the error must still name the field.
    text = Object.prototype.toString.call(value);
  }
  return `${typeof value} ${text}`;
}
