import type { CatalogEntry } from '../catalog-schema.js';

/**
 * GPUStack (gpustack/gpustack: GPU cluster manager that deploys and serves models through vLLM,
 * SGLang, llama-box... behind an OpenAI-compatible gateway), port 80 (gateway and UI; `--port`) and
 * 30080 (API server, `api_port`). Login is always on: the bootstrap `admin` gets a machine-generated
 * password (`initial_admin_password` in the data dir), management routes need a session, and
 * inference needs an API key. No open state to report; the entry records that an instance is there
 * and locked.
 * - `GET /version` (probe router, public): `{"version": "<version>", "git_commit": "<sha>"}`.
 * - `GET /auth/config` (public): `{"external_auth": null|{...}, "is_oidc": <bool>, "is_saml": <bool>}` (+ first-login hints).
 * - `GET /v2/models` without a token: 401 `{"code": 401, "reason": "Unauthorized", "message": ...}`.
 * - `GET /v1/models` without a token (API server): the same 401 ErrorResponse (OpenAI routes use get_current_user too).
 * Markers: the API server's 401 ErrorResponse, confirmed by the public auth-config document.
 * Read from source at v2.2.2-112-g47277d79 (gpustack/gpustack, 2026-08-21): gpustack/routes/probes.py (/healthz, /readyz, /version),
 * gpustack/routes/auth.py (get_auth_config), gpustack/routes/routes.py (probes and /auth on the public api_router; /v2 behind
 * get_current_user; inference_router /v1 with get_current_user), gpustack/routes/openai.py (GET /models), gpustack/api/exceptions.py (ErrorResponse, UnauthorizedException), gpustack/config/config.py (port 80, api_port 30080).
 */
export const gpustack: CatalogEntry = {
  service: 'gpustack',
  name: 'GPUStack',
  category: 'llm-server',
  ports: [80, 30080],
  sources: [
    'https://github.com/gpustack/gpustack/blob/main/gpustack/routes/probes.py',
    'https://github.com/gpustack/gpustack/blob/main/gpustack/routes/auth.py',
    'https://github.com/gpustack/gpustack/blob/main/gpustack/routes/routes.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v2.2.2-112-g47277d79 (gpustack/gpustack, 2026-08-21)' },
  exposes: 'a GPU cluster manager (model deployment, workers, API keys) and its inference gateway',
  // Led by the API server's own 401 on `/v1/models`, a path every scan sends anyway: a lead on `/version` would
  // make it a shared path (one more request on every open port), and one on `/auth/config` one more request on every
  // proxy port. Port 80 answers through the bundled Higress gateway (ext-auth), whose 401 body was not read: there
  // the entry finds GPUStack only if the API server's answer is passed through.
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'code', equals: 401 }, { path: 'reason', equals: 'Unauthorized' }, { path: 'message', type: 'string' }] },
      confirm: {
        request: { path: '/auth/config' },
        match: { status: 200, json: [{ path: 'external_auth', exists: true }, { path: 'is_oidc', type: 'boolean' }, { path: 'is_saml', type: 'boolean' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'reason', equals: 'Unauthorized' }, { path: 'code', equals: 401 }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} {json:message}: GPUStack always requires a login (management) or an API key (inference)',
    },
  ],
  version: [{ request: { path: '/version' }, json: 'version' }],
  // docs.gpustack.ai (installation): the admin password is generated at first start (initial_admin_password); change it and keep API keys private.
  remediation: {
    fix: 'Change the generated admin password at first login (or set --bootstrap-password), keep the API and UI ports off public addresses, and hand out API keys per user.',
    settings: ['--bootstrap-password <strong password>', 'initial_admin_password changed at first login'],
    docs: 'https://docs.gpustack.ai',
    allows: ['admin', 'run-inference', 'pull-models'],
  },
};
