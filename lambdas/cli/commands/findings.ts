import { closeSync, fchmodSync, openSync, writeFileSync } from 'node:fs';
import { endpointUrl } from '../../core/alerts/alert-event.js';
import { cleanText } from '../../core/alerts/sanitize.js';
import { formatTable } from '../../core/alerts/text-table.js';
import { compareEndpoint } from '../../core/probing/probe-targets.js';
import { isSuppressed } from '../../core/state/endpoint-record.js';
import { advisoriesSummary } from '../../core/state/transitions.js';
import { InputError } from '../../core/targets/address.js';
import { type CliIo, tableOptions } from '../cli-io.js';
import type { OptionValues } from '../cli-options.js';
import { withStore } from '../local-stack.js';
import { checkRouteName, DEFAULT_ROUTE } from '../../core/routing/route-table.js';
import { inventorySummary } from '../../core/alerts/describe-event.js';
import type { EndpointRecord } from '../../core/state/endpoint-record.js';
import { EXPORT_FORMATS, type ExportFormat, isExportFormat, renderExport } from '../../core/export/index.js';
import { renderJsonLines } from '../../core/export/json.js';
import { utcMinute } from '../time-text.js';
import { undeliveredLine } from '../undelivered-text.js';

/** "3, worst CVE-2024-37032 (critical)": the known advisories at its version; '' when none. */
function advisoriesText(e: EndpointRecord): string {
  if (!e.vulnerabilities || e.vulnerabilities.length === 0) return '';
  const { count, worst } = advisoriesSummary(e.vulnerabilities);
  return `${count}, worst ${cleanText(worst.id, 40)} (${worst.severity})`;
}

/** "yes, by alice: lab box until 2027-01-01" (muted ranges say so). */
function suppressionText(e: EndpointRecord): string {
  if (!e.suppressed) return 'yes: range muted';
  const s = e.suppressed;
  return `yes${s.by ? `, by ${cleanText(s.by, 20)}` : ''}: ${cleanText(s.reason, 40)}${s.until ? ` until ${s.until.slice(0, 10)}` : ''}`;
}

/** `--format` (with `table`, the default, spelled out) and `--json`, which keeps its JSON Lines. */
type OutputFormat = ExportFormat | 'table' | 'jsonl';

function outputFormat(values: OptionValues): OutputFormat {
  const format = values.format;
  if (format === undefined) return values.json === true ? 'jsonl' : 'table';
  if (format !== 'table' && !isExportFormat(format)) {
    throw new InputError(`findings: --format "${cleanText(format, 40)}" is not one of table, ${EXPORT_FORMATS.join(', ')}`);
  }
  if (values.json === true) throw new InputError(`findings: give --json or --format, not both (--json is JSON Lines; --format json one JSON array)`);
  return format;
}

function outOption(values: OptionValues): string | undefined {
  const out = values.out;
  if (out === undefined) return undefined;
  if (typeof out !== 'string' || out.trim() === '') throw new InputError('findings: --out needs a file name');
  return out;
}

/**
 * Writes an export readable by its owner only (0600): the file lists exposed endpoints. The mode
 * is set before anything is written, also when the file already existed with another mode.
 */
function writeExport(file: string, text: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w', 0o600);
    fchmodSync(fd, 0o600);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    throw new InputError(`findings: --out "${cleanText(file, 200)}" cannot be written (${cleanText((err as NodeJS.ErrnoException).code ?? (err as Error).message, 80)})`);
  }
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * `findings`: the known endpoints (open ones; `--all` adds gone ones) and undelivered alerts, as a
 * table; or, with `--format`, an export of the same endpoints for other tools (`--out` writes it to
 * a file instead of stdout).
 */
