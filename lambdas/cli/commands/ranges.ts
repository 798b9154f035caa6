import { formatTable } from '../../core/alerts/text-table.js';
import { InputError } from '../../core/targets/address.js';
import { contains, overlaps, parseCidr } from '../../core/targets/cidr.js';
import { checkHeadersSecretName, HEADER_SECRET_PREFIX, isMonitoredHost, type MonitoredRange, type RangeRow, validateMonitoredRow } from '../../core/targets/range-row.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HEADER_SECRETS_FILE, saveLocalHeaderSecret } from '../../adapters/local/local-header-secrets.js';
import { looksLikeHostName, parseHostName } from '../../core/targets/host-name.js';
import { type CliIo, tableOptions } from '../cli-io.js';
import { DEFAULT_PORT_SET } from '../../core/fingerprint/port-sets.js';
import { cliPortSets, defaultPorts, intOption, monitorSettings, type OptionValues, portsOption, stateDir } from '../cli-options.js';
import { withStore } from '../local-stack.js';

/** `ranges add|list|remove`: edits the monitored-range table of the local store. */
export async function rangesCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  const [action, ...rest] = positionals;
  switch (action) {
    case 'add':
      return addRange(rest, values, io);
    case 'list':
      return listRanges(values, io);
    case 'remove':
      return removeRange(rest, values, io);
    case undefined:
      throw new InputError('ranges: give an action: add, list or remove (e.g. exposure-monitor ranges list)');
    default:
      throw new InputError(`ranges: unknown action ${JSON.stringify(action)}; use add, list or remove`);
  }
}

async function addRange(args: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (args.length !== 1) throw new InputError('ranges add: give exactly one CIDR or DNS name');
  const settings = monitorSettings(values);
  const key = rowKey(args[0] as string, 'ranges add');
  const expanded = portsOption(values);
  // A set name stays a name in the row, so the row follows the set as the catalog grows.
  const ports = typeof values.ports === 'string' && namesASet(values.ports) ? portsAsGiven(values.ports) : expanded;
  const exclude = typeof values.exclude === 'string' ? values.exclude.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const domains = typeof values.domain === 'string' ? values.domain.split(',').map((d) => parseHostName(d, '--domain')) : undefined;
  const headersSecret = headersSecretOption(values, key);
  const row: RangeRow = {
    cidr: key,
    ...(typeof values.label === 'string' ? { label: values.label } : {}),
    ...(typeof values.owner === 'string' ? { owner: values.owner } : {}),
    ...(typeof values.route === 'string' ? { route: values.route } : {}),
    ...(ports ? { ports } : {}),
    ...(exclude ? { exclude } : {}),
    ...(values.muted === true ? { muted: true } : {}),
    ...(values.rate !== undefined ? { rate: intOption(values, 'rate', 0, 1, 1_000_000) } : {}),
    ...(domains ? { domains } : {}),
    ...(typeof values['path-prefix'] === 'string' ? { pathPrefix: values['path-prefix'] } : {}),
    ...(headersSecret ? { headersSecret } : {}),
    enabled: true,
  };
  // The same validation the planner applies on every cycle: a row the planner would refuse is refused now.
  const valid = validateMonitoredRow(row, settings.policy, defaultPorts(), cliPortSets());
  if (!isMonitoredHost(valid)) checkExclusions(valid);
  if (typeof values['headers-from-file'] === 'string' && headersSecret) {
    // Checked and stored before the row, so a row never names headers that are not there.
    saveLocalHeaderSecret(stateDir(values), headersSecret, readHeadersFile(values['headers-from-file']));
    io.err(`saved: the proxy headers for ${key} in ${path.join(stateDir(values), HEADER_SECRETS_FILE)} (mode 0600), as secret ${headersSecret}`);
  }
  const replaced = await withStore(values, async (store) => {
    const existing = (await store.listRangeRows()).some((r) => typeof r === 'object' && r !== null && (r as { cidr?: unknown }).cidr === row.cidr);
    // A second `add` of the same range used to replace the whole row silently (losing its owner).
    if (existing && values.replace !== true) {
      throw new InputError(`ranges add: ${row.cidr} is already registered; pass --replace to replace the whole row (see: ranges list)`);
    }
    await store.putRangeRow(row);
    return existing;
  });
  io.out(`${replaced ? 'replaced' : 'added'} ${row.cidr}${row.label ? ` (${row.label})` : ''}`);
  return 0;
}

/**
 * An exclusion outside the range is a typo (127.0.56.0/24 for 127.0.55.0/24) that would leave
 * the address meant to be spared in the scan; one that covers the whole range leaves nothing to
 * scan. The planner tolerates both in rows already stored; a new row is refused, naming it.
 */
