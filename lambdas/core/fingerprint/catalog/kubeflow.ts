import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Kubeflow Central Dashboard. The dashboard has no login of its own: it trusts an identity header
 * set by the auth proxy in front (oauth2-proxy/Dex in the standard manifests) and falls back to the
 * user `anonymous@kubeflow.org` when the header is missing. Reached without that proxy,
 * `GET /api/workgroup/env-info` answers the anonymous "basic environment": every namespace and
 * `isClusterAdmin: true`. The page itself is served for every non-API path with
 * `<title>Kubeflow Central Dashboard</title>` (a catch-all, so it does not identify); unknown `/api`
 * paths get the dashboard's own 404 `{"error":"Could not find the route you're looking for"}`,
 * which does. With the standard proxy in front, unauthenticated requests are redirected to the IdP
 * and the dashboard cannot be told apart from any other oauth2-proxy site, so no auth-required
 * state is claimed here (and the manifests' Dex demo user can only be tried with a form POST).
 * Sources (kubeflow/dashboard, formerly kubeflow/kubeflow components/centraldashboard):
 * - components/centraldashboard/app/server.ts: `PORT_1 = 8082`, routes, SPA fallback, `/api` 404.
 * - components/centraldashboard/app/attach_user_middleware.ts: `anonymous@kubeflow.org` fallback.
 * - components/centraldashboard/app/api_workgroup.ts: `GET /env-info`, `getBasicEnvironment`
 *   (`isClusterAdmin: true`, all namespaces).
 * - components/centraldashboard/app/k8s_service.ts: `platform.kubeflowVersion` ('unknown' when the
 *   Application CR is missing), `logoutUrl`.
 * - components/centraldashboard/public/index.html: page title.
 * Kubeflow Pipelines' own UI server (`ml-pipeline-ui`, reached standalone by port-forward to 8080 or
 * on its container port 3000) is a different Express app: `GET /apis/v2beta1/healthz` (and
 * `/apis/v1beta1/healthz` on 1.x) is its own handler, answering `{"buildDate",
 * "frontendCommitHash", "frontendTagName", "apiServerReady", ...}` and, once the API server
 * answers, `"apiServerMultiUser"`/`"multi_user"`. Single-user (standalone) mode has no
 * authentication anywhere: anyone can upload and run pipelines; multi-user mode authorizes by the
 * identity header Kubeflow's auth proxy sets.
 * Sources (kubeflow/pipelines):
 * - frontend/server/app.ts: healthz registered before the API proxy; `/apis/<version>/*` proxied.
 * - frontend/server/handlers/healthz.ts: `HealthzStats`, `getBuildMetadata`, `getHealthzHandler`.
 * - frontend/server/configs.ts: port 3000, `apiVersionPrefix`.
 * Evidence: read from source at kubeflow/pipelines master (2026-12; healthz.ts 0029bf50,
 * configs.ts 054dc674), release not pinned; not recorded (no Kubernetes here).
 */
// Kubeflow Pipelines UI server healthz: v2beta1 on 2.x (and on master, where it is the legacy prefix), v1beta1 on 1.x.
const KFP_HEALTHZ = ['/apis/v2beta1/healthz', '/apis/v1beta1/healthz'];

