import type { CatalogEntry } from '../catalog-schema.js';

/**
 * BentoML API server (`bentoml serve`). No authentication in the open-source server. `GET /` serves
 * the Swagger UI index titled "BentoML Prediction Service" (or the newer "BentoML Inference Service"
 * UI when the `new_index` feature is on); `GET /docs.json` is the OpenAPI document with
 * `info.contact` "BentoML Team" / contact@bentoml.com and `info.title` = the service name. The
 * Prometheus metrics carry BentoML's own namespaces (`bentoml_api_server_*`, `bentoml_service_*`).
 * The bento version in `info.version` is the user's build tag, not BentoML's version, so no version
 * is read.
 * Sources (bentoml/BentoML):
 * - src/_bentoml_impl/server/app.py: `index_page` (main-openapi.html / main-ui.html), `docs.json`
 *   route, `/schema.json`, metrics namespace `bentoml_service`.
 * - src/_bentoml_impl/server/main-openapi.html, main-ui.html: page titles.
 * - src/bentoml/_internal/server/http_app.py: legacy index page, `/docs.json`.
 * - src/_bentoml_sdk/service/openapi.py, src/bentoml/_internal/service/openapi/__init__.py:
 *   `Contact(name="BentoML Team", email="contact@bentoml.com")`.
 * - src/bentoml/_internal/server/http/instruments.py: `bentoml_api_server` metric namespace.
 * - src/bentoml/_internal/configuration/v2/default_configuration.yaml: HTTP port 3000.
 */
export const bentoml: CatalogEntry = {
  service: 'bentoml',
  name: 'BentoML API server',
  category: 'model-server',
  ports: [3000],
  sources: [
    'https://github.com/bentoml/BentoML/blob/main/src/_bentoml_impl/server/app.py',
    'https://github.com/bentoml/BentoML/blob/main/src/_bentoml_impl/server/main-openapi.html',
    'https://github.com/bentoml/BentoML/blob/main/src/_bentoml_sdk/service/openapi.py',
    'https://github.com/bentoml/BentoML/blob/main/src/bentoml/_internal/server/http/instruments.py',
    'https://github.com/bentoml/BentoML/blob/main/src/bentoml/_internal/configuration/v2/default_configuration.yaml',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.4.38-5-g32230a527 (2026-04-30)' },
  exposes: "the service's inference APIs (model execution) and its OpenAPI description",
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, bodyContainsAny: ['<title>BentoML Prediction Service</title>', '<title>BentoML Inference Service</title>'] },
    },
    { request: { path: '/metrics' }, match: { status: 200, bodyRegex: '# TYPE bentoml_(api_server|service)_' } },
  ],
  auth: [
    {
      request: { path: '/docs.json' },
      match: { status: 200, json: [{ path: 'info.contact.email', equals: 'contact@bentoml.com' }] },
      auth: 'none',
      evidence: 'GET /docs.json -> {status} without credentials (no auth in BentoML): service "{json:info.title}" and its APIs callable',
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyContainsAny: ['<title>BentoML Prediction Service</title>', '<title>BentoML Inference Service</title>'] },
      auth: 'none',
      evidence: 'GET / -> {status} BentoML service UI without credentials (no auth in BentoML)',
    },
  ],
  // src/bentoml_cli/serve.py: `bentoml serve --host` (env `BENTOML_HOST`); the open-source server has no auth.
  remediation: {
    fix: 'The BentoML server has no authentication of its own: bind it to localhost (bentoml serve --host 127.0.0.1, or BENTOML_HOST=127.0.0.1) and put an authenticating reverse proxy in front of it.',
    settings: ['bentoml serve --host 127.0.0.1', 'BENTOML_HOST=127.0.0.1'],
    docs: 'https://docs.bentoml.com/en/latest/reference/bentoml/cli.html',
    allows: ['run-inference'],
  },
};
