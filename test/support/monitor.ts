import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import type { MonitorSettings } from '../../lambdas/core/pipeline/monitor-settings.js';
import { DEFAULT_PROBE_OPTIONS, type ProbeOptions } from '../../lambdas/core/probing/probe-targets.js';
import { silentLogger } from '../../lambdas/core/ports.js';

export const testSettings = (ports: readonly number[], extra: Partial<MonitorSettings> = {}): MonitorSettings => ({
  policy: { allowPrivate: false, maxRangePrefixV4: 16 },
  blockSize: 256,
  defaultPorts: ports,
  goneAfterMisses: 1,
  ...extra,
});

export const testProbe: ProbeOptions = {
  ...DEFAULT_PROBE_OPTIONS,
  connectTimeoutMs: 500,
  headersTimeoutMs: 2_000,
  bodyTimeoutMs: 2_000,
  requestTimeoutMs: 4_000,
};

/** A clock that moves one second per call, so event times are distinct and ordered. */
export function steppingClock(start = Date.parse('2026-11-23T10:00:00.000Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export const testCatalog = catalog;
export const quiet = silentLogger;
