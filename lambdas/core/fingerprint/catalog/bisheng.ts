import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Bisheng (DataElem), an enterprise LLM application and knowledge-base platform: web UI on 3001
 * (nginx, `/api/` proxied to the backend) and the FastAPI backend on 7860, both published by its
 * compose file. Every user route needs the login cookie (JWT).
 * - `GET /api/v1/env` (public, the UI's boot config): `{"status_code": 200, "status_message":
 *   "SUCCESS", "data": {"uns_support": [...], "dialog_tips", "pro", "dashboard_pro", "version",
 *   "enable_etl4lm", "multi_tenant_enabled", "knowledges": {"version_management": {...}}}}`.
 * - `GET /api/v1/user/info` without the cookie: the JWT decode fails and `authjwt_exception_handler`
 *   answers 401 `{"detail": str(exc)}` (the exception args, e.g. `(422, "Invalid token type...")`).
 * Read from source at v2.6.0-12-g0172fb284 (dataelement/bisheng, 2026-07-20): src/backend/bisheng/api/v1/endpoints.py
 * (`get_env`), src/backend/bisheng/api/v1/schemas.py (`resp_200`, `UnifiedResponseModel`), src/backend/bisheng/main.py
 * (`/health`, `authjwt_exception_handler`), src/backend/bisheng/user/api/user.py (`/user/info`),
 * src/backend/bisheng/user/domain/services/auth.py (`get_subject`, `JWTDecodeError`), docker/docker-compose.yml (3001, 7860).
 */
export const bisheng: CatalogEntry = {
  service: 'bisheng',
  name: 'Bisheng',
  category: 'agent-builder',
  ports: [3001],
  sources: [
    'https://github.com/dataelement/bisheng/blob/main/src/backend/bisheng/api/v1/endpoints.py',
    'https://github.com/dataelement/bisheng/blob/main/src/backend/bisheng/main.py',
    'https://github.com/dataelement/bisheng/blob/main/docker/docker-compose.yml',
  ],
  checkedAgainst: { evidence: 'source', release: 'v2.6.0-12-g0172fb284 (dataelement/bisheng, 2026-07-20)' },
  exposes: 'knowledge bases, workflows, assistants and model provider settings, behind its login',
  identify: [
    {
      request: { path: '/api/v1/env' },
      match: {
        status: 200,
        json: [
          { path: 'status_code', equals: 200 },
          { path: 'data.uns_support', type: 'array' },
          { path: 'data.enable_etl4lm', type: 'boolean' },
          { path: 'data.multi_tenant_enabled', type: 'boolean' },
          { path: 'data.knowledges.version_management.enabled', type: 'boolean' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/user/info' },
      match: { status: 401, json: [{ path: 'detail', exists: true }] },
      auth: 'required',
      evidence: 'GET /api/v1/user/info -> {status} without the login cookie',
    },
    {
      request: { path: '/api/v1/user/info' },
      match: { status: 200, json: [{ path: 'data.user_id', exists: true }] },
      auth: 'none',
      evidence: 'GET /api/v1/user/info -> {status} without credentials: a user session is handed out',
    },
  ],
  version: [{ request: { path: '/api/v1/env' }, json: 'data.version' }],
  // README / docs "Deployment": change the admin account after install and keep the backend port (7860) internal.
  remediation: {
    fix: 'Keep Bisheng behind its login with strong admin credentials, publish only the web port (3001) behind HTTPS, and do not expose the backend port 7860 directly.',
    settings: ['docker-compose: remove the "7860:7860" backend port mapping', 'strong admin password'],
    docs: 'https://github.com/dataelement/bisheng#readme',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
