import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { cachingFetch } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import type { ResponseFixture } from '../../../lambdas/local/fixture-fleet.js';
import { fixtureFetch } from '../../support/fixture-fetch.js';

/**
 * h2oGPT behind Gradio's login: `--auth` with the default `auth_access='open'` lets any new
 * user/password in, and says so on the login page (src/gradio_runner.py `auth_message1`, read at
 * 0.2.1-1198-ga0ad1920); `auth_access='closed'` says "Closed access" and shows nothing of h2oGPT.
 * Gradio 4.44 shapes: GET / carries the stub config, /config answers 401 {"detail": "Not authenticated"}.
 */
function loginPage(authMessage: string): ResponseFixture {
  const stub = JSON.stringify({ auth_required: true, auth_message: authMessage, space_id: null, root: '' });
  return {
    service: 'h2ogpt',
    auth: 'none',
    version: null,
    source: 'h2oai/h2ogpt src/gradio_runner.py auth_message1 with gradio 4.44 routes.py main (auth stub config)',
    responses: [
      { request: 'GET /', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html>\n<html><head><title>Gradio</title><script>window.gradio_config = ${stub};</script></head><body></body></html>\n` },
      { request: 'GET /config', status: 401, body: { detail: 'Not authenticated' } },
    ],
    fallback: { status: 404, body: { detail: 'Not Found' } },
  };
}

describe('h2oGPT login page', () => {
  it('reports the open-access login (any new user/password gets in) as open h2oGPT', async () => {
    const fixture = loginPage('WELCOME to h2oGPT!  Open access (guest/guest or any unique user/pass)');
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(fixture)), probePlanForPort(catalog, 7860));
    expect(result?.service).toBe('h2ogpt');
    expect(result?.auth).toBe('none');
    expect(result?.evidence).toContain('Open access');
  });

  it('reports the closed-access login as a Gradio app that requires a login', async () => {
    const fixture = loginPage('Closed access');
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(fixture)), probePlanForPort(catalog, 7860));
    expect(result?.service).toBe('gradio');
    expect(result?.auth).toBe('required');
  });
});
