import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { cachingFetch } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { loadFixture, type ResponseFixture } from '../../../lambdas/local/fixture-fleet.js';
import { fixtureFetch } from '../../support/fixture-fetch.js';

// Triton restricts API groups one by one (--http-restricted-api=<groups>:<key>=<value>). A server
// whose inference alone is restricted still serves metadata and statistics to anyone: it was
// reported open. The answers are the open fixture's, with only the inference route changed as
// src/http_server.cc HandleInfer answers it (restricted 403 before the method check).
const INFER = 'GET /v2/models/exposure-monitor-probe/infer';
const RESTRICTED = { status: 403, headers: { 'content-type': 'application/json' }, body: '{"error":"This API is restricted, expecting header \'x-triton-key\'"}' };

/** The fixture with one route's answer replaced. */
function answering(fixture: ResponseFixture, request: string, answer: Omit<(typeof fixture.responses)[number], 'request'>): ResponseFixture {
  return { ...fixture, responses: [...fixture.responses.filter((r) => r.request !== request), { request, ...answer }] };
}

async function verdict(fixture: ResponseFixture): Promise<string> {
  const sent: string[] = [];
  const result = await identifyEndpoint(cachingFetch(fixtureFetch(fixture, sent)), probePlanForPort(catalog, 8000), { checkDefaultCredentials: false });
  return `${result?.service}/${result?.auth}: ${result?.evidence}`;
}

describe('Triton restricted APIs', () => {
  const open = loadFixture('triton', 'none');

  it('with only inference restricted (metadata and statistics open) is required, from the inference answer', async () => {
    const v = await verdict(answering(open, INFER, RESTRICTED));
    expect(v).toMatch(/^triton\/required: GET \/v2\/models\/exposure-monitor-probe\/infer -> 403 "This API is restricted, expecting header 'x-triton-key'"/);
  });

  it('with inference open is none, with the statistics evidence when statistics answer and from the 405 when they are restricted', async () => {
    expect(await verdict(open)).toMatch(/^triton\/none: GET \/v2\/models\/stats -> 200/);
    const statsRestricted = answering(open, 'GET /v2/models/stats', RESTRICTED);
    expect(await verdict(statsRestricted)).toMatch(/^triton\/none: GET \/v2\/models\/exposure-monitor-probe\/infer -> 405 Method Not Allowed/);
  });
});
