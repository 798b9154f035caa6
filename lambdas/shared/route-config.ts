import type { Severity } from '../core/alerts/alert-event.js';
import { checkRouteName, DEFAULT_ROUTE, isSeverity, type RouteRule, SEVERITIES } from '../core/routing/route-table.js';

/**
 * Routes on AWS: the CDK context key `routes` (validated at synth, lib/config.ts) and the
 * `ROUTES_JSON` environment variable the stack derives from it (validated again at cold start,
 * lambdas/shared/config.ts). Destinations are names or ARNs of Secrets Manager secrets (the
 * secret holds the webhook URL or the PagerDuty routing key) and SNS topic ARNs: never a URL or
 * a key, so neither the template nor a function's environment holds a credential.
 */
export interface AwsRouteSpec extends RouteRule {
  /** Secrets holding Slack incoming-webhook URLs. */
  readonly slackWebhookSecrets: readonly string[];
  /** Secrets holding Microsoft Teams webhook URLs. */
  readonly teamsWebhookSecrets: readonly string[];
  /** Secrets holding generic JSON webhook URLs. */
  readonly webhookSecrets: readonly string[];
  /** Secrets holding PagerDuty Events API v2 routing (integration) keys. */
  readonly pagerDutySecrets: readonly string[];
  /** Existing SNS topics (email and any other subscriber). */
  readonly emailTopicArns: readonly string[];
}

/** A parsed route before floors are settled: `floor` is absent when the entry did not set one. */
export type ParsedRoute = Omit<AwsRouteSpec, 'floor'> & { readonly floor?: Severity };

export const ROUTE_SECRET_KEYS = ['slackWebhookSecrets', 'teamsWebhookSecrets', 'webhookSecrets', 'pagerDutySecrets'] as const;
export const ROUTE_DESTINATION_KEYS = [...ROUTE_SECRET_KEYS, 'emailTopicArns'] as const;
export const ROUTE_KEYS = ['name', 'owners', 'floor', ...ROUTE_DESTINATION_KEYS] as const;

/** One problem: where (e.g. `routes[1].floor`) and what. */
export interface RouteProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Lambda allows 4 KB for all of a function's environment variables together; the routes get
 * this much of it, the rest is left to table names, ARNs and the other settings.
 */
export const ROUTES_ENV_MAX_BYTES = 3000;

export const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/;
export const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

export function isSecretId(value: string): boolean {
  return value.startsWith('arn:') ? SECRET_ARN.test(value) : SECRET_NAME.test(value);
}

/**
 * Validates a list of routes (`where` is the name of the list, e.g. `routes`), collecting every
 * problem instead of stopping at the first: names (checkRouteName, unique), owners (text, on one
 * route only), floors, secret names/ARNs, topic ARNs and unknown keys. The result is usable only
 * when no problem was added; its entries stay aligned with the input's (a bad one has name "").
 */
