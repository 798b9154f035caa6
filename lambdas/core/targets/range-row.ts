import { InputError } from './address.js';
import { type AddressPolicy, checkRangeAllowed } from './address-policy.js';
import { type AddressInterval, type Cidr, parseCidr, subtractIntervals } from './cidr.js';
import { MAX_PORTS, parsePorts, type PortSets } from './ports.js';
import { checkRouteName } from '../routing/route-table.js';
import { type DiscoveryRef, parseDiscoveryFields } from '../discovery/discovered-target.js';
import { looksLikeHostName, parseHostName } from './host-name.js';
import { MAX_ADDRESSES_PER_NAME } from './resolve-names.js';

/**
 * A row of the monitored-range table as stored: operators edit it in the CLI or by hand in the
 * DynamoDB console, so every field is checked again on each read.
 */
export interface RangeRow {
  /** The row's key: a CIDR or address, or a DNS name (a host row: resolved on every cycle). */
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
  /**
   * Domains the operator owns: a TLS endpoint of this row whose certificate names a name under
   * one of them is fingerprinted again under that name (SNI and Host).
   */
  readonly domains?: readonly string[];
  /** Behind a proxy: the path the products are mounted under (`/ollama`), put before every probe path. */
  readonly pathPrefix?: string;
  /**
   * Behind a proxy: the name of a secret holding the request headers the owner's proxy requires
   * (a JSON object). On AWS a Secrets Manager secret under HEADER_SECRET_PREFIX; locally, the state
   * directory's header-secrets file. Never the values themselves: rows are not secret.
   */
  readonly headersSecret?: string;
  /** Set on rows written by cloud discovery (see core/discovery): where the target came from. Manual rows have none. */
  readonly source?: string;
  readonly resourceId?: string;
  readonly account?: string;
  readonly region?: string;
}

/** A range row that passed validation, ready for planning. */
export interface MonitoredRange extends CommonFields {
  readonly cidr: Cidr;
  readonly exclude: readonly Cidr[];
  /** The addresses to probe: the CIDR less its exclusions (and less ranges planned before it). */
  readonly intervals: readonly AddressInterval[];
  /**
   * Set when the range is one address a host row resolved to: it is probed with this name as
   * HTTP Host and TLS SNI, and what it finds is its own endpoint (name + address + port).
   */
  readonly host?: string;
}

/** A host row (its key is a DNS name) that passed validation; the planner resolves it each cycle. */
export interface MonitoredHost extends CommonFields {
  readonly host: string;
}

export function isMonitoredHost(row: MonitoredRange | MonitoredHost): row is MonitoredHost {
  return !('cidr' in row);
}

const KNOWN_FIELDS = new Set(['cidr', 'label', 'owner', 'route', 'ports', 'exclude', 'enabled', 'muted', 'rate', 'domains', 'pathPrefix', 'headersSecret', 'source', 'resourceId', 'account', 'region', 'updatedAt', 'createdAt']);
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
  const row = validateMonitoredRow(raw, policy, defaultPorts, portSets);
  if (isMonitoredHost(row)) throw new InputError(`range ${row.host}: field "cidr": expected a CIDR here, got a DNS name`);
  return row;
}

/**
 * Validates one raw row: a CIDR row, or a host row when its key is a DNS name. Host rows take
 * every field but `exclude` (a name has no addresses to carve out); their addresses obey the
 * address policy when they are resolved, on every cycle.
 */
export function validateMonitoredRow(raw: unknown, policy: AddressPolicy, defaultPorts: readonly number[], portSets: PortSets = {}): MonitoredRange | MonitoredHost {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError('range row: expected an object with at least "cidr"');
  }
  const row = raw as Record<string, unknown>;
  const where = typeof row.cidr === 'string' ? `range ${row.cidr}` : 'range row';
  for (const key of Object.keys(row)) {
    if (!KNOWN_FIELDS.has(key)) throw new InputError(`${where}: unknown field "${key}" (known: ${[...KNOWN_FIELDS].join(', ')})`);
  }
  if (typeof row.cidr !== 'string') throw new InputError(`range row: field "cidr" must be a string, got ${describe(row.cidr)}`);
  const common = validateCommonFields(row, where, defaultPorts, portSets);
  // A host row's key is a dotted name; one word ("not-a-cidr") is a mistyped CIDR and says so.
  if (looksLikeHostName(row.cidr) && row.cidr.includes('.') && !looksLikeAddress(row.cidr)) {
    const host = parseHostName(row.cidr, `${where}: field "cidr": name`);
    if (row.exclude !== undefined && row.exclude !== null && row.exclude !== '') {
      throw new InputError(`${where}: field "exclude" applies to CIDR rows only; a host row probes the addresses its name resolves to`);
    }
    if (common.ports.length > MAX_PORTS && MAX_ADDRESSES_PER_NAME * common.ports.length > MAX_PROBES_PER_ROW) {
      throw new InputError(`${where}: ${common.ports.length} ports on up to ${MAX_ADDRESSES_PER_NAME} addresses is more than ${MAX_PROBES_PER_ROW} probes per row`);
    }
    return { host, ...common };
  }
  let cidr: Cidr;
  try {
    cidr = parseCidr(row.cidr);
    checkRangeAllowed(cidr, policy);
  } catch (err) {
    throw new InputError(`${where}: field "cidr": ${(err as Error).message}`);
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
  const intervals = subtractIntervals([cidr], exclude);
  const addresses = intervals.reduce((n, i) => n + (i.last - i.first + 1n), 0n);
  const ports = common.ports;
  if (ports.length > MAX_PORTS && addresses * BigInt(ports.length) > BigInt(MAX_PROBES_PER_ROW)) {
    throw new InputError(
      `${where}: ${addresses} addresses x ${ports.length} ports is ${addresses * BigInt(ports.length)} probes a cycle, more than ${MAX_PROBES_PER_ROW} per row: split the range or use fewer ports`,
    );
  }
  return { cidr, exclude, intervals, ...common };
}


