import { formatAddress, parseAddress } from '../targets/address.js';
import { parseCidr } from '../targets/cidr.js';
import type { MonitoredRange } from '../targets/range-row.js';
import type { DiscoveryRef } from '../discovery/discovered-target.js';

/**
 * A range as a run planned it: after exclusions and de-duplication. Stored on the run record so
 * that finalize can recompute the run's blocks (block ids are positions in this plan).
 */
export interface PlannedRange {
  readonly cidr: string;
  readonly label?: string;
  readonly owner?: string;
  readonly route?: string;
  readonly ports: readonly number[];
  readonly muted?: boolean;
  readonly rate?: number;
  readonly domains?: readonly string[];
  readonly pathPrefix?: string;
  readonly headersSecret?: string;
  /** A host row's name: this planned range is one address it resolved to (see MonitoredRange.host). */
  readonly host?: string;
  /** The owning cloud resource, for a discovered row. */
  readonly discovered?: DiscoveryRef;
  readonly intervals: readonly { readonly first: string; readonly last: string }[];
}

export function toPlannedRange(range: MonitoredRange): PlannedRange {
  return {
    cidr: range.cidr.text,
    ...(range.label ? { label: range.label } : {}),
    ...(range.owner ? { owner: range.owner } : {}),
    ...(range.route ? { route: range.route } : {}),
    ports: range.ports,
    ...(range.muted ? { muted: true } : {}),
    ...(range.rate ? { rate: range.rate } : {}),
    ...(range.discovered ? { discovered: range.discovered } : {}),
    ...(range.domains ? { domains: range.domains } : {}),
    ...(range.pathPrefix ? { pathPrefix: range.pathPrefix } : {}),
    ...(range.headersSecret ? { headersSecret: range.headersSecret } : {}),
    ...(range.host ? { host: range.host } : {}),
    intervals: range.intervals.map((i) => ({
      first: formatAddress({ family: i.family, value: i.first }),
      last: formatAddress({ family: i.family, value: i.last }),
    })),
  };
}

export function fromPlannedRange(planned: PlannedRange): MonitoredRange {
  return {
    cidr: parseCidr(planned.cidr),
    ...(planned.label ? { label: planned.label } : {}),
    ...(planned.owner ? { owner: planned.owner } : {}),
    ...(planned.route ? { route: planned.route } : {}),
    ports: planned.ports,
    ...(planned.muted ? { muted: true } : {}),
    ...(planned.rate ? { rate: planned.rate } : {}),
    ...(planned.discovered ? { discovered: planned.discovered } : {}),
    ...(planned.domains ? { domains: planned.domains } : {}),
    ...(planned.pathPrefix ? { pathPrefix: planned.pathPrefix } : {}),
    ...(planned.headersSecret ? { headersSecret: planned.headersSecret } : {}),
    ...(planned.host ? { host: planned.host } : {}),
    exclude: [],
    intervals: planned.intervals.map((i) => {
      const first = parseAddress(i.first);
      return { family: first.family, first: first.value, last: parseAddress(i.last).value };
    }),
  };
}
