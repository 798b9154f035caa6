import { InputError, parseAddress } from '../targets/address.js';
import { contains, parseCidr } from '../targets/cidr.js';
import { parsePorts } from '../targets/ports.js';
import { BLOCK_SCHEMA, type BlockMessage } from './block-message.js';
import { MAX_PORTS_PER_BLOCK } from './plan-blocks.js';
import { checkRouteName } from '../routing/route-table.js';
import { parseDiscoveryRef } from '../discovery/discovered-target.js';
import { parseHostName } from '../targets/host-name.js';
import { checkHeadersSecretName, MAX_DOMAINS_PER_ROW, parsePathPrefix } from '../targets/range-row.js';

/** Queue messages above this size are refused unread: a real block message is a few hundred bytes. */
export const MAX_BLOCK_MESSAGE_BYTES = 16 * 1024;
/** The largest block a message may ask for. */
export const MAX_BLOCK_COUNT = 4096;

/**
 * Validates a block message from the queue (a string body or an already parsed object). A bad
 * message is a permanent failure: the error names the field, and retrying cannot fix it. The block
 * must lie inside the range it names, so a forged message cannot widen a scan.
 */
export function parseBlockMessage(body: unknown): BlockMessage {
  let raw: unknown = body;
  if (typeof body === 'string') {
    if (Buffer.byteLength(body) > MAX_BLOCK_MESSAGE_BYTES) throw new InputError(`block message: ${Buffer.byteLength(body)} bytes, larger than ${MAX_BLOCK_MESSAGE_BYTES}`);
    try {
      raw = JSON.parse(body);
    } catch {
      throw new InputError(`block message: not JSON: ${JSON.stringify(body.slice(0, 60))}`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError('block message: expected a JSON object');
  const m = raw as Record<string, unknown>;
  if (m.schema !== BLOCK_SCHEMA) throw new InputError(`block message: field "schema" is ${JSON.stringify(m.schema)}, expected "${BLOCK_SCHEMA}"`);
  const text = (field: string): string => {
    const v = m[field];
    if (typeof v !== 'string' || v === '' || v.length > 200) throw new InputError(`block message: field "${field}" must be a non-empty string`);
    return v;
  };
  const int = (field: string, min: number, max: number): number => {
    const v = m[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new InputError(`block message: field "${field}" must be an integer ${min}..${max}, got ${JSON.stringify(v)}`);
    return v;
  };
  const runId = text('runId');
  const blockId = int('blockId', 0, 10_000_000);
  const range = text('range');
  const start = text('start');
  const count = int('count', 1, MAX_BLOCK_COUNT);
  if (!Array.isArray(m.ports)) throw new InputError('block message: field "ports" must be a list of port numbers');
  const ports = parsePorts(m.ports as (string | number)[], 'block message: field "ports"', { maxPorts: MAX_PORTS_PER_BLOCK });
  const label = m.label === undefined ? undefined : text('label');
  if (m.muted !== undefined && m.muted !== true) throw new InputError(`block message: field "muted" must be true when present, got ${JSON.stringify(m.muted)}`);
  const rate = m.rate === undefined ? undefined : int('rate', 1, 1_000_000);
  const owner = m.owner === undefined ? undefined : text('owner');
  const discovered = m.discovered === undefined ? undefined : parseDiscoveryRef(m.discovered, 'block message');
  const field = <T>(name: string, parse: () => T): T => {
    try {
      return parse();
    } catch (err) {
      throw new InputError(`block message: field "${name}": ${(err as Error).message}`);
    }
  };
  const route = m.route === undefined ? undefined : field('route', () => checkRouteName(m.route, 'route'));
  const host = m.host === undefined ? undefined : field('host', () => parseHostName(text('host'), 'name'));
  if (host !== undefined && (range !== host || count !== 1)) {
    throw new InputError(`block message: a host block names its host as its range and covers one address, got range ${range} +${count}`);
  }
  if (m.domains !== undefined && (!Array.isArray(m.domains) || m.domains.length > MAX_DOMAINS_PER_ROW)) throw new InputError(`block message: field "domains" must be a list of at most ${MAX_DOMAINS_PER_ROW} names`);
  const domains = m.domains === undefined ? undefined : (m.domains as unknown[]).map((d) => field('domains', () => parseHostName(String(d), 'domain')));
  const pathPrefix = m.pathPrefix === undefined ? undefined : parsePathPrefix(m.pathPrefix, 'block message');
  const headersSecret = m.headersSecret === undefined ? undefined : checkHeadersSecretName(m.headersSecret, 'block message: field "headersSecret"');
  const cidr = field('range', () => parseCidr(host !== undefined ? start : range));
  const first = field('start', () => parseAddress(start));
  const block = { family: first.family, first: first.value, last: first.value + BigInt(count - 1) };
  if (!contains(cidr, block)) throw new InputError(`block message: block ${start} +${count} lies outside its range ${range}`);
  return { schema: BLOCK_SCHEMA, runId, blockId, range: host ?? cidr.text, ...(host ? { host } : {}), ...(domains && domains.length > 0 ? { domains } : {}), ...(pathPrefix ? { pathPrefix } : {}), ...(headersSecret ? { headersSecret } : {}), ...(label ? { label } : {}), ...(m.muted === true ? { muted: true as const } : {}), ...(rate ? { rate } : {}), ...(discovered ? { discovered } : {}), ...(owner ? { owner } : {}), ...(route ? { route } : {}), start, count, ports };
}
