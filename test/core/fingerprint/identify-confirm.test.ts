import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../lambdas/core/fingerprint/catalog-schema.js';
import { cachingFetch, type HttpFetch } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { catalogProblems } from '../../../lambdas/core/fingerprint/validate-catalog.js';

/** An entry whose one identify probe needs a second marker on another path (`confirm`). */
const entry: CatalogEntry = {
  service: 'confirmed-product',
  name: 'Confirmed product',
  category: 'llm-server',
  ports: [9999],
  sources: ['test'],
  exposes: 'nothing',
  identify: [
    {
      request: { path: '/v1/health/' },
      match: { status: 200, bodyRegex: '^\\{"status":"ok"\\}$' },
      confirm: { request: { path: '/v1/agents/' }, match: { status: 401, bodyContains: ['Unauthorized'] } },
    },
  ],
  auth: [{ request: { path: '/v1/agents/' }, match: { status: 401 }, auth: 'required', evidence: 'GET /v1/agents/ -> {status}' }],
  remediation: { fix: 'x', settings: ['x'], docs: 'https://example.test/', allows: ['admin'] },
};

function server(answers: Record<string, { status: number; body: string }>, sent: string[]): HttpFetch {
  return async (request) => {
    sent.push(request.path);
    const a = answers[request.path] ?? { status: 404, body: 'not found' };
    return { ok: true, status: a.status, headers: { 'content-type': 'application/json' }, body: a.body, truncated: false };
  };
}

describe('identify probe with a confirming marker', () => {
  const plan = probePlanForPort([entry], 9999);

  it('identifies only when both markers hold', async () => {
    const sent: string[] = [];
    const both = await identifyEndpoint(cachingFetch(server({ '/v1/health/': { status: 200, body: '{"status":"ok"}' }, '/v1/agents/': { status: 401, body: '{"detail":"Unauthorized"}' } }, sent)), plan);
    expect(both?.service).toBe('confirmed-product');
    expect(both?.auth).toBe('required');
  });

  it('does not identify on the first marker alone', async () => {
    const sent: string[] = [];
    const first = await identifyEndpoint(cachingFetch(server({ '/v1/health/': { status: 200, body: '{"status":"ok"}' } }, sent)), plan);
    expect(first).toBeUndefined();
    expect(sent).toContain('/v1/agents/');
  });

  it('never sends the confirming request when the first marker fails', async () => {
    const sent: string[] = [];
    const none = await identifyEndpoint(cachingFetch(server({ '/v1/agents/': { status: 401, body: 'Unauthorized' } }, sent)), plan);
    expect(none).toBeUndefined();
    expect(sent).not.toContain('/v1/agents/');
  });

  it('is checked against the never-request list like any other request', () => {
    const bad: CatalogEntry = { ...entry, identify: [{ ...entry.identify[0]!, confirm: { request: { path: '/terminate' }, match: { status: 200 } } }] };
    expect(catalogProblems([bad]).join('\n')).toMatch(/identify\[0\]\.confirm: path "\/terminate" is on the never-request list/);
  });
});
