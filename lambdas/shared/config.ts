import { catalog } from '../core/fingerprint/catalog/index.js';
import { DEFAULT_PORT_SET, portSets } from '../core/fingerprint/port-sets.js';
import { DEFAULT_BLOCK_SIZE } from '../core/planning/plan-blocks.js';
import type { MonitorSettings } from '../core/pipeline/monitor-settings.js';
import { DEFAULT_PROBE_OPTIONS, type ProbeOptions } from '../core/probing/probe-targets.js';
import { tableOf } from '../core/routing/route-spec.js';
import { parsePorts } from '../core/targets/ports.js';
import { ENV, type EnvName } from './env.js';
import { type AwsRouteSpec, parseRoutes, type RouteProblem, withDefaultRoute } from './route-config.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A configuration problem names the variable and the bad value; the function cannot start without it fixed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function requiredEnv(env: Env, name: EnvName): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new ConfigError(`environment variable ${name} is not set`);
  return value;
}

export function optionalEnv(env: Env, name: EnvName): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function intEnv(env: Env, name: EnvName, fallback: number, min: number, max: number): number {
  const raw = optionalEnv(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`environment variable ${name}="${raw}" must be a whole number from ${min} to ${max}`);
  return value;
}

function boolEnv(env: Env, name: EnvName): boolean {
  const raw = optionalEnv(env, name);
  if (raw === undefined) return false;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(`environment variable ${name}="${raw}" must be true or false`);
  return raw === 'true';
}

/** The monitor settings shared by planner and prober. */
export function loadMonitorSettings(env: Env): MonitorSettings {
  const ports = optionalEnv(env, ENV.DEFAULT_PORTS);
  const sets = portSets(catalog);
  let defaultPorts: number[];
  try {
    defaultPorts = ports ? parsePorts(ports, ENV.DEFAULT_PORTS, { sets }) : [...(sets[DEFAULT_PORT_SET] as readonly number[])];
  } catch (err) {
    throw new ConfigError(`environment variable ${(err as Error).message}`);
  }
  const routes = loadRoutes(env);
  return {
    policy: { allowPrivate: boolEnv(env, ENV.ALLOW_PRIVATE), maxRangePrefixV4: intEnv(env, ENV.MAX_RANGE_PREFIX, 16, 8, 32) },
    blockSize: intEnv(env, ENV.BLOCK_SIZE, DEFAULT_BLOCK_SIZE, 1, 4096),
    defaultPorts,
    portSets: sets,
    goneAfterMisses: intEnv(env, ENV.GONE_AFTER_MISSES, 2, 1, 100),
    // The planner resolves each range row's route from this (names, owners; floors are the notifier's).
    ...(routes ? { routes: tableOf(routes, ENV.ROUTES_JSON) } : {}),
  };
}

/**
 * The routes in `ROUTES_JSON`, validated again at cold start (the synth validated the context
 * they come from), floors settled and the default route added; undefined when unset.
 */
export function loadRoutes(env: Env): AwsRouteSpec[] | undefined {
  const raw = optionalEnv(env, ENV.ROUTES_JSON);
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new ConfigError(`environment variable ${ENV.ROUTES_JSON}="${raw}" is not JSON (${(err as Error).message.slice(0, 80)})`);
  }
  const problems: RouteProblem[] = [];
  const routes = parseRoutes(parsed, 'routes', problems);
  // The value holds no secret (names and ARNs only), so it is shown like every other variable's.
  if (problems.length > 0) throw new ConfigError(`environment variable ${ENV.ROUTES_JSON}="${raw}": ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return withDefaultRoute(routes);
}

export function loadProbeOptions(env: Env): ProbeOptions {
  const httpTimeout = intEnv(env, ENV.PROBE_HTTP_TIMEOUT_MS, DEFAULT_PROBE_OPTIONS.headersTimeoutMs, 100, 60_000);
  const contact = optionalEnv(env, ENV.SCANNER_CONTACT)?.replace(/[^\x21-\x7e]/g, '').slice(0, 120);
  return {
    ...DEFAULT_PROBE_OPTIONS,
    // Lambda gives 1,024 file descriptors; leave room for the SDK's own sockets.
    connectConcurrency: intEnv(env, ENV.PROBE_CONCURRENCY, DEFAULT_PROBE_OPTIONS.connectConcurrency, 1, 900),
    connectTimeoutMs: intEnv(env, ENV.PROBE_CONNECT_TIMEOUT_MS, DEFAULT_PROBE_OPTIONS.connectTimeoutMs, 50, 30_000),
    headersTimeoutMs: httpTimeout,
    bodyTimeoutMs: httpTimeout,
    requestTimeoutMs: httpTimeout * 2,
    checkDefaultCredentials: boolEnv(env, ENV.CHECK_DEFAULT_CREDENTIALS),
    ...(optionalEnv(env, ENV.PROBE_BLOCK_BUDGET_MS) ? { blockBudgetMs: intEnv(env, ENV.PROBE_BLOCK_BUDGET_MS, 0, 1_000, 900_000) } : {}),
    ...(optionalEnv(env, ENV.PROBE_RATE_PER_SECOND) ? { ratePerSecond: intEnv(env, ENV.PROBE_RATE_PER_SECOND, 0, 1, 1_000_000) } : {}),
    ...(contact ? { userAgent: `ai-exposure-monitor/0.1 (+${contact})` } : {}),
  };
}

/** Where the notifier writes run reports and how long their links last; undefined: reports off. */
export interface ReportSettings {
  readonly bucket: string;
  readonly linkHours: number;
}

/** The report settings from REPORT_BUCKET and REPORT_LINK_HOURS (bounds as lib/config.ts's `reportLinkHours`). */
export function loadReportSettings(env: Env): ReportSettings | undefined {
  const bucket = optionalEnv(env, ENV.REPORT_BUCKET)?.trim();
  if (bucket === undefined) return undefined;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError(`environment variable ${ENV.REPORT_BUCKET}="${bucket}" must be an S3 bucket name`);
  return { bucket, linkHours: intEnv(env, ENV.REPORT_LINK_HOURS, 12, 1, 12) };
}
