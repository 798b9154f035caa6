import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { REPORT_PREFIX } from '../../lambdas/adapters/aws/report-key.js';

export interface ReportBucketProps {
  /** The stack's customer-managed key: the reports are encrypted with it (SSE-KMS, S3 bucket key). */
  readonly encryptionKey: IKey;
  /** Days a report is kept before S3 expires it. */
  readonly retentionDays: number;
  /**
   * The longest a report link may work, in hours: the bucket refuses a report GET signed longer
   * ago than this (`s3:signatureAge`), whoever presigned it and for however long.
   */
  readonly maxLinkHours: number;
  /**
   * Days an access-log record is kept.
   * @default - the longer of `retentionDays` and 90: every read of a report stays auditable for
   *   as long as the report exists, and for at least 90 days
   */
  readonly accessLogRetentionDays?: number;
}

/**
 * The private bucket of run reports (`reports/<runId>.html`), read only through short-lived
 * presigned URLs: no public access, TLS only, owner-enforced objects (no ACLs), encrypted with the
 * stack's key, reports expired after `retentionDays`.
 *
 * Every request to it is recorded in a small access-log bucket (S3 server access logs): a
 * presigned link is a bearer token that may be forwarded, and the log (requester, source IP, time,
 * key) is the only record of who opened a report without paying for CloudTrail data events.
 * S3 delivers server access logs only to a bucket encrypted with S3-managed keys (SSE-S3).
 *
 * Both buckets are kept by `cdk destroy`, whatever the stack's removalPolicy: CloudFormation cannot
 * delete a bucket that still holds objects, and emptying it on delete would need a custom-resource
 * function with delete rights on the reports. The lifecycle rules empty them on their own.
 */
export class ReportBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogBucket: Bucket;
  /** The key prefix of the reports; the notifier's grant is limited to it. */
  readonly prefix = REPORT_PREFIX;

  constructor(scope: Construct, id: string, props: ReportBucketProps) {
    super(scope, id);
    const logDays = props.accessLogRetentionDays ?? Math.max(props.retentionDays, 90);

    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(logDays), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
      autoDeleteObjects: false,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      // One data key per bucket instead of one KMS request per object: fewer KMS calls and costs.
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // A later delivery pass for the same run rewrites its report; the older version has no value.
      versioned: false,
      lifecycleRules: [
        { id: 'expire-reports', prefix: REPORT_PREFIX, expiration: Duration.days(props.retentionDays) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'report-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      autoDeleteObjects: false,
    });

    // The link lifetime, enforced by the bucket as well as by the URL's X-Amz-Expires: a URL
    // presigned by anyone else with GetObject rights (for up to 7 days) works no longer than ours.
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyStaleReportLinks',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects(`${REPORT_PREFIX}*`)],
        conditions: { NumericGreaterThan: { 's3:signatureAge': props.maxLinkHours * 3_600_000 } },
      }),
    );

    // No AwsSolutions-S1 acknowledgement for the access-log bucket: cdk-nag counts a bucket that
    // receives another bucket's server access logs as compliant (logging it in turn would only
    // record the log deliveries).
  }
}
