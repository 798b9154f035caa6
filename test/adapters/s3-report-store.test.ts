import { createHash, createHmac } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { REPORT_PREFIX, reportKey, S3ReportStore } from '../../lambdas/adapters/aws/s3-report-store.js';
import { newRunId } from '../../lambdas/core/pipeline/monitor-settings.js';

// The report adapter: PutObject against a mocked client, and real SigV4 presigning (local, no
// request) with static fake credentials and a fixed clock, checked against an independent
// computation of the signature.
const BUCKET = 'acme-exposure-reports';
const REGION = 'eu-west-1';
const CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const RUN_ID = '20261123T100000Z-3f9a';
const NOW = new Date('2026-11-23T10:05:00.000Z');
const HTML = '<!doctype html>\n<html lang="en"><title>Report</title><p>ollama on 203.0.113.7 — “open”</p></html>\n';

const s3 = () => new S3Client({ region: REGION, credentials: CREDENTIALS });

/** SigV4 query-string verification, written from the spec (not the SDK's signer). */
function expectedSignature(url: URL): string {
  const params = [...url.searchParams].filter(([k]) => k !== 'X-Amz-Signature');
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const query = params.map(([k, v]) => [enc(k), enc(v)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const canonical = ['GET', url.pathname, query, `host:${url.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const date = url.searchParams.get('X-Amz-Date') as string;
  const scope = `${date.slice(0, 8)}/${REGION}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${CREDENTIALS.secretAccessKey}`, date.slice(0, 8)), REGION), 's3'), 'aws4_request');
  return createHmac('sha256', signingKey).update(toSign).digest('hex');
}

describe('reportKey', () => {
  it('puts a run id under reports/', () => {
    expect(REPORT_PREFIX).toBe('reports/');
    expect(reportKey(RUN_ID)).toBe('reports/20261123T100000Z-3f9a.html');
    const made = newRunId(NOW, () => 0.999);
    expect(reportKey(made)).toBe(`reports/${made}.html`);
  });

  it.each(['', 'r1', '../20261123T100000Z-3f9a', '20261123T100000Z-3f9a/../../secrets', '20261123T100000Z-3F9A', '20261123T100000Z-3f9a\n', '20261123T100000Z-3f9', '2026-11-23T10:00:00Z-3f9a', '20261123T100000Z-3f9a.html'])(
    'refuses %j',
    (runId) => {
      expect(() => reportKey(runId)).toThrow(/not a run id/);
    },
  );
});

describe('S3ReportStore', () => {
  it('writes reports/<runId>.html as inline, uncached UTF-8 HTML, encrypted by the bucket default', async () => {
    const client = s3();
    const mock = mockClient(client);
    mock.on(PutObjectCommand).resolves({ ETag: '"e"' });
    const store = new S3ReportStore({ client, bucket: BUCKET, linkHours: 12 });

    expect(await store.put(RUN_ID, HTML)).toBe('reports/20261123T100000Z-3f9a.html');

    const calls = mock.commandCalls(PutObjectCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input).toEqual({
      Bucket: BUCKET,
      Key: 'reports/20261123T100000Z-3f9a.html',
      Body: HTML,
      ContentType: 'text/html; charset=utf-8',
      ContentDisposition: 'inline',
      CacheControl: 'no-store',
    });
    expect(input).not.toHaveProperty('ServerSideEncryption');
    expect(input).not.toHaveProperty('ACL');
  });

  it('refuses a bad run id without calling S3', async () => {
    const client = s3();
    const mock = mockClient(client);
    const store = new S3ReportStore({ client, bucket: BUCKET, linkHours: 12 });
    await expect(store.put('../../etc/passwd', HTML)).rejects.toThrow(/not a run id/);
    await expect(store.link('r1')).rejects.toThrow(/not a run id/);
    expect(mock.calls()).toHaveLength(0);
  });

  it.each([1, 6, 12])('presigns a GET of the report valid %i hour(s), locally and reproducibly', async (hours) => {
    const store = new S3ReportStore({ client: s3(), bucket: BUCKET, linkHours: hours, clock: () => NOW });
    const link = await store.link(RUN_ID);
    const url = new URL(link);

    expect(url.protocol).toBe('https:');
    expect(url.host).toBe(`${BUCKET}.s3.${REGION}.amazonaws.com`);
    expect(url.pathname).toBe('/reports/20261123T100000Z-3f9a.html');
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(hours * 3600));
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261123T100500Z');
    expect(url.searchParams.get('X-Amz-Credential')).toBe(`${CREDENTIALS.accessKeyId}/20261123/${REGION}/s3/aws4_request`);
    // Only the host is signed: a browser opening the link sends no other header that must match.
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-Signature')).toBe(expectedSignature(url));
    expect(link).not.toContain(CREDENTIALS.secretAccessKey);
    expect(await store.link(RUN_ID)).toBe(link);
  });

  it('publishes: puts the report, then returns its link', async () => {
    const client = s3();
    const mock = mockClient(client);
    mock.on(PutObjectCommand).resolves({});
    const store = new S3ReportStore({ client, bucket: BUCKET, linkHours: 2, clock: () => NOW });
    const link = new URL(await store.publish(RUN_ID, HTML));
    expect(mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual(['reports/20261123T100000Z-3f9a.html']);
    expect(link.pathname).toBe('/reports/20261123T100000Z-3f9a.html');
    expect(link.searchParams.get('X-Amz-Expires')).toBe('7200');
  });

  it('gives no link when the put fails', async () => {
    const client = s3();
    mockClient(client).on(PutObjectCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
    const store = new S3ReportStore({ client, bucket: BUCKET, linkHours: 2 });
    await expect(store.publish(RUN_ID, HTML)).rejects.toThrow(/Access Denied/);
  });

  it.each([0, 13, 1.5, Number.NaN])('refuses a link lifetime of %s hours', (linkHours) => {
    expect(() => new S3ReportStore({ client: s3(), bucket: BUCKET, linkHours })).toThrow(/from 1 to 12/);
  });
});
