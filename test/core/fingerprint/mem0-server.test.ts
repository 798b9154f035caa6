import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { cachingFetch } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { loadFixture, type ResponseFixture } from '../../../lambdas/local/fixture-fleet.js';
import { fixtureFetch } from '../../support/fixture-fetch.js';

// The Mem0 server's other two open states, beside the unclaimed one in none.json: started with
// AUTH_DISABLED=true (server/auth.py verify_auth lets every request through, so
// /configure/providers answers its provider lists), and a server from before auth existed
// (server/main.py at 003d130: no /auth routes, GET /memories without an identifier -> 400).
type Response = ResponseFixture['responses'][number];

function withAnswers(fixture: ResponseFixture, answers: readonly Response[], drop: readonly string[] = []): ResponseFixture {
  const replaced = new Set([...answers.map((a) => a.request), ...drop]);
  return { ...fixture, responses: [...fixture.responses.filter((r) => !replaced.has(r.request)), ...answers] };
}

async function verdict(fixture: ResponseFixture): Promise<string> {
  const result = await identifyEndpoint(cachingFetch(fixtureFetch(fixture)), probePlanForPort(catalog, 8888), { checkDefaultCredentials: false });
  return `${result?.service}/${result?.auth}: ${result?.evidence}`;
}

const json = { 'content-type': 'application/json' };

describe('Mem0 REST server', () => {
  const claimed = loadFixture('mem0-server', 'required');

  it('with AUTH_DISABLED=true is none, from the provider lists answered without credentials', async () => {
    const disabled = withAnswers(claimed, [
      { request: 'GET /configure/providers', status: 200, headers: json, body: { llm: ['openai', 'anthropic', 'gemini'], embedder: ['openai', 'gemini'] } },
      { request: 'GET /memories', status: 200, headers: json, body: { results: [] } },
    ]);
    expect(await verdict(disabled)).toMatch(/^mem0-server\/none: GET \/configure\/providers -> 200 .*AUTH_DISABLED/);
  });

  it('before auth existed (no /auth routes) is none, from the 400 that asks only for an identifier', async () => {
    const preAuth = withAnswers(
      claimed,
      [{ request: 'GET /memories', status: 400, headers: json, body: { detail: 'At least one identifier is required.' } }],
      ['GET /auth/setup-status', 'GET /configure/providers'],
    );
    expect(await verdict(preAuth)).toMatch(/^mem0-server\/none: GET \/memories -> 400 .*before Mem0 added auth/);
  });

  it('is not identified from the OpenAPI title alone: a locked 401 without its text is no second marker', async () => {
    const other = withAnswers(claimed, [{ request: 'GET /memories', status: 401, headers: json, body: { detail: 'Not authenticated' } }], ['GET /configure/providers']);
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(other)), probePlanForPort(catalog, 8888), { checkDefaultCredentials: false });
    expect(result?.service).not.toBe('mem0-server');
  });
});
