import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { reportKey } from './report-key.js';

export { REPORT_PREFIX, reportKey } from './report-key.js';

export interface S3ReportStoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /** How long a link is valid at most, in hours (1 to 12). */
  readonly linkHours: number;
  /** The signing time of a link; the system clock when absent. */
  readonly clock?: () => Date;
}

/**
 * Run reports in the private report bucket: one object per run, `reports/<runId>.html`, encrypted
 * by the bucket's default (the stack's KMS key, with an S3 bucket key), and a presigned GET URL
 * for the digests.
 *
 * The link is a bearer token: whoever holds it may read the report until it expires, which is why
 * it is short-lived. It is signed with the Lambda role's temporary credentials, and a presigned
 * URL stops working when the credentials that signed it expire, which can be sooner than
 * `linkHours`: the link is valid for up to `linkHours` hours, never more.
 */
export class S3ReportStore {
  constructor(private readonly options: S3ReportStoreOptions) {
    if (!Number.isInteger(options.linkHours) || options.linkHours < 1 || options.linkHours > 12) {
      throw new Error(`report link hours must be a whole number from 1 to 12; got ${options.linkHours}`);
    }
  }

  /** Writes the report of `runId` and returns its key. */
  async put(runId: string, html: string): Promise<string> {
    const key = reportKey(runId);
    await this.options.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: html,
        ContentType: 'text/html; charset=utf-8',
        // Shown in the browser, not downloaded; never kept by a cache between the reader and S3.
        ContentDisposition: 'inline',
        CacheControl: 'no-store',
        // No ServerSideEncryption here: the bucket's default (SSE-KMS with the stack's key) applies.
      }),
    );
    return key;
  }

  /** A GET URL for the report of `runId`, valid for up to `linkHours` hours. Signed locally: no request. */
  async link(runId: string): Promise<string> {
    const command = new GetObjectCommand({ Bucket: this.options.bucket, Key: reportKey(runId) });
    return getSignedUrl(this.options.client, command, {
      expiresIn: this.options.linkHours * 3600,
      ...(this.options.clock ? { signingDate: this.options.clock() } : {}),
    });
  }

  /** Writes the report, then returns its link. */
  async publish(runId: string, html: string): Promise<string> {
    await this.put(runId, html);
    return this.link(runId);
  }
}
