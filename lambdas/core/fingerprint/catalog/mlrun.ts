import type { CatalogEntry } from '../catalog-schema.js';

/**
 * MLRun API (Iguazio's open-source MLOps orchestration: projects, functions, runs, feature store,
 * model monitoring), port 8080. `httpdb.authentication.mode` is "none" by default: anyone who
 * reaches the API lists projects, reads their artifacts and deploys or runs functions. The other
 * modes (`basic` with a username and password, `bearer` with a token, `iguazio` sessions on the
 * platform) make the data routes answer 401 (`MLRunUnauthorizedError`) without them.
 * - `GET /api/v1/client-spec` (public in both modes): the client configuration the SDK pulls
 *   `{"version", "namespace", "docker_registry", "mpijob_crd_version", "kfp_image",
 *   "dask_kfp_image", "nuclio_version", "feature_store_data_prefixes", ...}`.
 * - `GET /api/v1/healthz` (public): `{"version", "status": "ok"}`: the second marker.
 * - Auth: `GET /api/v1/projects` (`authenticate_request`): `{"projects": [...]}` when open.
 * Read from source at v1.7.0-rc45-109-gc43870f (mlrun/mlrun, 2024-10-23): server/api/api/api.py (routers, which carry
 * `authenticate_request`), server/api/api/endpoints/client_spec.py, server/api/api/endpoints/healthz.py,
 * server/api/api/endpoints/projects.py (`list_projects`), server/api/utils/auth/verifier.py (`authenticate_request`),
 * mlrun/common/schemas/client_spec.py (`ClientSpec`), mlrun/config.py (httpdb port 8080, `authentication.mode` none | basic | bearer | iguazio).
 */
export const mlrun: CatalogEntry = {
  service: 'mlrun',
  name: 'MLRun API',
  category: 'ml-platform',
  ports: [8080],
  openSeverity: 'critical',
  sources: [
    'https://github.com/mlrun/mlrun/blob/development/server/api/api/endpoints/client_spec.py',
    'https://github.com/mlrun/mlrun/blob/development/server/api/api/api.py',
    'https://github.com/mlrun/mlrun/blob/development/mlrun/common/schemas/client_spec.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.7.0-rc45-109-gc43870f (mlrun/mlrun, 2024-10-23)' },
  exposes: 'projects, functions, runs, artifacts, feature sets and model endpoints; function deployment and runs (code execution)',
  identify: [
    {
      request: { path: '/api/v1/client-spec' },
      match: {
        status: 200,
        json: [{ path: 'mpijob_crd_version', exists: true }, { path: 'kfp_image', exists: true }, { path: 'dask_kfp_image', exists: true }, { path: 'nuclio_version', exists: true }],
      },
      confirm: { request: { path: '/api/v1/healthz' }, match: { status: 200, json: [{ path: 'status', equals: 'ok' }, { path: 'version', exists: true }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/projects' },
      match: { status: 200, json: [{ path: 'projects', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/v1/projects -> {status}: {count:projects[]} projects listed without a login (authentication mode none)',
    },
    {
      request: { path: '/api/v1/projects' },
      match: { status: [401, 403] },
      auth: 'required',
      evidence: 'GET /api/v1/projects -> {status} (basic, bearer or Iguazio authentication on)',
    },
  ],
  version: [{ request: { path: '/api/v1/client-spec' }, json: 'version' }],
  // mlrun/config.py httpdb.authentication (none | basic | bearer | iguazio; env MLRUN_HTTPDB__AUTHENTICATION__*) and the
  // Kubernetes install docs: keep the API internal to the cluster.
  remediation: {
    fix: 'Turn on API authentication (httpdb.authentication.mode basic with a username and password, or bearer with a token) and keep the API service internal to the cluster (ClusterIP, no public NodePort or ingress).',
    settings: ['MLRUN_HTTPDB__AUTHENTICATION__MODE=basic', 'MLRUN_HTTPDB__AUTHENTICATION__BASIC__USERNAME / __PASSWORD', 'MLRUN_HTTPDB__AUTHENTICATION__MODE=bearer with MLRUN_HTTPDB__AUTHENTICATION__BEARER__TOKEN', 'mlrun-api Service type ClusterIP'],
    docs: 'https://docs.mlrun.org/en/stable/install/kubernetes.html',
    allows: ['run-code', 'read-data', 'write-data'],
  },
  inventory: [{ kind: 'project', request: { path: '/api/v1/projects' }, match: { status: 200, json: [{ path: 'projects', type: 'array' }] }, json: 'projects[].metadata.name' }],
};
