import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import type { CatalogEntry, ProbeRequest } from '../../../lambdas/core/fingerprint/catalog-schema.js';
import { catalogProblems } from '../../../lambdas/core/fingerprint/validate-catalog.js';
import { openHttpSession } from '../../../lambdas/core/probing/http-session.js';
import { DEFAULT_PROBE_OPTIONS } from '../../../lambdas/core/probing/probe-targets.js';
import { recordingServer } from '../../support/recording-server.js';

// A probe may POST only a product's own read-only query, with a fixed JSON body (catalog-schema.ts
// ProbeRequest). Every such probe is listed here: adding one is a safety decision, not a side effect.
const READ_ONLY_POSTS = ['flowise auth POST /api/v1/auth/resolve {}'];

function entryWith(request: ProbeRequest): CatalogEntry {
  return {
    service: 'post-entry',
    name: 'Post entry',
    category: 'agent-builder',
    ports: [23334],
    sources: ['test'],
    exposes: 'nothing',
    identify: [{ request: { path: '/v1/models' }, match: { status: 200, bodyContains: ['x'] } }],
    auth: [{ request, match: { status: 200 }, auth: 'none', evidence: 'x' }],
    remediation: { fix: 'x', settings: [], docs: 'https://example.test/', allows: ['read-data'] },
  };
}

describe('read-only POST probes', () => {
  it('are only the listed ones, each with a fixed JSON body', () => {
    const posts = catalog.flatMap((e) =>
      [...e.identify.map((p) => ['identify', p.request] as const), ...e.auth.map((r) => ['auth', r.request] as const), ...(e.version ?? []).map((r) => ['version', r.request] as const)]
        .filter(([, r]) => r.method === 'POST')
        .map(([where, r]) => `${e.service} ${where} POST ${r.path} ${r.body}`),
    );
    expect(posts).toEqual(READ_ONLY_POSTS);
  });

  it('are refused by the catalog check without a body or with a body that is not JSON, and a GET may carry none', () => {
    expect(catalogProblems([entryWith({ method: 'POST', path: '/api/x' })])).toEqual(['catalog entry "post-entry" auth[0]: POST /api/x has no fixed body']);
    expect(catalogProblems([entryWith({ method: 'POST', path: '/api/x', body: 'a=1' })])).toEqual(['catalog entry "post-entry" auth[0]: POST /api/x body "a=1" is not JSON']);
    expect(catalogProblems([entryWith({ path: '/api/x', body: '{}' })])).toEqual(['catalog entry "post-entry" auth[0]: GET /api/x carries a body']);
    expect(catalogProblems([entryWith({ method: 'POST', path: '/api/x', body: '{}' })])).toEqual([]);
  });

  describe('on the wire', () => {
    const { server, received } = recordingServer((_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"redirectUrl":"/signin"}'));
    let port = 0;
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('sends the fixed body as JSON, and refuses a POST without one before anything is sent', async () => {
      const session = openHttpSession('127.0.0.1', port, false, { ...DEFAULT_PROBE_OPTIONS, connectTimeoutMs: 1000 });
      try {
        const refused = await session.fetch({ method: 'POST', path: '/api/v1/auth/resolve' });
        expect(refused.ok ? '' : refused.error).toBe('refused: POST /api/v1/auth/resolve without its fixed read-only body');
        const answer = await session.fetch({ method: 'POST', path: '/api/v1/auth/resolve', body: '{}' });
        expect(answer.ok && answer.body).toBe('{"redirectUrl":"/signin"}');
      } finally {
        await session.close();
      }
      expect(received).toEqual(['POST /api/v1/auth/resolve application/json {}']);
    });
  });
});
