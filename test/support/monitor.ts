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

/**
 * Probe limits for tests against loopback services that answer (the fixture fleet). Generous on
 * purpose: on a loaded machine an answer can take far longer than usual, and a service that does
 * answer must never be reported missing, or "not AI", because the machine was slow. They cost
 * nothing when the service answers (a closed loopback port refuses at once). Tests whose point is
 * a host that hangs set their own short limits (test/hostile) or a block budget (block-budget).
 */
export const testProbe: ProbeOptions = {
  ...DEFAULT_PROBE_OPTIONS,
  connectTimeoutMs: 15_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  requestTimeoutMs: 30_000,
};

/** A clock that moves one second per call, so event times are distinct and ordered. */
export function steppingClock(start = Date.parse('2026-11-23T10:00:00.000Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export const testCatalog = catalog;
export const quiet = silentLogger;
