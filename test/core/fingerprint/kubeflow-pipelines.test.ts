import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { cachingFetch } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { loadFixture, type ResponseFixture } from '../../../lambdas/local/fixture-fleet.js';
import { fixtureFetch } from '../../support/fixture-fetch.js';

// The Kubeflow Pipelines UI server on its own (not the Central Dashboard): its healthz handler
// (frontend/server/handlers/healthz.ts) reports the API server's mode. The multi-user answers are
// the required fixture's; standalone differs only in the mode flags, and 1.x only in the prefix.
const multiUser = loadFixture('kubeflow', 'required');
const HEALTHZ = 'GET /apis/v2beta1/healthz';

/** The multi-user fixture with its healthz document changed and answered on `request` only. */
function healthz(request: string, change: Record<string, unknown>): ResponseFixture {
  const original = multiUser.responses.find((r) => r.request === HEALTHZ);
  const body = { ...(original?.body as Record<string, unknown>), ...change };
  return { ...multiUser, responses: [...multiUser.responses.filter((r) => r.request !== HEALTHZ), { ...original, request, status: 200, body }] };
}

async function verdict(fixture: ResponseFixture, port: number): Promise<string> {
  const result = await identifyEndpoint(cachingFetch(fixtureFetch(fixture)), probePlanForPort(catalog, port), { checkDefaultCredentials: false });
  return `${result?.service}/${result?.auth} ${result?.version}: ${result?.evidence}`;
}

describe('Kubeflow Pipelines UI server', () => {
  it.each([8080, 3000, 80])('standalone (single-user) is identified as open on port %i', async (port) => {
    const v = await verdict(healthz(HEALTHZ, { apiServerMultiUser: false, multi_user: false }), port);
    expect(v).toMatch(/^kubeflow\/none 2\.15\.0: GET \/apis\/v2beta1\/healthz -> 200: Kubeflow Pipelines in single-user/);
  });

  it('1.x answers on the v1beta1 prefix alike', async () => {
    const v1 = healthz('GET /apis/v1beta1/healthz', { apiServerMultiUser: false, frontendTagName: '1.8.5' });
    expect(await verdict(v1, 8080)).toMatch(/^kubeflow\/none 1\.8\.5: GET \/apis\/v1beta1\/healthz/);
  });

  it('with the API server not answering yet is identified, its auth unknown', async () => {
    const body = { buildDate: 'x', frontendCommitHash: 'abc', frontendTagName: '2.15.0', apiServerReady: false };
    const notReady = { ...multiUser, responses: [...multiUser.responses.filter((r) => r.request !== HEALTHZ), { request: HEALTHZ, status: 200, body }] };
    expect(await verdict(notReady, 8080)).toMatch(/^kubeflow\/unknown 2\.15\.0/);
  });
});
