import os from 'node:os';
import { cleanText } from '../../core/alerts/sanitize.js';
import type { StateStore } from '../../core/ports.js';
import { checkRouteName, DEFAULT_ROUTE } from '../../core/routing/route-table.js';
import { parseScanTarget } from '../../core/targets/scan-target.js';
import { formatAddress, InputError } from '../../core/targets/address.js';
import { looksLikeHostName, parseHostName } from '../../core/targets/host-name.js';
import { endpointKey } from '../../core/alerts/alert-event.js';
import type { CliIo } from '../cli-io.js';
import type { OptionValues } from '../cli-options.js';
import { withStore } from '../local-stack.js';

/** An endpoint as the operator names it; `ip` is absent for `name:port` (looked up in the store). */
interface EndpointArg {
  readonly ip?: string;
  readonly port: number;
  readonly host?: string;
}

/**
 * `ip:port`, or for an endpoint reached by name: `name@ip:port`, `name:port` (when the name has one
 * endpoint on that port), or the URL findings prints (`https://name:port (ip)`).
 */
function endpointArg(command: string, positionals: readonly string[]): EndpointArg {
  if (positionals.length !== 1) throw new InputError(`${command}: give exactly one endpoint as ip:port (or name:port for one reached by name)`);
  const raw = positionals[0] as string;
  // `findings` prints endpoints as URLs (http://ip:port, https://name:port (ip)): take them as printed.
  const text = raw.trim().replace(/^https?:\/\//i, '').replace(/\/$/, '');
  const printed = /^([^\s@/]+):(\d+)\s*\(([^)]+)\)$/.exec(text);
  const keyed = /^([^\s@/]+)@(.+)$/.exec(text);
  const named = printed ? { host: printed[1] as string, rest: `${printed[3]}:${printed[2]}` } : keyed ? { host: keyed[1] as string, rest: keyed[2] as string } : undefined;
  if (named) {
    const host = parseHostName(named.host, `${command}: name`);
    const { ip, port } = addressAndPort(command, named.rest, raw);
    return { ip, port, host };
  }
  if (looksLikeHostName(text)) {
    const match = /^(.+):(\d+)$/.exec(text);
    try {
      if (match) return { host: parseHostName(match[1] as string, `${command}: name`), port: Number(match[2]) };
    } catch {
      // an IPv6 address written out in full: read it as an address below
    }
  }
  return addressAndPort(command, text, raw);
}

function addressAndPort(command: string, text: string, raw: string): { ip: string; port: number } {
  let target: ReturnType<typeof parseScanTarget>;
  try {
    target = parseScanTarget(text);
  } catch {
    throw new InputError(`${command}: "${cleanText(raw, 80)}" is not an endpoint (use ip:port, name:port, or the URL findings prints)`);
  }
  if (target.port === undefined || target.cidr.first !== target.cidr.last) throw new InputError(`${command}: "${cleanText(raw, 80)}" is not ip:port`);
  return { ip: formatAddress({ family: target.cidr.family, value: target.cidr.first }), port: target.port };
}

/** The stored endpoint an argument names: `name:port` must name exactly one. */
async function findEndpoint(store: StateStore, command: string, arg: EndpointArg): Promise<{ ip: string; port: number; host?: string } | undefined> {
  if (arg.ip !== undefined) return { ip: arg.ip, port: arg.port, ...(arg.host ? { host: arg.host } : {}) };
  const matches = (await store.listEndpoints()).filter((e) => e.host === arg.host && e.port === arg.port);
  if (matches.length > 1) {
    throw new InputError(`${command}: ${arg.host}:${arg.port} has ${matches.length} endpoints (${matches.map((m) => endpointKey(m)).join(', ')}); name one as name@ip:port`);
  }
  const [match] = matches;
  return match ? { ip: match.ip, port: match.port, host: match.host as string } : undefined;
}

function shown(arg: EndpointArg): string {
  return arg.ip === undefined ? `${arg.host}:${arg.port}` : endpointKey({ ip: arg.ip, port: arg.port, ...(arg.host ? { host: arg.host } : {}) });
}

/**
 * With `--route R`, the command acts only on an endpoint of route R: a team acknowledges its own
 * exposures and cannot silence another team's by mistyping an address.
 */
async function checkRoute(store: StateStore, command: string, endpoint: { ip: string; port: number; host?: string }, values: OptionValues): Promise<void> {
  if (values.route === undefined) return;
  const wanted = checkRouteName(values.route, `${command}: --route`);
  const record = await store.getEndpoint(endpoint.ip, endpoint.port, endpoint.host);
  if (!record) return; // reported as unknown by the caller
  const actual = record.route ?? DEFAULT_ROUTE;
  if (actual !== wanted) throw new InputError(`${command}: ${endpointKey(endpoint)} is on route "${actual}", not "${wanted}"; nothing changed`);
}

/** Who accepts: `--by`, else the OS user running the CLI. */
function acceptedBy(values: OptionValues): string {
  if (typeof values.by === 'string' && values.by.trim() !== '') return cleanText(values.by, 100);
  try {
    return cleanText(os.userInfo().username, 100) || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `suppress <ip:port> --reason R [--until DATE] [--by NAME] [--route R]`: accept an exposure; it alerts again only if it worsens. */
export async function suppressCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  const arg = endpointArg('suppress', positionals);
  const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
  if (reason === '') throw new InputError('suppress: --reason is required (say why this exposure is accepted)');
  let until: string | undefined;
  if (values.until !== undefined) {
    const text = typeof values.until === 'string' ? values.until.trim() : '';
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : undefined;
    // A real calendar day (2026-02-30 does not round-trip), and not in the past.
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
      throw new InputError(`suppress: --until "${String(values.until)}" is not a date (use YYYY-MM-DD)`);
    }
    // The named day is included: the suppression lapses at its end (UTC), not at its start.
    const endOfDay = new Date(day.getTime() + 86_400_000 - 1);
    if (endOfDay.getTime() <= Date.now()) throw new InputError(`suppress: --until ${text} is already past`);
    until = endOfDay.toISOString();
  }
  const by = acceptedBy(values);
  const ok = await withStore(
    values,
    async (store) => {
      const endpoint = await findEndpoint(store, 'suppress', arg);
      if (!endpoint) return false;
      await checkRoute(store, 'suppress', endpoint, values);
      return store.setSuppression(endpoint.ip, endpoint.port, { reason: reason.slice(0, 200), at: new Date().toISOString(), by, ...(until ? { until } : {}) }, endpoint.host);
    },
    { stateTable: 'suppress' },
  );
  if (!ok) throw new InputError(`suppress: ${shown(arg)} is not a known endpoint (see: exposure-monitor findings)`);
  io.out(`suppressed ${shown(arg)}${until ? ` until the end of ${until.slice(0, 10)} (UTC)` : ''} (accepted by ${by})`);
  return 0;
}

export async function unsuppressCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  const arg = endpointArg('unsuppress', positionals);
  const ok = await withStore(
    values,
    async (store) => {
      const endpoint = await findEndpoint(store, 'unsuppress', arg);
      if (!endpoint) return false;
      await checkRoute(store, 'unsuppress', endpoint, values);
      return store.setSuppression(endpoint.ip, endpoint.port, undefined, endpoint.host);
    },
    { stateTable: 'unsuppress' },
  );
  if (!ok) throw new InputError(`unsuppress: ${shown(arg)} is not a known endpoint`);
  io.out(`unsuppressed ${shown(arg)}`);
  return 0;
}
