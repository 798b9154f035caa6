import type { ProbeRequest } from '../../lambdas/core/fingerprint/catalog-schema.js';
import type { HttpFetch, HttpResult } from '../../lambdas/core/fingerprint/http-result.js';
import { fixtureAnswer, type ResponseFixture, serializeBody } from '../../lambdas/local/fixture-fleet.js';

/** Answers probes from a fixture without a socket, exactly as the fixture server would. */
export function fixtureFetch(fixture: ResponseFixture, log: string[] = []): HttpFetch {
  return async (request: ProbeRequest): Promise<HttpResult> => {
    const method = request.method ?? 'GET';
    log.push(`${method} ${request.path}`);
    const answer = fixtureAnswer(fixture, method, request.path, request.headers ?? {});
    const { body, contentType } = serializeBody(answer);
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    for (const [k, v] of Object.entries(answer.headers ?? {})) headers[k.toLowerCase()] = v;
    return { ok: true, status: answer.status, headers, body: method === 'HEAD' ? '' : body, truncated: false };
  };
}