export async function findingsCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new InputError(`findings: unexpected argument ${JSON.stringify(positionals[0])}`);
  const format = outputFormat(values);
  const out = outOption(values);
  const route = values.route === undefined ? undefined : checkRouteName(values.route, 'findings: --route');
  const { endpoints, undelivered } = await withStore(
    values,
    async (store) => ({ endpoints: await store.listEndpoints(), undelivered: format === 'table' ? await store.listUndelivered() : [] }),
    { stateTable: 'findings', readOnly: { onMissing: (dir) => io.err(`note: nothing recorded yet in ${dir} (register a range with ranges add, then run)`) } },
  );
  const now = new Date().toISOString();
  const shown = endpoints
    .filter((e) => values.all === true || e.status === 'open')
    .filter((e) => route === undefined || (e.route ?? DEFAULT_ROUTE) === route)
    .sort(compareEndpoint);
  if (format === 'jsonl' && out === undefined) {
    for (const line of renderJsonLines(shown, now)) io.out(line);
    return 0;
  }
  if (format !== 'table') {
    // Every document ends with a line break (CSV: CRLF); io.out adds the last one itself.
    const text = format === 'jsonl' ? renderJsonLines(shown, now).map((line) => `${line}\n`).join('') : renderExport(format, shown, { now });
    if (out === undefined) io.out(text.slice(0, -1));
    else {
      writeExport(out, text);
      io.err(`wrote ${shown.length} endpoint${shown.length === 1 ? '' : 's'} to ${cleanText(out, 200)}`);
    }
    return 0;
  }
  const lines: string[] = [];
  const print = out === undefined ? (text: string) => io.out(text) : (text: string) => lines.push(text);
  const gone = endpoints.filter((e) => e.status === 'gone').length;
  if (shown.length === 0) print(gone > 0 && values.all !== true ? `no open AI endpoints (${gone} gone: --all shows them)` : 'no known AI endpoints');
  else {
    print(
      formatTable(
        ['ENDPOINT', 'SERVICE', 'AUTH', 'VERSION', 'STATUS', 'FIRST SEEN (UTC)', 'LAST SEEN (UTC)', 'RANGE', 'ROUTE', 'LISTS', 'ADVISORIES', 'SUPPRESSED'],
        shown.map((e) => [
          endpointUrl(e),
          e.service,
          e.auth,
          cleanText(e.version ?? '-', 20),
          // An address that left the cloud inventory before its alert: recorded, not alerted.
          e.leftInventoryAt ? `${e.status} (left inventory)` : e.status,
          utcMinute(e.firstSeenAt),
          utcMinute(e.lastSeenAt),
          `${e.range}${e.label ? ` ${cleanText(e.label, 30)}` : ''}`,
          e.route ?? DEFAULT_ROUTE,
          e.inventory ? cleanText(inventorySummary(e.inventory, 3), 50) : '',
          advisoriesText(e),
          isSuppressed(e, now) ? suppressionText(e) : '',
        ]),
        // To fit a terminal, LISTS, SUPPRESSED, ADVISORIES, RANGE and VERSION give way; the URL (what
        // suppress takes) and the times stay whole. A file written with --out keeps every cell, uncoloured.
        out === undefined ? { ...tableOptions(io), shrink: [9, 11, 10, 7, 3] } : {},
      ),
    );
  }

  // With --route the undelivered list keeps to that route's events.
  const owned = route === undefined ? undelivered : undelivered.filter((u) => (u.event.route ?? DEFAULT_ROUTE) === route);
  const dead = owned.filter((u) => u.state === 'dead');
  if (owned.length > 0) {
    print(`\n${owned.length} alert${owned.length === 1 ? '' : 's'} not yet delivered to every sink (${dead.length} dead-lettered; retried on the next run):`);
    // By what a person recognises (severity, event, endpoint), with the sink that owes it and why.
    for (const u of owned) print(`  ${undeliveredLine(u)}`);
  }
  if (out !== undefined) {
    writeExport(out, lines.map((line) => `${line}\n`).join(''));
    io.err(`wrote ${shown.length} endpoint${shown.length === 1 ? '' : 's'} to ${cleanText(out, 200)}`);
  }
  return 0;
}
