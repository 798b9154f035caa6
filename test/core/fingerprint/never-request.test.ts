import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import type { CatalogEntry } from '../../../lambdas/core/fingerprint/catalog-schema.js';
import { NEVER_REQUEST, neverRequestRule, normalizeRequestPath } from '../../../lambdas/core/fingerprint/never-request.js';
import { catalogProblems, validateCatalog } from '../../../lambdas/core/fingerprint/validate-catalog.js';
import { openHttpSession } from '../../../lambdas/core/probing/http-session.js';
import { DEFAULT_PROBE_OPTIONS } from '../../../lambdas/core/probing/probe-targets.js';

/** A minimal valid entry whose one identify path is `path`. */
function entryProbing(path: string, where: 'identify' | 'auth' | 'version' | 'inventory' = 'identify'): CatalogEntry {
  const safe = { path: '/v1/models' };
  return {
    service: 'careless-entry',
    name: 'Careless entry',
    category: 'llm-server',
    ports: [23333],
    sources: ['test'],
    exposes: 'nothing',
    identify: [{ request: where === 'identify' ? { path } : safe, match: { status: 200, bodyContains: ['x'] } }],
    auth: [{ request: where === 'auth' ? { path } : safe, match: { status: 200 }, auth: 'none', evidence: 'x' }],
    ...(where === 'version' ? { version: [{ request: { path }, json: 'version' }] } : {}),
    ...(where === 'inventory' ? { inventory: [{ kind: 'model' as const, request: { path }, json: 'data[].id' }] } : {}),
    remediation: { fix: 'x', settings: [], docs: 'https://example.test/', allows: ['run-inference'] },
  };
}

describe('never-request list', () => {
  it('names, for every rule, the product, what a GET does and the source read', () => {
    expect(NEVER_REQUEST.length).toBeGreaterThanOrEqual(10);
    for (const rule of NEVER_REQUEST) {
      expect(rule.path, JSON.stringify(rule)).toMatch(/^\//);
      expect(rule.product.length).toBeGreaterThan(2);
      expect(rule.effect.length).toBeGreaterThan(5);
      expect(rule.source).toMatch(/read from source at /);
    }
    expect(neverRequestRule('/terminate')?.product).toBe('LMDeploy api_server');
  });

  it.each([
    '/terminate',
    '/terminate/',
    '/Terminate',
    '/terminate?force=1',
    '/terminate#x',
    '//terminate',
    '/v1/../terminate',
    '/%74erminate',
    '/v1/%2e%2e/terminate',
    '/%2574erminate',
    '/dtale/delete-col/1?col=a',
    '/dtale/update-settings/1',
    '/api/manager/reboot',
    '/flush_cache',
    '/unload',
    '/upstream/qwen3-8b/v1/models',
  ])('refuses %s however it is spelled', (path) => {
    expect(neverRequestRule(path), `${path} -> ${normalizeRequestPath(path)}`).toBeDefined();
  });

  it.each(['/', '/v1/models', '/health', '/terminated-jobs', '/api/terminate', '/dtale/main/1', '/version', '/api/actors', '/upstreams', '/api/models/unload-all'])('lets %s through', (path) => {
    expect(neverRequestRule(path)).toBeUndefined();
  });
});

describe('catalog validation at load', () => {
  it('accepts the real catalog (it loaded, and has nothing to report)', () => {
    expect(catalog.length).toBeGreaterThan(60);
    expect(catalogProblems(catalog)).toEqual([]);
  });

  it.each(['identify', 'auth', 'version', 'inventory'] as const)('refuses an entry that names a never-request path in %s, naming the entry, the field and the path', (where) => {
    const bad = entryProbing('/Terminate?now=1', where);
    expect(() => validateCatalog([bad])).toThrow(new RegExp(`careless-entry.*${where}\\[0\\].*"/Terminate\\?now=1".*never-request.*LMDeploy`));
  });

  it('reports every problem at once, and a path without a leading slash', () => {
    const problems = catalogProblems([entryProbing('/flush_cache'), entryProbing('health', 'auth')]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/SGLang/);
    expect(problems[1]).toMatch(/"health" does not start with "\/"/);
  });
});

describe('HTTP session', () => {
  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('never sends a never-request path, by any method, and still sends the rest', async () => {
    const session = openHttpSession('127.0.0.1', port, false, { ...DEFAULT_PROBE_OPTIONS, connectTimeoutMs: 1000 });
    try {
      const refused = [
        await session.fetch({ path: '/terminate' }),
        await session.fetch({ method: 'HEAD', path: '/TERMINATE/' }),
        await session.fetch({ path: '/v1/../terminate?x=1' }),
        await session.fetch({ path: '/api/actors/kill?actor_id=abc' }),
        await session.post('/flush_cache', '{}', { 'content-type': 'application/json' }),
        await session.delete('/shutdown', {}),
      ];
      for (const answer of refused) {
        expect(answer.ok).toBe(false);
        expect(answer.ok ? '' : answer.error).toMatch(/^refused: .* never-request list/);
      }
      const allowed = await session.fetch({ path: '/v1/models' });
      expect(allowed.ok && allowed.body).toBe('ok');
    } finally {
      await session.close();
    }
    expect(received).toEqual(['GET /v1/models']);
  });
});
