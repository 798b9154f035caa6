import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import type { CatalogEntry, ProbeRequest } from '../../../lambdas/core/fingerprint/catalog-schema.js';
import { catalogProblems } from '../../../lambdas/core/fingerprint/validate-catalog.js';
import { DEFAULT_PROBE_OPTIONS, probeTargets } from '../../../lambdas/core/probing/probe-targets.js';
import { recordingServer } from '../../support/recording-server.js';

// Langflow's login takes an OAuth2 password form, not JSON (api/v1/login.py). The opt-in
// default-credential check sends that one form, and only when asked. This server parses the body
// the way FastAPI's form parser would: a JSON body (or a wrong content type) does not log in.
const HOST = '127.0.62.1';
const { server, received } = recordingServer((req, body, res) => {
  const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (req.method === 'GET' && req.url === '/api/v1/version') return json(200, { version: '1.4.3', main_version: '1.4.3', package: 'Langflow' });
  if (req.method === 'GET' && req.url === '/api/v1/auto_login') return json(400, { detail: { message: 'Auto login is disabled. Please enable it in the settings', auto_login: false } });
  if (req.method === 'POST' && req.url === '/api/v1/login') {
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return json(422, { detail: [{ type: 'missing', loc: ['body', 'username'] }] });
    const form = new URLSearchParams(body);
    if (form.get('username') === 'langflow' && form.get('password') === 'langflow') return json(200, { access_token: 'a.b.c', refresh_token: 'd.e.f', token_type: 'bearer' });
    return json(401, { detail: 'Incorrect username or password' });
  }
  if (req.url?.startsWith('/api/')) return json(404, { detail: 'Not Found' });
  res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Langflow</title><div id="root"></div>');
});
// Langflow's own port: the probe plan puts Langflow's probes first there.
const port = 7860;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(port, HOST, resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const scan = async (checkDefaultCredentials: boolean) => {
  received.length = 0;
  const report = await probeTargets([{ host: HOST, port }], catalog, { ...DEFAULT_PROBE_OPTIONS, checkDefaultCredentials });
  return report.observations.find((o) => o.port === port);
};

describe('default credentials through a login form (Langflow)', () => {
  it('with the opt-in check: one form-encoded login with langflow/langflow, reported as default-credential', async () => {
    const found = await scan(true);
    expect(found?.service).toBe('langflow');
    expect(found?.auth).toBe('default-credential');
    expect(received.filter((r) => r.startsWith('POST'))).toEqual(['POST /api/v1/login application/x-www-form-urlencoded username=langflow&password=langflow']);
  });

  it('without it: no POST at all, and the login-protected Langflow is required', async () => {
    const found = await scan(false);
    expect(found?.service).toBe('langflow');
    expect(found?.auth).toBe('required');
    expect(received.filter((r) => !r.startsWith('GET'))).toEqual([]);
  });
});

describe('form bodies in the catalog', () => {
  const entryWith = (where: 'auth' | 'defaultCredentials', request: ProbeRequest): CatalogEntry => ({
    service: 'form-entry',
    name: 'Form entry',
    category: 'agent-builder',
    ports: [23335],
    sources: ['test'],
    exposes: 'nothing',
    identify: [{ request: { path: '/v1/models' }, match: { status: 200, bodyContains: ['x'] } }],
    auth: where === 'auth' ? [{ request, match: { status: 200 }, auth: 'none', evidence: 'x' }] : [],
    ...(where === 'defaultCredentials' ? { defaultCredentials: [{ credential: 'a/b', request, match: { status: 200 } }] } : {}),
    remediation: { fix: 'x', settings: [], docs: 'https://example.test/', allows: ['read-data'] },
  });

  it('are refused outside a default-credential login, and must be name=value pairs', () => {
    expect(catalogProblems([entryWith('auth', { method: 'POST', path: '/login', bodyEncoding: 'form', body: 'a=1' })])).toEqual([
      'catalog entry "form-entry" auth[0]: POST /login has bodyEncoding "form", allowed only in defaultCredentials',
    ]);
    expect(catalogProblems([entryWith('defaultCredentials', { method: 'POST', path: '/login', bodyEncoding: 'form', body: '{"a":1}' })])).toEqual([
      'catalog entry "form-entry" defaultCredentials[0]: POST /login body "{\\"a\\":1}" is not a form (name=value pairs joined by &)',
    ]);
    expect(catalogProblems([entryWith('defaultCredentials', { method: 'POST', path: '/login', bodyEncoding: 'form', body: 'username=a&password=b' })])).toEqual([]);
  });

  it('are used by Langflow alone', () => {
    const forms = catalog.flatMap((e) => (e.defaultCredentials ?? []).filter((c) => c.request.bodyEncoding === 'form').map(() => e.service));
    expect(forms).toEqual(['langflow']);
  });
});
