import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Baseten Truss model server (the inference server inside every image `truss image build` makes),
 * port 8080 on 0.0.0.0. The server has no authentication of its own: on Baseten the platform's
 * gateway adds API keys, so a self-run Truss image answers anyone.
 * - `GET /openapi.json` (FastAPI default; docs and redoc are off): `info.title` "Baseten Inference Server",
 *   paths `/v1/models/{model_name}`, `/v1/models/{model_name}:predict`, `/v1/models/{model_name}:predict_binary`.
 * - `GET /`: liveness route, answers `true`.
 * Markers: the OpenAPI title with the `:predict` route, confirmed by the `true` liveness body.
 * Read from source at v0.18.25-12-g0bee989b9 (basetenlabs/truss, 2026-08-18): truss/templates/server/truss_server.py
 * (create_application routes, uvicorn host 0.0.0.0), truss/base/constants.py (INFERENCE_SERVER_PORT = 8080).
 */
export const basetenTruss: CatalogEntry = {
  service: 'baseten-truss',
  name: 'Baseten Truss server',
  category: 'model-server',
  ports: [8080],
  sources: ['https://github.com/basetenlabs/truss/blob/main/truss/templates/server/truss_server.py', 'https://github.com/basetenlabs/truss/blob/main/truss/base/constants.py'],
  checkedAgainst: { evidence: 'source', release: 'v0.18.25-12-g0bee989b9 (basetenlabs/truss, 2026-08-18)' },
  exposes: 'unauthenticated model predictions and OpenAI-style completions (GPU time)',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Baseten Inference Server' }, { path: 'paths./v1/models/{model_name}:predict', exists: true }] },
      confirm: { request: { path: '/' }, match: { status: 200, bodyRegex: '^true\\s*$' } },
    },
  ],
  auth: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Baseten Inference Server' }] },
      auth: 'none',
      evidence: 'GET /openapi.json -> {status}: the Truss model server has no authentication (/v1/models/{model_name}:predict is open)',
    },
  ],
  // truss docs: the self-hosted image has no auth; Baseten's platform adds API keys in front. Keep the port private.
  remediation: {
    fix: 'The Truss server has no authentication: publish its port on 127.0.0.1 or a private network only, and put an authenticating proxy (or Baseten\'s hosted gateway) in front.',
    settings: ['-p 127.0.0.1:8080:8080', 'authenticating reverse proxy'],
    docs: 'https://docs.baseten.co',
    allows: ['run-inference'],
  },
};
