import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalog } from '../core/fingerprint/catalog/index.js';
import { DEFAULT_PORT_SET, portSets } from '../core/fingerprint/port-sets.js';
import { DEFAULT_BLOCK_SIZE } from '../core/planning/plan-blocks.js';
import type { MonitorSettings } from '../core/pipeline/monitor-settings.js';
import { DEFAULT_PROBE_OPTIONS, type ProbeOptions } from '../core/probing/probe-targets.js';
import { InputError } from '../core/targets/address.js';
import { parsePorts, type PortSets } from '../core/targets/ports.js';
import { parseHostName } from '../core/targets/host-name.js';
import { defaultSweepThreads } from './sweep-threads.js';

/** Option values as `node:util` parseArgs returns them. */
export type OptionValues = Record<string, string | boolean | undefined>;

/** Every option any command takes; each command reads the ones it needs. */
export const OPTION_SPEC = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  ports: { type: 'string', short: 'p' },
  concurrency: { type: 'string' },
  threads: { type: 'string' },
  rate: { type: 'string' },
  timeout: { type: 'string' },
  'state-dir': { type: 'string' },
  'allow-private': { type: 'boolean' },
  'max-range-prefix': { type: 'string' },
  'gone-after': { type: 'string' },
  webhook: { type: 'string' },
  'slack-webhook': { type: 'string' },
  'teams-webhook': { type: 'string' },
  'pagerduty-key': { type: 'string' },
  routes: { type: 'string' },
  route: { type: 'string' },
  floor: { type: 'string' },
  by: { type: 'string' },
  replace: { type: 'boolean' },
  version: { type: 'boolean' },
  label: { type: 'string' },
  owner: { type: 'string' },
  exclude: { type: 'string' },
  reason: { type: 'string' },
  until: { type: 'string' },
  contact: { type: 'string' },
  aws: { type: 'boolean' },
  muted: { type: 'boolean' },
  'check-default-credentials': { type: 'boolean' },
  stack: { type: 'string' },
  table: { type: 'string' },
  'state-table': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  since: { type: 'string' },
  resolve: { type: 'string' },
  domain: { type: 'string' },
  'path-prefix': { type: 'string' },
  'headers-from-file': { type: 'string' },
  'headers-secret': { type: 'string' },
  'from-env': { type: 'string' },
  'from-file': { type: 'string' },
  discover: { type: 'string' },
  'discover-regions': { type: 'string' },
  'discover-accounts': { type: 'string' },
  'discover-role': { type: 'string' },
} as const;

export const DEFAULT_STATE_DIR = '.exposure-monitor';

/**
 * `--state-dir`, else `.exposure-monitor` at the root of the repository the command runs in (so
 * `cd lambdas && exposure-monitor findings` reads the same state as from the root), else in the
 * current directory.
 */
export function stateDir(values: OptionValues): string {
  if (typeof values['state-dir'] === 'string') return path.resolve(values['state-dir']);
  return path.join(repositoryRoot(process.cwd()) ?? process.cwd(), DEFAULT_STATE_DIR);
}

function repositoryRoot(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'ai-exposure-monitor') return dir;
    } catch {
      // no package.json here, or not ours: keep walking up
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function intOption(values: OptionValues, name: string, fallback: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InputError(`--${name}: "${String(raw)}" must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

/** The catalog's port sets (`catalog`, `ai`, `all`). */
export function cliPortSets(): PortSets {
  return portSets(catalog);
}

/** The ports swept when neither the command nor a range row names any: the default set. */
export function defaultPorts(): readonly number[] {
  return cliPortSets()[DEFAULT_PORT_SET] as readonly number[];
}

export function portsOption(values: OptionValues): number[] | undefined {
  return typeof values.ports === 'string' ? parsePorts(values.ports, '--ports', { sets: cliPortSets() }) : undefined;
}

export function monitorSettings(values: OptionValues): MonitorSettings {
  return {
    policy: {
      allowPrivate: values['allow-private'] === true,
      maxRangePrefixV4: intOption(values, 'max-range-prefix', 16, 8, 32),
    },
    blockSize: DEFAULT_BLOCK_SIZE,
    defaultPorts: portsOption(values) ?? defaultPorts(),
    portSets: cliPortSets(),
    goneAfterMisses: intOption(values, 'gone-after', 2, 1, 100),
  };
}

export function probeOptions(values: OptionValues): ProbeOptions {
  const timeout = intOption(values, 'timeout', DEFAULT_PROBE_OPTIONS.connectTimeoutMs, 50, 60_000);
  const contact = typeof values.contact === 'string' ? values.contact.replace(/[^\x21-\x7e]/g, '').slice(0, 120) : undefined;
  return {
    ...DEFAULT_PROBE_OPTIONS,
    connectConcurrency: intOption(values, 'concurrency', DEFAULT_PROBE_OPTIONS.connectConcurrency, 1, 4096),
    connectTimeoutMs: timeout,
    checkDefaultCredentials: values['check-default-credentials'] === true,
    // Connects spread over two cores when two are free: the main thread keeps fingerprinting.
    // Only when --threads is absent is the machine measured (see sweep-threads.ts).
    sweepThreads: values.threads === undefined ? defaultSweepThreads() : intOption(values, 'threads', 1, 1, 16),
    ...(values.rate !== undefined ? { ratePerSecond: intOption(values, 'rate', 0, 1, 1_000_000) } : {}),
    ...(contact ? { userAgent: `ai-exposure-monitor/0.1 (+${contact})` } : {}),
  };
}

export function urlOption(values: OptionValues, name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new InputError(`--${name} needs a URL`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(`--${name}: "${raw.slice(0, 80)}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`--${name}: "${raw.slice(0, 80)}" is not an http or https URL`);
  }
  return raw;
}

/** `--domain D[,D...]`: the registered domains whose names a certificate may lead to (see ProbeOptions): scan, run. */
export function domainsOption(values: OptionValues): { certificateDomains?: string[] } {
  if (values.domain === undefined) return {};
  if (typeof values.domain !== 'string' || values.domain.trim() === '') throw new InputError('--domain needs a domain, e.g. example.com');
  return { certificateDomains: values.domain.split(',').map((d) => parseHostName(d, '--domain')) };
}
