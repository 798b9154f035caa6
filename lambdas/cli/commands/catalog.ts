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
      ['SERVICE', 'PORTS', 'IDENTIFIED BY', 'AUTH BY', 'VERSION', 'CVES', 'CHECKED'],
      summaries.map((s) => [
        s.service,
        s.ports.join(',') || 'any',
        s.identifiedBy.join(', '),
        [...new Set(s.authChecks.map((a) => a.replace(/ => .*/, '')))].join(', '),
        s.versionFrom.join(', ') || '-',
        String(s.knownVulnerabilities),
        s.checkedAgainst,
      ]),
      // To fit a terminal, the lists give way (IDENTIFIED BY, AUTH BY, VERSION, CHECKED, PORTS); --json has them whole.
      { ...tableOptions(io), shrink: [2, 3, 4, 6, 1] },
    ),
  );
  const unaudited = catalog.filter((e) => e.checkedAgainst === undefined).length;
  const recorded = catalog.filter((e) => e.checkedAgainst?.evidence === 'recorded').length;
  io.err(`${summaries.length} products (${recorded} checked against the running product, ${summaries.length - recorded - unaudited} against their source at a named release, ${unaudited} unaudited)`);
  return 0;
}
