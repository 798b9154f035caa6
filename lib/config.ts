import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { DEFAULT_BLOCK_SIZE } from '../lambdas/core/planning/plan-blocks.js';
import { DEFAULT_PROBE_OPTIONS } from '../lambdas/core/probing/probe-targets.js';
import { MAX_PORTS, parsePorts } from '../lambdas/core/targets/ports.js';
import { PORT_SET_NAMES, portSets } from '../lambdas/core/fingerprint/port-sets.js';
import { catalog } from '../lambdas/core/fingerprint/catalog/index.js';
import type { Severity } from '../lambdas/core/alerts/alert-event.js';
import { DEFAULT_ROUTE, SEVERITIES } from '../lambdas/core/routing/route-table.js';
import { DISCOVERY_GROUPS, type DiscoveryGroup } from '../lambdas/core/discovery/discovery-groups.js';
import {
  type AwsRouteSpec,
  hasDestination,
  isSecretId,
  notifierRoutesJson,
  type ParsedRoute,
  parseRoutes,
  plannerRoutesJson,
  ROUTE_DESTINATION_KEYS,
  ROUTES_ENV_MAX_BYTES,
  type RouteProblem,
  settleFloors,
  withDefaultRoute,
} from '../lambdas/shared/route-config.js';

/**
 * Deployment settings, read from CDK context (`cdk.json` "context", or `-c key=value` on the
 * command line) and validated here, in one place, before any construct is built.
 */
export interface MonitorConfig {
  /** When a monitoring cycle starts: `rate(...)` or `cron(...)` (EventBridge Scheduler, UTC). */
  readonly schedule: string;
  /** When the notifier retries alerts that could not be delivered. */
  readonly alertRetrySchedule: string;
  /** Ports swept when a range row names none; undefined means the fingerprint catalog's ports. */
  readonly ports?: readonly number[];
  /** Email addresses subscribed to the alert topic (each must confirm the subscription). */
  readonly alertEmails: readonly string[];
  /** Email addresses subscribed to the ops (alarm) topic. */
  readonly opsEmails: readonly string[];
  /** Name or ARN of an existing Secrets Manager secret holding the Slack incoming-webhook URL. */
  readonly slackWebhookSecret?: string;
  /** Name or ARN of an existing secret holding a generic JSON webhook URL. */
  readonly webhookSecret?: string;
  /** Name or ARN of an existing secret holding a Microsoft Teams webhook URL (default route). */
  readonly teamsWebhookSecret?: string;
  /** Name or ARN of an existing secret holding a PagerDuty Events API v2 routing key (default route). */
  readonly pagerDutySecret?: string;
  /** Events below this severity are not sent to the default route's destinations. */
  readonly defaultRouteFloor: Severity;
  /**
   * Alert routes, as given (floors settled): range rows name a route or an owner; each route's
   * destinations are secret names/ARNs and SNS topic ARNs. A `default` entry adds destinations to
   * the default route (the alert topic and the top-level secrets).
   */
  readonly routes: readonly AwsRouteSpec[];
  /** ARN of the customer-managed KMS key that encrypts the webhook secrets, if not the AWS-managed key. */
  readonly webhookSecretKmsKeyArn?: string;
  /** Parallel TCP connects inside one prober invocation. */
  readonly probeConcurrency: number;
  readonly probeConnectTimeoutMs: number;
  readonly probeHttpTimeoutMs: number;
  /** Politeness cap: most TCP connects one prober starts per second; 0 for none. */
  readonly probeRatePerSecond: number;
  /** Maximum concurrent prober invocations: the scan-rate brake. */
  readonly maxConcurrency: number;
  /** Block messages handed to one prober invocation. */
  readonly probeBatchSize: number;
  readonly proberTimeoutSeconds: number;
  readonly proberMemoryMb: number;
  /** Addresses per block message. */
  readonly blockSize: number;
  /** Largest IPv4 range accepted per row, as a prefix length (16 means /16). */
  readonly maxRangePrefix: number;
  /** Whether RFC 1918, shared and link-local ranges may be scanned. */
  readonly allowPrivate: boolean;
  /** Send probes from one fixed address (VPC, NAT gateway, Elastic IP); costs about $37 a month. */
  readonly fixedEgress: boolean;
  /** Complete runs without a sighting before an endpoint is `gone`. */
  readonly goneAfterMisses: number;
  /** Contact URL or address shown in the scanner's User-Agent. */
  readonly scannerContact?: string;
  readonly logRetentionDays: RetentionDays;
  /** What `cdk destroy` does with the tables, their key and the log groups. */
  readonly removalPolicy: 'retain' | 'destroy';
  /** Age of the oldest probe message that raises the backlog alarm. */
  readonly queueAgeAlarmMinutes: number;
  /** Write each finished run's HTML report to a private bucket and link it from the digests. */
  readonly report: boolean;
  /** Days a report is kept in the bucket before S3 expires it. */
  readonly reportRetentionDays: number;
  /** Hours the presigned report link in a digest is valid at most. */
  readonly reportLinkHours: number;
  /** Cloud discovery sources merged into the range table each cycle (`ec2`, `elbv2`, `elb`, `route53`); empty: off. */
  readonly discover: readonly DiscoveryGroup[];
  /** Member accounts discovery may read through `discoverRoleName` (the allow-list); empty: this account only. */
  readonly discoverAccounts: readonly string[];
  /** The read-only role each allow-listed member account provides for discovery. */
  readonly discoverRoleName?: string;
  /** Regions discovery reads; empty: the stack's region. */
  readonly discoverRegions: readonly string[];
}