function checkExclusions(range: MonitoredRange): void {
  for (const ex of range.exclude) {
    if (!overlaps(ex, range.cidr)) throw new InputError(`ranges add: --exclude ${ex.text} is outside ${range.cidr.text}: it would exclude nothing`);
    if (contains(ex, range.cidr)) throw new InputError(`ranges add: --exclude ${ex.text} covers all of ${range.cidr.text}: nothing would be scanned (to stop scanning it: exposure-monitor ranges remove ${range.cidr.text})`);
  }
}

async function listRanges(values: OptionValues, io: CliIo): Promise<number> {
  const rows = await withStore(values, (store) => store.listRangeRows(), { readOnly: { onMissing: (dir) => io.err(`note: nothing recorded yet in ${dir}`) } });
  const typed = rows as Record<string, unknown>[];
  typed.sort((a, b) => String(a.cidr).localeCompare(String(b.cidr), 'en', { numeric: true }));
  if (values.json === true) {
    for (const row of typed) io.out(JSON.stringify(row));
    return 0;
  }
  if (typed.length === 0) {
    io.out('no ranges registered; add one with: exposure-monitor ranges add <cidr>');
    return 0;
  }
  // The SOURCE and RESOURCE columns appear once discovery has written a row (run --discover, or the deployed planner).
  const discovered = typed.some((r) => r.source !== undefined && r.source !== null && r.source !== '');
  const list = (v: unknown): string => (Array.isArray(v) || v instanceof Set ? [...v].join(',') : v === undefined ? '' : String(v));
  io.out(
    formatTable(
      ['CIDR OR NAME', 'LABEL', 'OWNER', 'ROUTE', 'PORTS', 'EXCLUDE', 'ENABLED', 'MUTED', 'RATE', ...(discovered ? ['SOURCE', 'RESOURCE'] : [])],
      typed.map((r) => [
        String(r.cidr),
        list(r.label),
        list(r.owner),
        list(r.route),
        list(r.ports) || `(default: ${DEFAULT_PORT_SET})`,
        list(r.exclude),
        r.enabled === false ? 'no' : 'yes',
        r.muted === true ? 'yes' : 'no',
        list(r.rate),
        // Discovered rows name where they came from; manual rows say so.
        ...(discovered ? [r.source === undefined ? 'manual' : list(r.source), [list(r.resourceId), list(r.account), list(r.region)].filter(Boolean).join(' ')] : []),
      ]),
      // To fit a terminal, LABEL, EXCLUDE, PORTS and OWNER give way (then the resource); the CIDR and the flags stay whole.
      { ...tableOptions(io), shrink: [1, 5, 4, 2, ...(discovered ? [10] : [])] },
    ),
  );
  return 0;
}

async function removeRange(args: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (args.length !== 1) throw new InputError('ranges remove: give exactly one CIDR or DNS name');
  const cidr = rowKey(args[0] as string, 'ranges remove');
  const removed = await withStore(values, (store) => store.deleteRangeRow(cidr));
  if (!removed) throw new InputError(`ranges remove: ${cidr} is not a registered range`);
  io.out(`removed ${cidr}`);
  return 0;
}

/**
 * `--headers-secret NAME` names a secret that already holds the headers (on AWS: a Secrets Manager
 * secret); `--headers-from-file FILE` stores them locally under a name made from the row's key.
 */
function headersSecretOption(values: OptionValues, key: string): string | undefined {
  if (values['headers-secret'] !== undefined && values['headers-from-file'] !== undefined) throw new InputError('ranges add: give --headers-secret or --headers-from-file, not both');
  if (typeof values['headers-secret'] === 'string') return checkHeadersSecretName(values['headers-secret'], 'ranges add: --headers-secret');
  if (typeof values['headers-from-file'] === 'string') return `${HEADER_SECRET_PREFIX}${key.replace(/[^A-Za-z0-9_+=.@-]/g, '_')}`;
  return undefined;
}

/** The headers file of `--headers-from-file` (`-`: standard input): a JSON object; its values are never echoed. */
function readHeadersFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new InputError(`ranges add: --headers-from-file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError(`ranges add: --headers-from-file ${file}: not JSON (expected an object such as {"X-Proxy-Key": "..."})`);
  }
}

/** A row's key as stored: a canonical CIDR, or a DNS name lower-cased without its trailing dot. */
function rowKey(text: string, where: string): string {
  if (looksLikeHostName(text)) {
    try {
      return parseCidr(text).text;
    } catch {
      return parseHostName(text, `${where}: name`);
    }
  }
  return parseCidr(text).text;
}

function namesASet(text: string): boolean {
  return text.split(',').some((t) => Object.hasOwn(cliPortSets(), t.trim()));
}

/** `--ports` as the row stores it: numbers stay numbers; ranges and set names (`ai`) stay text. */
function portsAsGiven(text: string): (number | string)[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => (/^\d+$/.test(t) ? Number(t) : t));
}
