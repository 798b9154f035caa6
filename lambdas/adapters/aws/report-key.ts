// Where a run's report lives in the report bucket. Its own module, without the AWS SDK, because the
// stack (lib/constructs/report-bucket.ts) scopes the notifier's grant and the lifecycle rule to it.

/** The only prefix the notifier may write and read (its IAM policy names `reports/*`). */
export const REPORT_PREFIX = 'reports/';

/** Run ids as the planner makes them (`newRunId`): `20261123T201500Z-3f9a`. Nothing else becomes a key. */
const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{4}$/;

/** The object key of a run's report; refuses anything that is not a run id, so no key leaves `reports/`. */
export function reportKey(runId: string): string {
  if (!RUN_ID.test(runId)) throw new Error(`not a run id (YYYYMMDDTHHMMSSZ-xxxx): ${JSON.stringify(runId.slice(0, 64))}`);
  return `${REPORT_PREFIX}${runId}.html`;
}