/** An address written out (IPv4, or IPv6 with its colons), as opposed to a name that has letters. */
function looksLikeAddress(text: string): boolean {
  try {
    parseCidr(text);
    return true;
  } catch {
    return false;
  }
}

/** The fields CIDR rows and host rows share (see RangeRow for each). */
export interface CommonFields {
  readonly ports: readonly number[];
  readonly label?: string;
  readonly owner?: string;
  /** As written in the row; `readMonitoredRanges` replaces it with the resolved route. */
  readonly route?: string;
  readonly muted?: boolean;
  readonly rate?: number;
  readonly domains?: readonly string[];
  readonly pathPrefix?: string;
  readonly headersSecret?: string;
  /** The owning cloud resource of a discovered row; absent on manual rows. */
  readonly discovered?: DiscoveryRef;
}

/** The fields CIDR rows and host rows share, checked the same way for both. */
function validateCommonFields(row: Record<string, unknown>, where: string, defaultPorts: readonly number[], portSets: PortSets): CommonFields {
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
  const domains = parseDomains(row.domains, where);
  const discovered = parseDiscoveryFields(row, where);
  const pathPrefix = row.pathPrefix === undefined || row.pathPrefix === null || row.pathPrefix === '' ? undefined : parsePathPrefix(row.pathPrefix, where);
  const headersSecret =
    row.headersSecret === undefined || row.headersSecret === null || row.headersSecret === '' ? undefined : checkHeadersSecretName(row.headersSecret, `${where}: field "headersSecret"`);
  return {
    ports,
    ...(label ? { label } : {}),
    ...(owner ? { owner } : {}),
    ...(route ? { route } : {}),
    ...(row.muted === true ? { muted: true } : {}),
    ...(rate ? { rate } : {}),
    ...(domains.length > 0 ? { domains } : {}),
    ...(discovered ? { discovered } : {}),
    ...(pathPrefix ? { pathPrefix } : {}),
    ...(headersSecret ? { headersSecret } : {}),
  };
}

/** `/ollama` or `/team/llm`: segments of URL-safe characters, no trailing slash, no `..`, no query. */
export function parsePathPrefix(value: unknown, where: string): string {
  const text = typeof value === 'string' ? value.trim().replace(/\/+$/, '') : undefined;
  if (text === undefined || !/^(\/[A-Za-z0-9._~-]+)+$/.test(text) || text.split('/').includes('..') || text.length > 100) {
    throw new InputError(`${where}: field "pathPrefix" must be a path such as /ollama (letters, digits, "._~-" between slashes, at most 100 characters), got ${describe(value)}`);
  }
  return text;
}

/** Header secrets live under this name prefix: the prober may read those secrets and no other. */
export const HEADER_SECRET_PREFIX = 'ai-exposure-monitor/headers/';

export function checkHeadersSecretName(value: unknown, where: string): string {
  if (typeof value !== 'string' || !value.startsWith(HEADER_SECRET_PREFIX) || !/^[A-Za-z0-9/_+=.@-]{1,256}$/.test(value) || value.length === HEADER_SECRET_PREFIX.length) {
    throw new InputError(`${where} must name a secret under ${HEADER_SECRET_PREFIX} (letters, digits and /_+=.@-), got ${describe(value)}`);
  }
  return value;
}

/** Most domains one row may register for certificate-name rediscovery. */
export const MAX_DOMAINS_PER_ROW = 16;

function parseDomains(value: unknown, where: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = typeof value === 'string' ? value.split(',').filter((s) => s.trim() !== '') : Array.isArray(value) || value instanceof Set ? [...value] : undefined;
  if (!list) throw new InputError(`${where}: field "domains" must be a list of DNS names, got ${describe(value)}`);
  if (list.length > MAX_DOMAINS_PER_ROW) throw new InputError(`${where}: field "domains" names ${list.length} domains; at most ${MAX_DOMAINS_PER_ROW}`);
  return [
    ...new Set(
      list.map((item) => {
        if (typeof item !== 'string') throw new InputError(`${where}: field "domains": ${describe(item)} is not a DNS name`);
        return parseHostName(item, `${where}: field "domains": domain`);
      }),
    ),
  ];
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
  // An address reached by name is its own endpoint: host ranges are never merged into CIDR ranges.
  const hostRanges = ranges.filter((r) => r.host !== undefined);
  const ordered = ranges.filter((r) => r.host === undefined).sort((a, b) => b.cidr.prefix - a.cidr.prefix || (a.cidr.first < b.cidr.first ? -1 : 1));
  const covered: AddressInterval[] = [];
  const out: MonitoredRange[] = [];
  for (const range of ordered) {
    const intervals = subtractIntervals(range.intervals, covered);
    covered.push(...range.intervals);
    if (intervals.length > 0) out.push({ ...range, intervals });
  }
  const seen = new Set<string>();
  for (const range of hostRanges) {
    const key = `${range.host}|${range.cidr.text}`;
    if (!seen.has(key)) out.push(range);
    seen.add(key);
  }
  return out.sort(
    (a, b) =>
      a.cidr.family - b.cidr.family ||
      (a.cidr.first < b.cidr.first ? -1 : a.cidr.first > b.cidr.first ? 1 : 0) ||
      (a.host ?? '').localeCompare(b.host ?? ''),
  );
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
