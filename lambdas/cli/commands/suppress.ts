import os from 'node:os';
import { cleanText } from '../../core/alerts/sanitize.js';
import type { StateStore } from '../../core/ports.js';
import { checkRouteName, DEFAULT_ROUTE } from '../../core/routing/route-table.js';
import { parseScanTarget } from '../../core/targets/scan-target.js';
import { formatAddress, InputError } from '../../core/targets/address.js';
import type { CliIo } from '../cli-io.js';
import type { OptionValues } from '../cli-options.js';
import { withStore } from '../local-stack.js';

function endpointArg(command: string, positionals: readonly string[]): { ip: string; port: number } {
  if (positionals.length !== 1) throw new InputError(`${command}: give exactly one endpoint as ip:port`);
  // `findings` prints endpoints as URLs (http://ip:port): take them as they are printed.
  const text = (positionals[0] as string).replace(/^https?:\/\//i, '').replace(/\/$/, '');
  let target: ReturnType<typeof parseScanTarget>;
  try {
    target = parseScanTarget(text);
  } catch {
    throw new InputError(`${command}: "${cleanText(positionals[0], 80)}" is not an endpoint (use ip:port, or the URL findings prints)`);
  }
  if (target.port === undefined || target.cidr.first !== target.cidr.last) throw new InputError(`${command}: "${positionals[0]}" is not ip:port`);
  return { ip: formatAddress({ family: target.cidr.family, value: target.cidr.first }), port: target.port };
}

/**
 * With `--route R`, the command acts only on an endpoint of route R: a team acknowledges its own
 * exposures and cannot silence another team's by mistyping an address.
 */
async function checkRoute(store: StateStore, command: string, ip: string, port: number, values: OptionValues): Promise<void> {
  if (values.route === undefined) return;
  const wanted = checkRouteName(values.route, `${command}: --route`);
  const record = await store.getEndpoint(ip, port);
  if (!record) return; // reported as unknown by the caller
  const actual = record.route ?? DEFAULT_ROUTE;
  if (actual !== wanted) throw new InputError(`${command}: ${ip}:${port} is on route "${actual}", not "${wanted}"; nothing changed`);
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
  const { ip, port } = endpointArg('suppress', positionals);
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
      await checkRoute(store, 'suppress', ip, port, values);
      return store.setSuppression(ip, port, { reason: reason.slice(0, 200), at: new Date().toISOString(), by, ...(until ? { until } : {}) });
    },
    { stateTable: 'suppress' },
  );
  if (!ok) throw new InputError(`suppress: ${ip}:${port} is not a known endpoint (see: exposure-monitor findings)`);
  io.out(`suppressed ${ip}:${port}${until ? ` until the end of ${until.slice(0, 10)} (UTC)` : ''} (accepted by ${by})`);
  return 0;
}

export async function unsuppressCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  const { ip, port } = endpointArg('unsuppress', positionals);
  const ok = await withStore(
    values,
    async (store) => {
      await checkRoute(store, 'unsuppress', ip, port, values);
      return store.setSuppression(ip, port, undefined);
    },
    { stateTable: 'unsuppress' },
  );
  if (!ok) throw new InputError(`unsuppress: ${ip}:${port} is not a known endpoint`);
  io.out(`unsuppressed ${ip}:${port}`);
  return 0;
}