export function parseRoutes(raw: unknown, where: string, problems: RouteProblem[]): ParsedRoute[] {
  if (!Array.isArray(raw)) {
    problems.push({ path: where, message: `a JSON list of routes ([{"name": "...", ...}]); got ${describe(raw)}` });
    return [];
  }
  const names = new Map<string, number>();
  const ownerRoute = new Map<string, string>();
  const routes: ParsedRoute[] = [];
  raw.forEach((entry, i) => {
    const at = `${where}[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ path: at, message: `a route object ({"name": "...", ...}); got ${describe(entry)}` });
      routes.push({ ...emptyAwsRoute('', 'info'), floor: undefined }); // keeps routes[i] aligned with raw[i]
      return;
    }
    const r = entry as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (!(ROUTE_KEYS as readonly string[]).includes(key)) problems.push({ path: `${at}.${key}`, message: `unknown key (known: ${ROUTE_KEYS.join(', ')})` });
    }
    let name = '';
    try {
      name = checkRouteName(r.name, `${at}.name`);
    } catch (err) {
      problems.push({ path: `${at}.name`, message: (err as Error).message.slice(`${at}.name: `.length) });
    }
    if (name !== '') {
      const first = names.get(name);
      if (first !== undefined) problems.push({ path: `${at}.name`, message: `route "${name}" is already defined by ${where}[${first}]` });
      else names.set(name, i);
    }
    let floor: Severity | undefined;
    if (r.floor !== undefined) {
      if (isSeverity(r.floor)) floor = r.floor;
      else problems.push({ path: `${at}.floor`, message: `one of ${SEVERITIES.join(', ')}; got ${describe(r.floor)}` });
    }
    const owners = strings(r.owners, `${at}.owners`, problems, 'owner', (o) => o.length >= 1 && o.length <= 200, '1-200 characters of text');
    owners.forEach((owner, j) => {
      const other = ownerRoute.get(owner);
      if (other !== undefined && other !== name) problems.push({ path: `${at}.owners[${j}]`, message: `owner "${owner}" is already served by route "${other}"` });
      else ownerRoute.set(owner, name);
    });
    const secrets = Object.fromEntries(
      ROUTE_SECRET_KEYS.map((key) => [key, strings(r[key], `${at}.${key}`, problems, 'secret', isSecretId, 'the name or ARN of an existing Secrets Manager secret')]),
    ) as Record<(typeof ROUTE_SECRET_KEYS)[number], string[]>;
    const emailTopicArns = strings(r.emailTopicArns, `${at}.emailTopicArns`, problems, 'topic', isStandardTopicArn, 'an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)');
    routes.push({ name, owners, ...(floor !== undefined ? { floor } : {}), ...secrets, emailTopicArns });
  });
  return routes;
}

/** The routes with their floors settled: as given, else `defaultFloor` for the default route and `info` for the others. */
export function settleFloors(routes: readonly ParsedRoute[], defaultFloor: Severity = 'info'): AwsRouteSpec[] {
  return routes.map((r) => ({ ...r, floor: r.floor ?? (r.name === DEFAULT_ROUTE ? defaultFloor : 'info') }));
}

/** The routes with their floors settled and the default route (floor `defaultFloor`) added when missing. */
export function withDefaultRoute(routes: readonly ParsedRoute[], defaultFloor: Severity = 'info'): AwsRouteSpec[] {
  const settled = settleFloors(routes, defaultFloor);
  if (settled.some((r) => r.name === DEFAULT_ROUTE)) return settled;
  return [...settled, emptyAwsRoute(DEFAULT_ROUTE, defaultFloor)];
}

export function emptyAwsRoute(name: string, floor: Severity): AwsRouteSpec {
  return { name, owners: [], floor, slackWebhookSecrets: [], teamsWebhookSecrets: [], webhookSecrets: [], pagerDutySecrets: [], emailTopicArns: [] };
}

export function hasDestination(route: ParsedRoute): boolean {
  return ROUTE_DESTINATION_KEYS.some((key) => route[key].length > 0);
}

/** The planner's `ROUTES_JSON`: names, owners and floors only (it resolves each range row's route). */
export function plannerRoutesJson(routes: readonly RouteRule[]): string {
  return JSON.stringify(routes.map((r) => ({ name: r.name, ...(r.owners.length > 0 ? { owners: r.owners } : {}), floor: r.floor })));
}

/** The notifier's `ROUTES_JSON`: names, floors and destinations (secret names/ARNs and topic ARNs, never a secret value). */
export function notifierRoutesJson(routes: readonly AwsRouteSpec[]): string {
  return JSON.stringify(
    routes.map((r) => ({
      name: r.name,
      floor: r.floor,
      ...Object.fromEntries(ROUTE_DESTINATION_KEYS.filter((key) => r[key].length > 0).map((key) => [key, r[key]])),
    })),
  );
}

function isStandardTopicArn(arn: string): boolean {
  return TOPIC_ARN.test(arn) && !arn.endsWith('.fifo');
}

function strings(
  value: unknown,
  where: string,
  problems: RouteProblem[],
  what: string,
  valid: (s: string) => boolean,
  expected: string,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ path: where, message: `a list of ${what}s; got ${describe(value)}` });
    return [];
  }
  const out: string[] = [];
  value.forEach((item, j) => {
    const v = typeof item === 'string' ? item.trim() : item;
    if (typeof v !== 'string' || !valid(v)) {
      const fifo = what === 'topic' && typeof v === 'string' && v.endsWith('.fifo') && TOPIC_ARN.test(v);
      problems.push({
        path: `${where}[${j}]`,
        message: fifo ? `a standard SNS topic: FIFO topics need a message group the notifier does not set; got ${describe(item)}` : `${expected}; got ${describe(item)}`,
      });
    } else if (out.includes(v)) {
      problems.push({ path: `${where}[${j}]`, message: `${describe(v)} is listed twice` });
    } else {
      out.push(v);
    }
  });
  return out;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