/** Defaults for every context key that has one (the keys without one are optional). */
export const CONFIG_DEFAULTS = {
  schedule: 'rate(6 hours)',
  alertRetrySchedule: 'rate(30 minutes)',
  alertEmails: [] as readonly string[],
  defaultRouteFloor: 'info',
  routes: [] as readonly AwsRouteSpec[],
  // Sized for cost (see the README's cost model): a prober mostly waits on connect timeouts, so
  // many sockets in a small function beat few sockets in a large one. 768 leaves room under
  // Lambda's 1,024 file descriptors for HTTP sessions and the SDK.
  probeConcurrency: 768,
  probeConnectTimeoutMs: 1000,
  probeHttpTimeoutMs: DEFAULT_PROBE_OPTIONS.headersTimeoutMs,
  probeRatePerSecond: 0,
  maxConcurrency: 5,
  probeBatchSize: 1,
  proberTimeoutSeconds: 300,
  proberMemoryMb: 256,
  blockSize: DEFAULT_BLOCK_SIZE,
  maxRangePrefix: 16,
  allowPrivate: false,
  fixedEgress: false,
  goneAfterMisses: 2,
  logRetentionDays: RetentionDays.ONE_MONTH,
  removalPolicy: 'retain',
  queueAgeAlarmMinutes: 120,
  report: false,
  reportRetentionDays: 30,
  reportLinkHours: 12,
  discover: [] as readonly DiscoveryGroup[],
  discoverAccounts: [] as readonly string[],
  discoverRegions: [] as readonly string[],
} as const satisfies Partial<MonitorConfig>;

/** Every context key this app reads. */
export const CONTEXT_KEYS = [
  'schedule',
  'alertRetrySchedule',
  'ports',
  'alertEmails',
  'opsEmails',
  'slackWebhookSecret',
  'webhookSecret',
  'teamsWebhookSecret',
  'pagerDutySecret',
  'defaultRouteFloor',
  'routes',
  'webhookSecretKmsKeyArn',
  'probeConcurrency',
  'probeConnectTimeoutMs',
  'probeHttpTimeoutMs',
  'probeRatePerSecond',
  'maxConcurrency',
  'probeBatchSize',
  'proberTimeoutSeconds',
  'proberMemoryMb',
  'blockSize',
  'maxRangePrefix',
  'allowPrivate',
  'fixedEgress',
  'goneAfterMisses',
  'scannerContact',
  'logRetentionDays',
  'removalPolicy',
  'queueAgeAlarmMinutes',
  'report',
  'reportRetentionDays',
  'reportLinkHours',
  'discover',
  'discoverAccounts',
  'discoverRoleName',
  'discoverRegions',
] as const satisfies readonly (keyof MonitorConfig)[];

