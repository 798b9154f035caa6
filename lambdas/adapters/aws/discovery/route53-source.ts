import { ListHostedZonesCommand, ListResourceRecordSetsCommand, type Route53Client, type RRType } from '@aws-sdk/client-route-53';
import type { DiscoveredTarget, DiscoveryProblem } from '../../../core/discovery/discovered-target.js';

/** Record types whose names are targets: A and AAAA (including ALIAS records) and CNAME. */
const NAME_TYPES = new Set(['A', 'AAAA', 'CNAME']);

/** Records read from Route 53 per cycle, over every zone and account: bounds time, memory and API calls. */
export const DEFAULT_ROUTE53_RECORD_CAP = 20_000;

/** What remains of this cycle's Route 53 record budget; shared by every account's zones. */
export interface RecordBudget {
  readonly cap: number;
  remaining: number;
}

/**
 * Names of the A/AAAA/ALIAS/CNAME records of the account's public hosted zones (private zones
 * are skipped: nothing outside can reach them). Zones and records are read page by page; once
 * the cycle's record budget is spent the zone being read is cut short and one problem names it
 * and the zones left unread, so a zone of 100,000 records costs at most the cap, never all of it
 * in memory. Wildcard records are skipped: the names they stand for cannot be enumerated.
 */
export async function discoverRoute53(
  route53: Route53Client,
  account: string,
  emit: (t: DiscoveredTarget) => void,
  budget: RecordBudget,
  report: (p: DiscoveryProblem) => void,
): Promise<void> {
  const zones: { id: string; name: string; records?: number }[] = [];
  let marker: string | undefined;
  do {
    const out = await route53.send(new ListHostedZonesCommand({ MaxItems: 100, ...(marker ? { Marker: marker } : {}) }));
    for (const z of out.HostedZones ?? []) {
      if (z.Config?.PrivateZone === true || !z.Id || !z.Name) continue;
      zones.push({ id: z.Id.replace(/^\/hostedzone\//, ''), name: decodeName(z.Name), ...(z.ResourceRecordSetCount !== undefined ? { records: z.ResourceRecordSetCount } : {}) });
    }
    marker = out.IsTruncated ? out.NextMarker : undefined;
  } while (marker);

  for (let i = 0; i < zones.length; i++) {
    const zone = zones[i] as (typeof zones)[number];
    if (budget.remaining <= 0) {
      const left = zones.slice(i).map((z) => z.name);
      report({ source: 'aws:route53', account, error: `the per-cycle cap of ${budget.cap} Route 53 records is spent; ${left.length} hosted zone${left.length === 1 ? '' : 's'} not read this cycle (${left.slice(0, 5).join(', ')}${left.length > 5 ? ', ...' : ''}); rows found before are kept` });
      return;
    }
    const seen = new Set<string>();
    let start: { name: string; type?: RRType; identifier?: string } | undefined;
    let read = 0;
    do {
      const pageSize = Math.min(300, budget.remaining);
      const out = await route53.send(
        new ListResourceRecordSetsCommand({
          HostedZoneId: zone.id,
          MaxItems: pageSize,
          ...(start ? { StartRecordName: start.name, ...(start.type ? { StartRecordType: start.type } : {}), ...(start.identifier ? { StartRecordIdentifier: start.identifier } : {}) } : {}),
        }),
      );
      const records = out.ResourceRecordSets ?? [];
      read += records.length;
      budget.remaining -= Math.max(records.length, 1);
      for (const r of records) {
        if (!r.Name || !r.Type || !NAME_TYPES.has(r.Type)) continue;
        const name = decodeName(r.Name);
        if (name.startsWith('*') || seen.has(name)) continue;
        seen.add(name);
        emit({ target: name, source: 'aws:route53', resourceId: `${zone.id}/${name}/${r.Type}`, account });
      }
      start = out.IsTruncated && out.NextRecordName ? { name: out.NextRecordName, ...(out.NextRecordType ? { type: out.NextRecordType } : {}), ...(out.NextRecordIdentifier ? { identifier: out.NextRecordIdentifier } : {}) } : undefined;
      if (start && budget.remaining <= 0) {
        const total = zone.records !== undefined ? ` of its ${zone.records}` : '';
        report({
          source: 'aws:route53',
          account,
          error: `hosted zone ${zone.name} (${zone.id}): stopped after ${read}${total} records, the per-cycle cap of ${budget.cap} Route 53 records; the rest of the zone is not discovered this cycle and rows found before are kept`,
        });
        const left = zones.slice(i + 1).map((z) => z.name);
        if (left.length > 0) report({ source: 'aws:route53', account, error: `${left.length} more hosted zone${left.length === 1 ? '' : 's'} not read this cycle for the same cap (${left.slice(0, 5).join(', ')}${left.length > 5 ? ', ...' : ''})` });
        return;
      }
    } while (start);
  }
}

/** Route 53 writes names with a trailing dot and escapes some characters as `\ooo` (octal): `\052` is `*`. */
export function decodeName(name: string): string {
  return name.replace(/\\(\d{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8))).replace(/\.$/, '').toLowerCase();
}
