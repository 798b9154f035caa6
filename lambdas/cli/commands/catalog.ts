import { formatTable } from '../../core/alerts/text-table.js';
import { catalog } from '../../core/fingerprint/catalog/index.js';
import { describeCatalog } from '../../core/fingerprint/describe-catalog.js';
import { InputError } from '../../core/targets/address.js';
import { type CliIo, tableOptions } from '../cli-io.js';
import type { OptionValues } from '../cli-options.js';

/** `catalog [--json]`: the products, their ports, and what is checked for each. */
export async function catalogCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new InputError(`catalog: unexpected argument ${JSON.stringify(positionals[0])}`);
  const summaries = describeCatalog(catalog);
  if (values.json === true) {
    for (const s of summaries) io.out(JSON.stringify(s));
    return 0;
  }
  io.out(
    formatTable(
      ['SERVICE', 'PORTS', 'IDENTIFIED BY', 'AUTH CHECKED BY', 'VERSION', 'CVES'],
      summaries.map((s) => [
        s.service,
        s.ports.join(',') || 'any',
        s.identifiedBy.join(', '),
        [...new Set(s.authChecks.map((a) => a.replace(/ => .*/, '')))].join(', '),
        s.versionFrom.join(', ') || '-',
        String(s.knownVulnerabilities),
      ]),
      // To fit a terminal, the lists give way (IDENTIFIED BY, AUTH CHECKED BY, VERSION, PORTS); --json has them whole.
      { ...tableOptions(io), shrink: [2, 3, 4, 1] },
    ),
  );
  io.err(`${summaries.length} products`);
  return 0;
}