export type ContextKey = (typeof CONTEXT_KEYS)[number];

/** One or more bad context values; the message names each key and value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid CDK context (cdk.json "context" or -c key=value):\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and validates the context keys visible from `scope` (normally the App). */
export function loadConfig(scope: IConstruct): MonitorConfig {
  const raw: Partial<Record<ContextKey, unknown>> = {};
  for (const key of CONTEXT_KEYS) raw[key] = scope.node.tryGetContext(key);
  return parseConfig(raw);
}

/** Validates raw context values (JSON from cdk.json, or strings from `-c`) into a MonitorConfig. */
export function parseConfig(raw: Readonly<Partial<Record<ContextKey, unknown>>>): MonitorConfig {
  const problems: string[] = [];
  const r = new Reader(raw, problems);

  const alertEmails = r.emails('alertEmails') ?? CONFIG_DEFAULTS.alertEmails;
  const ports = r.ports('ports');
  const slackWebhookSecret = r.secret('slackWebhookSecret');
  const webhookSecret = r.secret('webhookSecret');
  const teamsWebhookSecret = r.secret('teamsWebhookSecret');
  const pagerDutySecret = r.secret('pagerDutySecret');
  const givenDefaultFloor = r.oneOf('defaultRouteFloor', SEVERITIES);
  const routes = r.routes('routes', givenDefaultFloor);
  const defaultRouteFloor = routes.find((route) => route.name === DEFAULT_ROUTE)?.floor ?? givenDefaultFloor ?? CONFIG_DEFAULTS.defaultRouteFloor;
  const webhookSecretKmsKeyArn = r.match('webhookSecretKmsKeyArn', KMS_KEY_ARN, 'the ARN of a KMS key (arn:aws:kms:REGION:ACCOUNT:key/ID)');
  const discover = r.discoverySources('discover');
  const discoverAccounts = r.accounts('discoverAccounts');
  const discoverRoleName = r.match('discoverRoleName', /^[\w+=,.@-]{1,64}$/, 'an IAM role name (letters, digits and +=,.@_-, at most 64)');
  const discoverRegions = r.regions('discoverRegions');
  if (discoverAccounts.length > 0 && !discoverRoleName) problems.push('context "discoverAccounts" is set but "discoverRoleName" is not: name the read-only role to assume in those accounts');
  const needsSources = discoverAccounts.length > 0 ? 'discoverAccounts' : discoverRoleName ? 'discoverRoleName' : discoverRegions.length > 0 ? 'discoverRegions' : undefined;
  if (needsSources && discover.length === 0 && raw.discover === undefined) {
    problems.push(`context "${needsSources}" is set but "discover" is not: name the sources to discover (e.g. ["ec2", "elbv2", "route53"])`);
  }
  const scannerContact = r.match('scannerContact', /^[\x21-\x7e]{1,120}$/, 'a URL or email address of at most 120 printable characters, without spaces');
  const config: MonitorConfig = {
    schedule: r.schedule('schedule') ?? CONFIG_DEFAULTS.schedule,
    alertRetrySchedule: r.schedule('alertRetrySchedule') ?? CONFIG_DEFAULTS.alertRetrySchedule,
    ...(ports ? { ports } : {}),
    alertEmails,
    opsEmails: r.emails('opsEmails') ?? alertEmails,
    ...(slackWebhookSecret ? { slackWebhookSecret } : {}),
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(teamsWebhookSecret ? { teamsWebhookSecret } : {}),
    ...(pagerDutySecret ? { pagerDutySecret } : {}),
    defaultRouteFloor,
    routes,
    ...(webhookSecretKmsKeyArn ? { webhookSecretKmsKeyArn } : {}),
    // The numeric bounds match what the handlers accept (lambdas/shared/config.ts), so a value a
    // function would refuse at cold start fails the synth instead.
    probeConcurrency: r.int('probeConcurrency', 1, 900, 'parallel TCP connects per prober invocation'),
    probeConnectTimeoutMs: r.int('probeConnectTimeoutMs', 50, 30_000),
    probeHttpTimeoutMs: r.int('probeHttpTimeoutMs', 100, 60_000),
    probeRatePerSecond: r.int('probeRatePerSecond', 0, 1_000_000, '0 for no cap'),
    maxConcurrency: r.int('maxConcurrency', 2, 1000, 'concurrent prober invocations; 2 is the minimum AWS allows'),
    probeBatchSize: r.int('probeBatchSize', 1, 10),
    proberTimeoutSeconds: r.int('proberTimeoutSeconds', 30, 900, 'the Lambda maximum is 900'),
    proberMemoryMb: r.int('proberMemoryMb', 128, 10_240),
    blockSize: r.int('blockSize', 1, 4096),
    maxRangePrefix: r.int('maxRangePrefix', 8, 32, '16 means a row may be at most a /16'),
    allowPrivate: r.bool('allowPrivate') ?? CONFIG_DEFAULTS.allowPrivate,
    fixedEgress: r.bool('fixedEgress') ?? CONFIG_DEFAULTS.fixedEgress,
    goneAfterMisses: r.int('goneAfterMisses', 1, 100),
    ...(scannerContact ? { scannerContact } : {}),
    logRetentionDays: r.retention('logRetentionDays'),
    removalPolicy: r.oneOf('removalPolicy', ['retain', 'destroy'] as const) ?? CONFIG_DEFAULTS.removalPolicy,
    queueAgeAlarmMinutes: r.int('queueAgeAlarmMinutes', 5, 10_080),
    report: r.bool('report') ?? CONFIG_DEFAULTS.report,
    reportRetentionDays: r.int('reportRetentionDays', 1, 3650, 'days a report is kept'),
    // Short on purpose: the link is a bearer token in chat and mail. A URL presigned with the
    // notifier role's temporary credentials stops working when they expire, which can be sooner.
    reportLinkHours: r.int('reportLinkHours', 1, 12, 'hours a digest\'s report link is valid at most'),
    discover,
    discoverAccounts,
    ...(discoverRoleName ? { discoverRoleName } : {}),
    discoverRegions,
  };
  const routeSecrets = routes.some((route) => route.slackWebhookSecrets.length + route.teamsWebhookSecrets.length + route.webhookSecrets.length + route.pagerDutySecrets.length > 0);
  if (webhookSecretKmsKeyArn && !slackWebhookSecret && !webhookSecret && !teamsWebhookSecret && !pagerDutySecret && !routeSecrets) {
    problems.push('context "webhookSecretKmsKeyArn" is set but no secret is ("slackWebhookSecret", "webhookSecret", "teamsWebhookSecret", "pagerDutySecret" or a route\'s secrets)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[A-Za-z]{2,}$/;
const RATE = /^rate\((\d+) (minutes?|hours?|days?)\)$/;
const CRON = /^cron\(([^()]+)\)$/;

type NumericKey = { [K in ContextKey]: MonitorConfig[K] extends number ? K : never }[ContextKey];

class Reader {
  constructor(
    private readonly raw: Readonly<Partial<Record<ContextKey, unknown>>>,
    private readonly problems: string[],
  ) {}

  /** The raw value, or undefined when unset (an empty string from `-c key=` counts as unset). */
  private value(key: ContextKey): unknown {
    const value = this.raw[key];
    return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
  }

  private bad(key: ContextKey, value: unknown, expected: string): undefined {
    this.problems.push(`context "${key}" must be ${expected}; got ${JSON.stringify(value)}`);
    return undefined;
  }

  int(key: NumericKey, min: number, max: number, note?: string): number {
    const fallback = (CONFIG_DEFAULTS as Partial<Record<ContextKey, unknown>>)[key] as number;
    const value = this.value(key);
    if (value === undefined) return fallback;
    const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      this.bad(key, value, `a whole number from ${min} to ${max}${note ? ` (${note})` : ''}`);
      return fallback;
    }
    return n;
  }

  bool(key: ContextKey): boolean | undefined {
    const value = this.value(key);
    if (value === undefined || typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.bad(key, value, 'true or false');
  }

  oneOf<T extends string>(key: ContextKey, allowed: readonly T[]): T | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.bad(key, value, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }

  match(key: ContextKey, pattern: RegExp, expected: string): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && pattern.test(value.trim())) return value.trim();
    return this.bad(key, value, expected);
  }

  /** A list from a JSON array or a comma-separated string. */
  private list(key: ContextKey): string[] | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map((v) => String(v).trim());
    this.bad(key, value, 'a list (a JSON array, or a comma-separated string)');
    return undefined;
  }

  /** `discover`: a list of discovery source groups. */
  discoverySources(key: ContextKey): DiscoveryGroup[] {
    const list = this.list(key);
    if (list === undefined) return [];
    const unknown = list.filter((g) => !(DISCOVERY_GROUPS as readonly string[]).includes(g));
    if (unknown.length > 0) return this.bad(key, unknown.length === 1 ? unknown[0] : unknown, `a list of discovery sources from ${DISCOVERY_GROUPS.join(', ')}`) ?? [];
    return [...new Set(list)] as DiscoveryGroup[];
  }

  /** A list of 12-digit AWS account ids. */
  accounts(key: ContextKey): string[] {
    const list = this.list(key);
    if (list === undefined) return [];
    const bad = list.filter((a) => !/^\d{12}$/.test(a));
    if (bad.length > 0) return this.bad(key, bad.length === 1 ? bad[0] : bad, 'a list of 12-digit AWS account ids') ?? [];
    return [...new Set(list)];
  }

  regions(key: ContextKey): string[] {
    const list = this.list(key);
    if (list === undefined) return [];
    const bad = list.filter((r) => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r));
    if (bad.length > 0) return this.bad(key, bad.length === 1 ? bad[0] : bad, 'a list of AWS region names (e.g. eu-west-1)') ?? [];
    return [...new Set(list)];
  }

  emails(key: ContextKey): string[] | undefined {
    const list = this.list(key);
    if (list === undefined) return undefined;
    const bad = list.filter((e) => !EMAIL.test(e));
    if (bad.length > 0) return this.bad(key, bad.length === 1 ? bad[0] : bad, 'a list of email addresses (name@example.com)');
    if (new Set(list).size !== list.length) return this.bad(key, list, 'a list without repeated addresses');
    return list;
  }

  ports(key: ContextKey): number[] | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))) {
      return this.bad(key, value, `a port set (${PORT_SET_NAMES.join(', ')}) or a port list such as "80,443,8000-8010" or [11434, 8000]`);
    }
    try {
      return parsePorts(value as string | (string | number)[], key, { sets: portSets(catalog) });
    } catch (err) {
      return this.bad(
        key,
        value,
        `a port set (${PORT_SET_NAMES.join(', ')}) or a port list such as "80,443,8000-8010" or [11434, 8000], at most ${MAX_PORTS} ports given one by one (${(err as Error).message})`,
      );
    }
  }

  secret(key: ContextKey): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const v = value.trim();
      if (isSecretId(v)) return v;
    }
    return this.bad(key, value, 'the name or ARN of an existing Secrets Manager secret (the value itself never goes in context)');
  }

  /**
   * The `routes` list: a JSON array (cdk.json) or its JSON text (`-c routes='[...]'`). Every
   * problem is reported with its path, e.g. `context "routes": routes[1].floor: one of info, ...`.
   * Floors are settled: a route without one gets `info`, the `default` entry `defaultFloor`.
   */
  routes(key: 'routes', defaultFloor: Severity | undefined): AwsRouteSpec[] {
    let value = this.value(key);
    if (value === undefined) return [];
    if (typeof value === 'string') {
      const text = value;
      try {
        value = JSON.parse(text) as unknown;
      } catch (err) {
        this.bad(key, text.length > 120 ? `${text.slice(0, 117)}...` : text, `a JSON list of routes ([{"name": "...", ...}]) (not JSON: ${(err as Error).message.slice(0, 80)})`);
        return [];
      }
    }
    const found: RouteProblem[] = [];
    const parsed: ParsedRoute[] = parseRoutes(value, key, found);
    parsed.forEach((route, i) => {
      // The default route's floor is set in one place. Any other route needs a destination, or its
      // alerts would settle unsent (not reported when the route has a problem already, such as a
      // misspelt destination key); the default route always has the alert topic.
      if (route.name === DEFAULT_ROUTE) {
        if (route.floor !== undefined && defaultFloor !== undefined && route.floor !== defaultFloor) {
          found.push({ path: `${key}[${i}].floor`, message: `"${route.floor}" differs from context "defaultRouteFloor" ("${defaultFloor}"): set the default route's floor in one place` });
        }
      } else if (route.name !== '' && !hasDestination(route) && !found.some((p) => p.path.startsWith(`${key}[${i}].`))) {
        found.push({ path: `${key}[${i}]`, message: `route "${route.name}" has no destination; give at least one of ${ROUTE_DESTINATION_KEYS.join(', ')}` });
      }
    });
    if (found.length === 0) {
      // Lambda allows 4 KB of environment per function; the routes travel in ROUTES_JSON, and a
      // deploy that would exceed it fails late, in CloudFormation: refuse it here.
      const all = withDefaultRoute(parsed, defaultFloor);
      for (const [fn, json] of [['planner', plannerRoutesJson(all)], ['notifier', notifierRoutesJson(all)]] as const) {
        const bytes = Buffer.byteLength(json);
        if (bytes > ROUTES_ENV_MAX_BYTES) {
          found.push({ path: key, message: `the routes take ${bytes} bytes of the ${fn}'s environment (ROUTES_JSON), more than the ${ROUTES_ENV_MAX_BYTES} that fit in Lambda's 4 KB: use fewer routes, owners or destinations, or shorter secret names` });
        }
      }
    }
    // The problem starts with the key ("routes"), then the path inside it: `routes[1].floor`.
    for (const p of found) this.problems.push(`context "${key}": ${p.path === key ? '' : `${p.path}: `}${p.message}`);
    return found.length === 0 ? settleFloors(parsed, defaultFloor) : [];
  }

  schedule(key: ContextKey): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const v = value.trim();
      const rate = RATE.exec(v);
      if (rate) {
        const n = Number(rate[1]);
        const singular = !(rate[2] as string).endsWith('s');
        if (n >= 1 && singular === (n === 1)) return v;
      } else {
        const cron = CRON.exec(v);
        if (cron && (cron[1] as string).trim().split(/\s+/).length === 6) return v;
      }
    }
    return this.bad(key, value, 'a schedule expression "rate(N unit)" (e.g. "rate(6 hours)", "rate(1 day)") or "cron(min hour day-of-month month day-of-week year)" (UTC)');
  }

  retention(key: 'logRetentionDays'): RetentionDays {
    const value = this.value(key);
    if (value === undefined) return CONFIG_DEFAULTS.logRetentionDays;
    const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    const allowed = Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number' && v !== RetentionDays.INFINITE);
    if (typeof n === 'number' && (allowed as number[]).includes(n)) return n as RetentionDays;
    this.bad(key, value, `a CloudWatch Logs retention in days, one of ${allowed.join(', ')}`);
    return CONFIG_DEFAULTS.logRetentionDays;
  }
}