export const kubeflow: CatalogEntry = {
  service: 'kubeflow',
  name: 'Kubeflow (Central Dashboard, Pipelines UI)',
  category: 'ml-platform',
  // 8082: the Central Dashboard; 8080: the docs' port-forward to either; 3000: the Pipelines UI server's own port (configs.ts).
  ports: [8082, 8080, 3000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/kubeflow/dashboard/blob/main/components/centraldashboard/app/server.ts',
    'https://github.com/kubeflow/dashboard/blob/main/components/centraldashboard/app/attach_user_middleware.ts',
    'https://github.com/kubeflow/dashboard/blob/main/components/centraldashboard/app/api_workgroup.ts',
    'https://github.com/kubeflow/dashboard/blob/main/components/centraldashboard/app/k8s_service.ts',
    'https://github.com/kubeflow/dashboard/blob/main/components/centraldashboard/public/index.html',
    'https://github.com/kubeflow/pipelines/blob/master/frontend/server/app.ts',
    'https://github.com/kubeflow/pipelines/blob/master/frontend/server/handlers/healthz.ts',
    'https://github.com/kubeflow/pipelines/blob/master/frontend/server/configs.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'kubeflow/pipelines master (2026-12, healthz.ts 0029bf50)' },
  exposes: 'namespaces, notebooks and pipelines of the cluster (notebook servers and pipeline runs execute code)',
  identify: [
    // The SPA page answers every non-API path alike (a catch-all), so the page title cannot identify;
    // the dashboard's own API 404 text does.
    {
      request: { path: '/api' },
      match: {
        status: 404,
        json: [{ path: 'error', equals: "Could not find the route you're looking for" }],
        headers: [{ name: 'x-powered-by', contains: 'Express' }],
      },
    },
    // Kubeflow Pipelines UI server: its own healthz document (frontend build fields plus the API server's state).
    ...KFP_HEALTHZ.map((path) => ({
      request: { path },
      match: { status: 200, json: [{ path: 'frontendCommitHash', type: 'string' as const }, { path: 'apiServerReady', type: 'boolean' as const }] },
    })),
  ],
  auth: [
    ...KFP_HEALTHZ.flatMap((path) => [
      {
        request: { path },
        match: { status: 200, json: [{ path: 'frontendCommitHash', type: 'string' as const }, { path: 'apiServerMultiUser', equals: false }] },
        auth: 'none' as const,
        evidence: `GET ${path} -> {status}: Kubeflow Pipelines in single-user (standalone) mode, no authentication: anyone can upload and run pipelines`,
      },
      {
        request: { path },
        match: { status: 200, json: [{ path: 'frontendCommitHash', type: 'string' as const }, { path: 'apiServerMultiUser', equals: true }] },
        auth: 'required' as const,
        evidence: `GET ${path} -> {status}: Kubeflow Pipelines in multi-user mode, requests need the identity header of Kubeflow's auth proxy`,
      },
    ]),
    {
      request: { path: '/api/workgroup/env-info' },
      match: { status: 200, json: [{ path: 'user', equals: 'anonymous@kubeflow.org' }, { path: 'platform', type: 'object' }] },
      auth: 'none',
      evidence:
        'GET /api/workgroup/env-info -> {status}: no identity proxy, visitor is {json:user} with isClusterAdmin {json:isClusterAdmin} over {count:namespaces[]} namespaces',
    },
    {
      request: { path: '/api/workgroup/env-info' },
      match: { status: 200, json: [{ path: 'platform', type: 'object' }, { path: 'user', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/workgroup/env-info -> {status} without credentials as {json:user} ({count:namespaces[]} namespaces)',
    },
  ],
  version: [
    { request: { path: '/api/workgroup/env-info' }, json: 'platform.kubeflowVersion', regex: '^v?(\\d+\\.\\d+[\\w.+-]*)$' },
    ...KFP_HEALTHZ.map((path) => ({ request: { path }, json: 'frontendTagName', regex: '^v?(\\d+\\.\\d+[\\w.+-]*)$' })),
  ],
  // components/centraldashboard/app/server.ts: the dashboard trusts the identity header named by USERID_HEADER
  // (kubeflow-userid in the kubeflow/manifests deployment, set by the oauth2-proxy + Dex auth chain); no login of its own.
  remediation: {
    fix: "Neither the Central Dashboard nor a standalone Kubeflow Pipelines UI has a login of its own: never expose centraldashboard (8082) or ml-pipeline-ui directly; reach them only through the Istio ingress gateway with the manifests' oauth2-proxy and Dex auth chain (multi-user mode), or by kubectl port-forward.",
    settings: ['USERID_HEADER=kubeflow-userid'],
    docs: 'https://github.com/kubeflow/manifests/blob/master/README.md',
    allows: ['run-code', 'read-data', 'write-data', 'admin'],
  },
  // The same `GET /api/workgroup/env-info` the auth rules read (cached): api_workgroup.ts `namespaces[].namespace`
  // (the profiles, one namespace per team or user).
  inventory: [{ kind: 'project', request: { path: '/api/workgroup/env-info' }, json: 'namespaces[].namespace' }],
};
