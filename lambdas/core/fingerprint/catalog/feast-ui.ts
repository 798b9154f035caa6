import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Feast feature store UI server (`feast ui`: the React UI plus the registry REST API under
 * `/api/v1`), port 8888. The registry API takes the auth of `feature_store.yaml` (`auth.type`
 * `no_auth` by default, or `oidc` / `kubernetes`, which add a token dependency to every
 * `/api/v1` route), and the server writes that mode into the page it serves.
 * - `GET /`: `index.html` (`<title>Feast Feature Store</title>`) with an injected
 *   `<script id="feast-auth-config" type="application/json">{"auth_type": "no_auth"}</script>`
 *   (`_build_auth_config_json`): Feast's own statement of its auth mode.
 * - `GET /projects-list.json`: `{"projects": [{"name", "description", "id", "registryPath"}]}`:
 *   the second marker (and the project list).
 * Read from source at v0.66.0-2-gf0bc070 (feast-dev/feast, 2026-08-21): sdk/python/feast/ui_server.py (`get_app`,
 * `_serve_index`, `_build_auth_config_json`, `_build_projects_list`, `_setup_rest_mode`), sdk/python/feast/cli/ui.py (port
 * 8888), ui/public/index.html.
 */
export const feastUi: CatalogEntry = {
  service: 'feast-ui',
  name: 'Feast UI',
  category: 'ml-platform',
  ports: [8888],
  sources: [
    'https://github.com/feast-dev/feast/blob/master/sdk/python/feast/ui_server.py',
    'https://github.com/feast-dev/feast/blob/master/sdk/python/feast/cli/ui.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.66.0-2-gf0bc070 (feast-dev/feast, 2026-08-21)' },
  exposes: 'the feature registry (entities, feature views, data sources with their connection details) and label/push routes that write to the online store',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['<title>Feast Feature Store</title>', 'id="feast-auth-config"'] },
      confirm: { request: { path: '/projects-list.json' }, match: { status: 200, json: [{ path: 'projects[].registryPath', type: 'string' }, { path: 'projects[].id', type: 'string' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/' },
      match: { status: 200, bodyRegex: '"auth_type":\\s*"no_auth"' },
      auth: 'none',
      evidence: 'GET / -> {status} feast-auth-config "auth_type": "no_auth": the registry API needs no token',
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyRegex: '"auth_type":\\s*"(oidc|kubernetes)"' },
      auth: 'required',
      evidence: 'GET / -> {status} feast-auth-config names an OIDC or Kubernetes auth type: the registry API needs a token',
    },
  ],
  // docs "Authorization Manager" (getting-started/components/authz_manager): set `auth` in feature_store.yaml to
  // `oidc` or `kubernetes`; the UI server binds to the --host it is given.
  remediation: {
    fix: 'Set auth in feature_store.yaml (type: oidc or kubernetes) so the registry API needs a token, run feast ui on 127.0.0.1 (--host), and put an authenticating proxy in front of shared access.',
    settings: ['feature_store.yaml auth.type: oidc', 'feature_store.yaml auth.type: kubernetes', 'feast ui --host 127.0.0.1'],
    docs: 'https://docs.feast.dev/getting-started/components/authz_manager',
    allows: ['read-data', 'write-data'],
  },
  inventory: [{ kind: 'project', request: { path: '/projects-list.json' }, match: { status: 200, json: [{ path: 'projects', type: 'array' }] }, json: 'projects[].id' }],
};
