import { endpointKey } from '../../core/alerts/alert-event.js';
import { cleanText } from '../../core/alerts/sanitize.js';
import { formatTable } from '../../core/alerts/text-table.js';
import { compareEndpoint } from '../../core/probing/probe-targets.js';
import { isSuppressed } from '../../core/state/endpoint-record.js';
import { InputError } from '../../core/targets/address.js';
import type { CliIo } from '../cli-io.js';
import type { OptionValues } from '../cli-options.js';
import { withStore } from '../local-stack.js';

/** `findings`: the known endpoints (open ones; `--all` adds gone ones) and undelivered alerts. */
export async function findingsCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new InputError(`findings: unexpected argument ${JSON.stringify(positionals[0])}`);
  const { endpoints, undelivered } = await withStore(
    values,
    async (store) => ({ endpoints: await store.listEndpoints(), undelivered: await store.listUndelivered() }),
    { stateTable: 'findings' },
  );
  const now = new Date().toISOString();
  const shown = endpoints.filter((e) => values.all === true || e.status === 'open').sort(compareEndpoint);
  if (values.json === true) {
    for (const e of shown) {
      const { pendingEvents: _pending, rev: _rev, ...record } = e;
      io.out(JSON.stringify({ ...record, suppressedNow: isSuppressed(e, now) }));
    }
    return 0;
  }
  if (shown.length === 0) io.out('no known AI endpoints');
  else {
    io.out(
      formatTable(
        ['ENDPOINT', 'SERVICE', 'AUTH', 'VERSION', 'STATUS', 'FIRST SEEN', 'LAST SEEN', 'RANGE', 'SUPPRESSED'],
        shown.map((e) => [
          `${e.tls ? 'https' : 'http'}://${endpointKey(e)}`,
          e.service,
          e.auth,
          cleanText(e.version ?? '-', 20),
          e.status,
          e.firstSeenAt.slice(0, 19),
          e.lastSeenAt.slice(0, 19),
          `${e.range}${e.label ? ` ${cleanText(e.label, 30)}` : ''}`,
          isSuppressed(e, now) ? `yes: ${cleanText(e.suppressed?.reason, 40)}${e.suppressed?.until ? ` until ${e.suppressed.until.slice(0, 10)}` : ''}` : '',
        ]),
      ),
    );
  }
  const dead = undelivered.filter((u) => u.state === 'dead');
  if (undelivered.length > 0) {
    io.out(`\n${undelivered.length} alert${undelivered.length === 1 ? '' : 's'} not yet delivered to every sink (${dead.length} dead-lettered; retried on the next run):`);
    for (const u of undelivered) {
      const failures = Object.entries(u.deliveries)
        .filter(([, d]) => d.status !== 'delivered')
        .map(([sink, d]) => `${sink}: ${cleanText(d.error ?? d.status, 120)}`);
      io.out(`  ${u.event.id} ${u.event.type} ${u.state}${failures.length ? ` (${failures.join('; ')})` : ''}`);
    }
  }
  return 0;
}
