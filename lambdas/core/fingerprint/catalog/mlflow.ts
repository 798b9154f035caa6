import type { CatalogEntry } from '../catalog-schema.js';

/**
 * MLflow tracking server. No auth by default. The optional basic-auth app
 * (`mlflow server --app-name basic-auth`) answers every path except `/static*`, `/favicon.ico` and
 * `/health*` with 401 + `WWW-Authenticate: Basic realm="mlflow"` and a body pointing at MLflow's
 * auth docs, which identifies a locked server. (MLflow >= 3.5 may also refuse an unexpected Host
 * header; such a refusal matches no rule here and yields `unknown`.)
 * Sources (mlflow/mlflow):
 * - mlflow/server/auth/__init__.py: `is_unprotected_route`, `make_basic_auth_response`.
 * - mlflow/server/__init__.py: `GET /version` -> plain version string; `GET /` serves the UI.
 * - mlflow/protos/service.proto: `searchExperiments` served on GET and POST `/mlflow/experiments/search`
 *   (under `/api/2.0` and `/ajax-api/2.0`), answer `{"experiments":[{"experiment_id","name",
 *   "artifact_location","lifecycle_stage",...}],"next_page_token"}`.
 * - mlflow/server/js/public/index.html: `<title>MLflow</title>`.
 */
export const mlflow: CatalogEntry = {
  service: 'mlflow',
  name: 'MLflow tracking server',
  category: 'ml-platform',
  ports: [5000],
  sources: [
    'https://github.com/mlflow/mlflow/blob/master/mlflow/server/auth/__init__.py',
    'https://github.com/mlflow/mlflow/blob/master/mlflow/server/__init__.py',
    'https://github.com/mlflow/mlflow/blob/master/mlflow/protos/service.proto',
    'https://github.com/mlflow/mlflow/blob/master/mlflow/server/js/public/index.html',
  ],
  checkedAgainst: { evidence: 'source', release: 'master@001cc17 (file-level: server/auth/__init__.py), 96ee048 (js/public/index.html), 17939d3 (auth/basic_auth.ini)' },
  exposes: 'experiments, runs, parameters, artifacts and registered models (read and write)',
  identify: [
    { request: { path: '/' }, match: { status: 200, bodyContains: ['<title>MLflow</title>'] } },
    {
      request: { path: '/api/2.0/mlflow/experiments/search?max_results=1' },
      match: { status: 200, json: [{ path: 'experiments[].artifact_location', type: 'string' }, { path: 'experiments[].lifecycle_stage', type: 'string' }] },
    },
    {
      request: { path: '/' },
      match: { status: 401, bodyContains: ['mlflow.org/docs'], headers: [{ name: 'www-authenticate', contains: 'realm="mlflow"' }] },
    },
  ],
  auth: [
    {
      request: { path: '/api/2.0/mlflow/experiments/search?max_results=1' },
      match: { status: 200, json: [{ path: 'experiments', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/2.0/mlflow/experiments/search -> {status} without credentials (first experiment: {json:experiments[].name})',
    },
    {
      request: { path: '/api/2.0/mlflow/experiments/search?max_results=1' },
      match: { status: 401, headers: [{ name: 'www-authenticate', contains: 'realm="mlflow"' }] },
      auth: 'required',
      evidence: 'GET /api/2.0/mlflow/experiments/search -> {status} Basic realm="mlflow" (MLflow basic-auth app)',
    },
  ],
  version: [{ request: { path: '/version' }, regex: '^\\s*(\\d+\\.\\d+\\.\\d+[\\w.+-]*)\\s*$' }],
  // The default admin account of MLflow's basic-auth app: mlflow/server/auth/basic_auth.ini
  // (admin_username = admin, admin_password = password1234), documented in docs/source/auth/index.rst.
  defaultCredentials: [
    {
      credential: 'admin/password1234 (MLflow basic-auth app default, basic_auth.ini)',
      request: { path: '/api/2.0/mlflow/experiments/search?max_results=1', headers: { authorization: 'Basic YWRtaW46cGFzc3dvcmQxMjM0' } },
      match: { status: 200, json: [{ path: 'experiments', type: 'array' }] },
    },
  ],
  // docs self-hosting/security/basic-http-auth: `mlflow server --app-name basic-auth` with
  // MLFLOW_FLASK_SERVER_SECRET_KEY; the default admin (admin/password1234) must be changed.
  remediation: {
    fix: "Start the tracking server with MLflow's basic-auth app (mlflow server --app-name basic-auth, MLFLOW_FLASK_SERVER_SECRET_KEY set) and change the default admin password (admin/password1234) right away.",
    settings: ['mlflow server --app-name basic-auth', 'MLFLOW_FLASK_SERVER_SECRET_KEY=<secret>'],
    docs: 'https://mlflow.org/docs/latest/self-hosting/security/basic-http-auth',
    allows: ['read-data', 'write-data'],
  },
  // service.proto `searchExperiments` (GET): the auth probe asks for one experiment only, so the listing asks for a
  // page of 1000 (SEARCH_MAX_RESULTS_DEFAULT) and reads `experiments[].name`.
  inventory: [{ kind: 'experiment', request: { path: '/api/2.0/mlflow/experiments/search?max_results=1000' }, json: 'experiments[].name' }],
};
