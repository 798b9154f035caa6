import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { cachingFetch } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { FIXTURE_ROOT, type ResponseFixture } from '../../../lambdas/local/fixture-fleet.js';
import { fixtureFetch } from '../../support/fixture-fetch.js';

/**
 * LightRAG with an API key but no login accounts: `/auth-status` still says auth_mode "disabled"
 * and `/health` still answers (it is in the default WHITELIST_PATHS), so only the OpenAPI
 * description's " (API-Key Enabled)" (lightrag_server.py `swagger_description`) shows the key.
 */
describe('LightRAG with LIGHTRAG_API_KEY set', () => {
  const open = JSON.parse(readFileSync(path.join(FIXTURE_ROOT, 'http/lightrag/none.json'), 'utf8')) as ResponseFixture;
  const withKey: ResponseFixture = {
    ...open,
    auth: 'required',
    responses: open.responses.map((r) => {
      if (r.request !== 'GET /openapi.json') return r;
      const body = r.body as { info: { description: string } };
      const description = 'Providing API for LightRAG core, Web UI and Ollama Model Emulation (API-Key Enabled)\n\n[View ReDoc documentation](/redoc)';
      return { ...r, body: { ...body, info: { ...body.info, description } } };
    }),
  };

  it('is reported as requiring the key, not as open', async () => {
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(withKey)), probePlanForPort(catalog, 9621));
    expect(result?.service).toBe('lightrag');
    expect(result?.auth).toBe('required');
    expect(result?.evidence).toContain('API-Key Enabled');
  });

  it('without the key (the recorded default) is open', async () => {
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(open)), probePlanForPort(catalog, 9621));
    expect(result?.auth).toBe('none');
  });
});
