import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { cachingFetch } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { FIXTURE_ROOT, type ResponseFixture } from '../../../lambdas/local/fixture-fleet.js';
import { fixtureFetch } from '../../support/fixture-fetch.js';

/**
 * DocsGPT's `home` (application/app.py, read at 0.19.0-30-g52279d27) greets non-local callers with
 * "Welcome to DocsGPT Backend!" but redirects the ones it takes for local (127.0.0.1, 172.18.0.1)
 * to http://localhost:5173: either answer confirms /api/config.
 */
describe('DocsGPT seen from an address it takes for local', () => {
  const open = JSON.parse(readFileSync(path.join(FIXTURE_ROOT, 'http/docsgpt/none.json'), 'utf8')) as ResponseFixture;
  const redirected: ResponseFixture = {
    ...open,
    responses: open.responses.map((r) => (r.request === 'GET /' ? { request: 'GET /', status: 302, headers: { location: 'http://localhost:5173', 'content-type': 'text/html; charset=utf-8' }, body: '' } : r)),
  };

  it('is still identified, with its auth state', async () => {
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(redirected)), probePlanForPort(catalog, 7091));
    expect(result?.service).toBe('docsgpt');
    expect(result?.auth).toBe('none');
  });

  it('is not identified when / neither greets nor redirects to the dev UI', async () => {
    const other: ResponseFixture = { ...open, responses: open.responses.map((r) => (r.request === 'GET /' ? { ...r, body: 'Welcome!' } : r)) };
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(other)), probePlanForPort(catalog, 7091));
    expect(result?.service).not.toBe('docsgpt');
  });
});
