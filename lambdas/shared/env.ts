/**
 * Environment variable names, defined once: the CDK stack sets them (lib/) and the handlers read
 * them (lambdas/), so the two cannot drift. Secrets are never values here: only the ARN of a
 * Secrets Manager secret, read by the function at cold start.
 */
export const ENV = {
  RANGE_TABLE_NAME: 'RANGE_TABLE_NAME',
  STATE_TABLE_NAME: 'STATE_TABLE_NAME',
  PROBE_QUEUE_URL: 'PROBE_QUEUE_URL',
  ALERT_TOPIC_ARN: 'ALERT_TOPIC_ARN',
  /** ARN of the Secrets Manager secret holding the Slack incoming-webhook URL (optional). */
  SLACK_WEBHOOK_SECRET_ARN: 'SLACK_WEBHOOK_SECRET_ARN',
  /** ARN of the secret holding a generic JSON webhook URL (optional). */
  WEBHOOK_SECRET_ARN: 'WEBHOOK_SECRET_ARN',
  /** ARN of the secret holding a Microsoft Teams webhook URL, for the default route (optional). */
  TEAMS_WEBHOOK_SECRET_ARN: 'TEAMS_WEBHOOK_SECRET_ARN',
  /** ARN of the secret holding a PagerDuty routing key, for the default route (optional). */
  PAGERDUTY_SECRET_ARN: 'PAGERDUTY_SECRET_ARN',
  /**
   * Alert routes as JSON (lambdas/shared/route-config.ts). The planner's holds names, owners and
   * floors; the notifier's names, floors and destinations: secret names/ARNs and SNS topic ARNs,
   * never a secret value. Unset: the default route only.
   */
  ROUTES_JSON: 'ROUTES_JSON',
  /** Comma list of ports swept when a range row names none; the catalog's ports when unset. */
  DEFAULT_PORTS: 'DEFAULT_PORTS',
  PROBE_CONCURRENCY: 'PROBE_CONCURRENCY',
  /** Most TCP connects one prober starts per second (politeness cap; unset: none). */
  PROBE_RATE_PER_SECOND: 'PROBE_RATE_PER_SECOND',
  PROBE_CONNECT_TIMEOUT_MS: 'PROBE_CONNECT_TIMEOUT_MS',
  PROBE_HTTP_TIMEOUT_MS: 'PROBE_HTTP_TIMEOUT_MS',
  /** Time one block may take (set below the prober's Lambda timeout). */
  PROBE_BLOCK_BUDGET_MS: 'PROBE_BLOCK_BUDGET_MS',
  BLOCK_SIZE: 'BLOCK_SIZE',
  MAX_RANGE_PREFIX: 'MAX_RANGE_PREFIX',
  ALLOW_PRIVATE: 'ALLOW_PRIVATE',
  GONE_AFTER_MISSES: 'GONE_AFTER_MISSES',
  /** "true" to try documented default credentials on endpoints that enforce auth (off by default). */
  CHECK_DEFAULT_CREDENTIALS: 'CHECK_DEFAULT_CREDENTIALS',
  /** Contact URL or address shown in the scanner's User-Agent. */
  SCANNER_CONTACT: 'SCANNER_CONTACT',
  /** Name of the private bucket the notifier writes run reports to (`reports/<runId>.html`). Unset: no reports. */
  REPORT_BUCKET: 'REPORT_BUCKET',
  /** Hours a digest's presigned report link is valid at most, 1 to 12 (default 12). */
  REPORT_LINK_HOURS: 'REPORT_LINK_HOURS',
  /** Comma list of discovery sources (ec2, elbv2, elb, route53); unset: no cloud discovery. */
  DISCOVER_SOURCES: 'DISCOVER_SOURCES',
  /** Comma list of member account ids discovery may assume `DISCOVER_ROLE_NAME` in (the allow-list). */
  DISCOVER_ACCOUNTS: 'DISCOVER_ACCOUNTS',
  /** The read-only role name each allow-listed member account provides. */
  DISCOVER_ROLE_NAME: 'DISCOVER_ROLE_NAME',
  /** Comma list of regions to discover in; the function's own region when unset. */
  DISCOVER_REGIONS: 'DISCOVER_REGIONS',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];
