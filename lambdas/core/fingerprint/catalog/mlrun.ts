import type { CatalogEntry } from '../catalog-schema.js';

/**
 * MLRun API (Iguazio's open-source MLOps orchestration: projects, functions, runs, feature store,
 * model monitoring), port 8080. Open source MLRun has no user authentication
 * (`httpdb.authentication.mode` "none"): anyone who reaches the API lists projects, reads their
 * secrets' keys and artifacts, and deploys or runs functions. On the Iguazio platform
 * (`mode: iguazio`) the data routes need a session and answer 401 without it.
 * - `GET /api/v1/client-spec` (public in both modes): the client configuration the SDK pulls
 *   `{"version", "namespace", "docker_registry", "mpijob_crd_version", "kfp_image",
 *   "dask_kfp_image", "nuclio_version", "feature_store_data_prefixes", ...}`.
 * - `GET /api/v1/healthz` (public): `{"version", "status": "ok"}`: the second marker.
 * - Auth: `GET /api/v1/projects` (`authenticate_request`): `{"projects": [...]}` when open.
 * Read from source at v1.7.0-rc45-109-gc43870f (mlrun/mlrun, 2024-10-23): server/api/api/api.py (routers, which carry
 * `authenticate_request`), server/api/api/endpoints/client_spec.py, server/api/api/endpoints/healthz.py,
 * server/api/api/endpoints/projects.py (`list_projects`), mlrun/common/schemas/client_spec.py (`ClientSpec`), mlrun/config.py
 * (httpdb port 8080, authentication mode).
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
      evidence: 'GET /api/v1/projects -> {status} (platform authentication on)',
    },
  ],
  version: [{ request: { path: '/api/v1/client-spec' }, json: 'version' }],
  // docs "Installation" / Kubernetes install notes: the open-source MLRun API has no user authentication; expose it only
  // inside the cluster (ClusterIP) or behind an authenticating gateway; the Iguazio platform adds sessions.
  remediation: {
    fix: 'Open-source MLRun has no user authentication: keep the API service internal to the cluster (ClusterIP, no public NodePort or ingress) or behind an authenticating proxy.',
    settings: ['mlrun-api Service type ClusterIP', 'MLRUN_HTTPDB__AUTHENTICATION__MODE (iguazio on the platform)', 'authenticating reverse proxy'],
    docs: 'https://docs.mlrun.org/en/stable/install/kubernetes.html',
    allows: ['run-code', 'read-data', 'write-data'],
  },
  inventory: [{ kind: 'project', request: { path: '/api/v1/projects' }, match: { status: 200, json: [{ path: 'projects', type: 'array' }] }, json: 'projects[].metadata.name' }],
};
