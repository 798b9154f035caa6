import { endpointKey } from '../../core/alerts/alert-event.js';
import { cleanText } from '../../core/alerts/sanitize.js';
import { formatTable } from '../../core/alerts/text-table.js';
import { compareEndpoint } from '../../core/probing/probe-targets.js';
import { isSuppressed } from '../../core/state/endpoint-record.js';
import { InputError } from '../../core/targets/address.js';
import type { CliIo } from '../cli-io.js';
import type { OptionValues } from '../cli-options.js';
import { withStore } from '../local-stack.js';
import { checkRouteName, DEFAULT_ROUTE } from '../../core/routing/route-table.js';
import { inventorySummary } from '../../core/alerts/describe-event.js';
import type { EndpointRecord } from '../../core/state/endpoint-record.js';

/** "yes, by alice: lab box until 2027-01-01" (muted ranges say so). */
function suppressionText(e: EndpointRecord): string {
  if (!e.suppressed) return 'yes: range muted';
  const s = e.suppressed;
  return `yes${s.by ? `, by ${cleanText(s.by, 20)}` : ''}: ${cleanText(s.reason, 40)}${s.until ? ` until ${s.until.slice(0, 10)}` : ''}`;
}

/** `findings`: the known endpoints (open ones; `--all` adds gone ones) and undelivered alerts. */
export async function findingsCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new InputError(`findings: unexpected argument ${JSON.stringify(positionals[0])}`);
  const { endpoints, undelivered } = await withStore(
    values,
    async (store) => ({ endpoints: await store.listEndpoints(), undelivered: await store.listUndelivered() }),
    { stateTable: 'findings' },
  );
  const now = new Date().toISOString();
  const route = values.route === undefined ? undefined : checkRouteName(values.route, 'findings: --route');
  const shown = endpoints
    .filter((e) => values.all === true || e.status === 'open')
    .filter((e) => route === undefined || (e.route ?? DEFAULT_ROUTE) === route)
    .sort(compareEndpoint);
  if (values.json === true) {
    for (const e of shown) {
      const { pendingEvents: _pending, rev: _rev, ...record } = e;
      io.out(JSON.stringify({ ...record, route: e.route ?? DEFAULT_ROUTE, suppressedNow: isSuppressed(e, now) }));
    }
    return 0;
  }
  if (shown.length === 0) io.out('no known AI endpoints');
  else {
    io.out(
      formatTable(
        ['ENDPOINT', 'SERVICE', 'AUTH', 'VERSION', 'STATUS', 'FIRST SEEN', 'LAST SEEN', 'RANGE', 'ROUTE', 'LISTS', 'SUPPRESSED'],
        shown.map((e) => [
          `${e.tls ? 'https' : 'http'}://${endpointKey(e)}`,
          e.service,
          e.auth,
          cleanText(e.version ?? '-', 20),
          e.status,
          e.firstSeenAt.slice(0, 19),
          e.lastSeenAt.slice(0, 19),
          `${e.range}${e.label ? ` ${cleanText(e.label, 30)}` : ''}`,
          e.route ?? DEFAULT_ROUTE,
          e.inventory ? cleanText(inventorySummary(e.inventory, 3), 50) : '',
          isSuppressed(e, now) ? suppressionText(e) : '',
        ]),
      ),
    );
  }

  // With --route the undelivered list keeps to that route's events.
  const owned = route === undefined ? undelivered : undelivered.filter((u) => (u.event.route ?? DEFAULT_ROUTE) === route);
  const dead = owned.filter((u) => u.state === 'dead');
  if (owned.length > 0) {
    io.out(`\n${owned.length} alert${owned.length === 1 ? '' : 's'} not yet delivered to every sink (${dead.length} dead-lettered; retried on the next run):`);
    for (const u of owned) {
      const failures = Object.entries(u.deliveries)
        .filter(([, d]) => d.status !== 'delivered')
        .map(([sink, d]) => `${sink}: ${cleanText(d.error ?? d.status, 120)}`);
      io.out(`  ${u.event.id} ${u.event.type} ${u.state}${failures.length ? ` (${failures.join('; ')})` : ''}`);
    }
  }
  return 0;
}
