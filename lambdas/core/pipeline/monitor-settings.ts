import type { AddressPolicy } from '../targets/address-policy.js';
import type { PortSets } from '../targets/ports.js';
import type { RouteTable } from '../routing/route-table.js';

/** Settings one deployment (or one local state directory) runs with. */
export interface MonitorSettings {
  readonly policy: AddressPolicy;
  /** Addresses per block message. */
  readonly blockSize: number;
  /** Ports swept when a range row names none. */
  readonly defaultPorts: readonly number[];
  /** The port sets a range row may name (`ai`, `all`, ...); none when absent. */
  readonly portSets?: PortSets;
  /** Complete runs without a sighting before an endpoint is reported gone. */
  readonly goneAfterMisses: number;
  /** Routes by name, owners and floor (destinations are the notifier's). Absent: the default route only. */
  readonly routes?: RouteTable;
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Run ids sort by start time: `20261123T201500Z-3f9a`. */
export function newRunId(now: Date, random: () => number = Math.random): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const suffix = Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  return `${stamp}-${suffix}`;
}
