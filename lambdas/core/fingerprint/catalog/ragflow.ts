import type { CatalogEntry } from '../catalog-schema.js';

/**
 * RAGFlow (docker: nginx on 80/443 serves the SPA and proxies `/v1` and `/api` to the API server on
 * 9380). The health check is public and names RAGFlow's own components:
 * `{"db": "ok", "redis": "ok", "doc_engine": "ok", "storage": "ok", "status": "ok"}` (500 with
 * "nok" values and a `_meta` object when one is down). It lives at `/v1/system/healthz` in
 * v0.21-v0.24 and at `/api/v1/system/healthz` from v0.25.1, which keeps the old path as a deprecated
 * alias. The web UI is an SPA behind `try_files ... /index.html`, so every other path answers 200
 * HTML; API 404s are JSON that quote the path.
 * Auth: login (or an API token) is always required, but self-registration is on by default
 * (`REGISTER_ENABLED=1`), read from the public `GET /api/v1/system/config` (`/v1/system/config`
 * before v0.25) as `{"code": 0, "data": {"registerEnabled": 1|0, ...}, "message": "success"}`:
 * with it on anyone can create an account and use the instance's default models.
 * Version: `GET /api/v1/system/version` is public from v0.25.2 (`{"code": 0, "data": "v0.27.0"}`).
 * Sources (infiniflow/ragflow):
 * - api/apps/restful_apis/system_api.py: `/system/healthz`, `/system/config`, `/system/version`.
 * - api/apps/backward_compat.py: legacy `/v1/system/healthz`, `legacy_v1_manager` at `/v1`.
 * - api/utils/health_utils.py: `run_health_checks`; api/utils/api_utils.py: `get_json_result`.
 * - api/apps/__init__.py: URL prefixes, 404 handler; common/settings.py: `REGISTER_ENABLED`.
 * - docker/nginx/ragflow.conf.python; web/index.html (`<title>RAGFlow</title>`).
 * - tags v0.20.0-v0.27.0 api/apps/system_app.py for the older paths.
 */
export const ragflow: CatalogEntry = {
  service: 'ragflow',
  name: 'RAGFlow',
  category: 'chat-ui',
  ports: [80, 443, 9380],
  sources: [
    'https://github.com/infiniflow/ragflow/blob/main/api/apps/restful_apis/system_api.py',
    'https://github.com/infiniflow/ragflow/blob/main/api/apps/backward_compat.py',
    'https://github.com/infiniflow/ragflow/blob/main/api/utils/health_utils.py',
    'https://github.com/infiniflow/ragflow/blob/main/api/apps/__init__.py',
    'https://github.com/infiniflow/ragflow/blob/main/docker/nginx/ragflow.conf.python',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.27.0-109-gb1b8cd6235 (2026-08-22)' },
  exposes: 'knowledge bases, parsed documents, chat assistants and agents with their model keys',
  identify: [
    {
      request: { path: '/v1/system/healthz' },
      match: { status: [200, 500], json: [{ path: 'doc_engine', type: 'string' }, { path: 'db', type: 'string' }, { path: 'storage', type: 'string' }] },
    },
    {
      request: { path: '/api/v1/system/healthz' },
      match: { status: [200, 500], json: [{ path: 'doc_engine', type: 'string' }, { path: 'db', type: 'string' }, { path: 'storage', type: 'string' }] },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/system/config' },
      match: { status: 200, json: [{ path: 'data.registerEnabled', equals: 1 }] },
      auth: 'none',
      evidence: 'GET /api/v1/system/config -> {status} registerEnabled=1: open self-registration, anyone can sign up and use the instance',
    },
    {
      request: { path: '/api/v1/system/config' },
      match: { status: 200, json: [{ path: 'data.registerEnabled', equals: 0 }] },
      auth: 'required',
      evidence: 'GET /api/v1/system/config -> {status} registerEnabled=0: login required, no self-registration',
    },
    {
      request: { path: '/v1/system/config' },
      match: { status: 200, json: [{ path: 'data.registerEnabled', equals: 1 }] },
      auth: 'none',
      evidence: 'GET /v1/system/config -> {status} registerEnabled=1: open self-registration, anyone can sign up and use the instance',
    },
    {
      request: { path: '/v1/system/config' },
      match: { status: 200, json: [{ path: 'data.registerEnabled', equals: 0 }] },
      auth: 'required',
      evidence: 'GET /v1/system/config -> {status} registerEnabled=0: login required, no self-registration',
    },
  ],
  version: [
    { request: { path: '/api/v1/system/version' }, match: { status: 200, json: [{ path: 'code', equals: 0 }] }, json: 'data', regex: '^v?(\\d[\\w.+-]*)' },
  ],
  // docs/administrator/configurations/configurations.md (infiniflow/ragflow) "User Registration": REGISTER_ENABLED
  // 1 (default) enables sign-up, 0 disables it (docker/.env).
  remediation: {
    fix: 'Turn off self-registration (REGISTER_ENABLED=0 in docker/.env) and restart the containers, after creating the accounts you need.',
    settings: ['REGISTER_ENABLED=0'],
    docs: 'https://ragflow.io/docs/configurations',
    allows: ['spend-api-keys', 'run-inference'],
  },
};
