import { containsAddress } from '../targets/cidr.js';
import type { MonitoredRange } from '../targets/range-row.js';

export interface ExcludedAddress {
  readonly host: string;
  readonly address: string;
  readonly reason: string;
}

/**
 * A manual row's `exclude` applies to discovered targets too: an address a discovered name
 * (a load balancer, a Route 53 record) resolved to this cycle is not probed when it lies in the
 * exclusions of a manual CIDR row that covers it. Manual host rows are left as the operator wrote them.
 */
export function dropManuallyExcluded(hostRanges: readonly MonitoredRange[], cidrRanges: readonly MonitoredRange[]): { kept: MonitoredRange[]; excluded: ExcludedAddress[] } {
  const manual = cidrRanges.filter((r) => r.discovered === undefined && r.host === undefined && r.exclude.length > 0);
  const kept: MonitoredRange[] = [];
  const excluded: ExcludedAddress[] = [];
  for (const range of hostRanges) {
    const address = { family: range.cidr.family, value: range.cidr.first };
    const owner = range.discovered && range.host ? manual.find((m) => containsAddress(m.cidr, address) && m.exclude.some((e) => containsAddress(e, address))) : undefined;
    if (!owner) {
      kept.push(range);
      continue;
    }
    const ex = owner.exclude.find((e) => containsAddress(e, address));
    excluded.push({ host: range.host as string, address: range.cidr.text.replace(/\/\d+$/, ''), reason: `excluded by manual row ${owner.cidr.text} (exclude ${ex?.text})` });
  }
  return { kept, excluded };
}
