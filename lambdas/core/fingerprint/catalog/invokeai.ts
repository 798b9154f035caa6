import type { CatalogEntry } from '../catalog-schema.js';

/**
 * InvokeAI. Single-user mode is the default: every visitor acts as the built-in administrator, who
 * may install custom node packs from a git URL (code execution on the host), hence `critical`. The
 * optional multi-user mode (6.12+) reports its state at `GET /api/v1/auth/status`; `setup_required`
 * true means no administrator exists yet and the first visitor to complete setup becomes one.
 * Releases before the auth router answer 404 there and have no authentication at all.
 * Sources (invoke-ai/InvokeAI):
 * - invokeai/app/api/routers/auth.py `get_setup_status` (`setup_required`, `multiuser_enabled`,
 *   `strict_password_checking`, `admin_email`).
 * - invokeai/app/api/routers/app_info.py: `GET /api/v1/app/version` -> `{"version": ...}`.
 * - invokeai/app/api/routers/custom_nodes.py: `install_custom_node_pack` (git clone + load), admin only.
 * - invokeai/app/services/config/config_default.py: `port` 9090, `multiuser` default False.
 * - invokeai/frontend/web/index.html: `<title>Invoke - Community Edition</title>`; api_app.py mounts it at `/`.
 */
export const invokeai: CatalogEntry = {
  service: 'invokeai',
  name: 'InvokeAI',
  category: 'image-generation',
  ports: [9090],
  openSeverity: 'critical',
  sources: [
    'https://github.com/invoke-ai/InvokeAI/blob/main/invokeai/app/api/routers/auth.py',
    'https://github.com/invoke-ai/InvokeAI/blob/main/invokeai/app/api/routers/app_info.py',
    'https://github.com/invoke-ai/InvokeAI/blob/main/invokeai/app/api/routers/custom_nodes.py',
    'https://github.com/invoke-ai/InvokeAI/blob/main/invokeai/app/services/config/config_default.py',
    'https://github.com/invoke-ai/InvokeAI/blob/main/invokeai/frontend/web/index.html',
  ],
  checkedAgainst: { evidence: 'source', release: 'v6.11.0.rc1-406-g8e71a8a519 (2026-08-19)' },
  exposes: 'image generation queue, models, gallery, and custom node pack installation (code execution)',
  identify: [{ request: { path: '/' }, match: { status: 200, bodyContains: ['<title>Invoke - Community Edition</title>'] } }],
  auth: [
    {
      request: { path: '/api/v1/auth/status' },
      match: { status: 200, json: [{ path: 'multiuser_enabled', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/v1/auth/status -> {status} multiuser_enabled:false: single-user mode, every visitor is administrator',
    },
    {
      request: { path: '/api/v1/auth/status' },
      match: { status: 200, json: [{ path: 'multiuser_enabled', equals: true }, { path: 'setup_required', equals: true }] },
      auth: 'none',
      evidence: 'GET /api/v1/auth/status -> {status} setup_required:true: unclaimed, the first visitor to complete setup becomes admin',
    },
    {
      request: { path: '/api/v1/auth/status' },
      match: { status: 200, json: [{ path: 'multiuser_enabled', equals: true }, { path: 'setup_required', equals: false }] },
      auth: 'required',
      evidence: 'GET /api/v1/auth/status -> {status} multi-user mode with an administrator: login required',
    },
    {
      request: { path: '/api/v1/app/version' },
      match: { status: 200, json: [{ path: 'version', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/v1/app/version -> {status} on a release without multi-user auth (no login exists)',
    },
  ],
  version: [{ request: { path: '/api/v1/app/version' }, json: 'version' }],
  // invoke-ai.github.io/InvokeAI/multiuser/admin_guide: `multiuser: true` in INVOKEAI_ROOT/invokeai.yaml turns on accounts
  // (6.12+), the first visitor then sets up the administrator; config_default.py `host` is the bind address.
  remediation: {
    fix: "Turn on InvokeAI's multi-user mode (multiuser: true in invokeai.yaml, 6.12+) and create the administrator account immediately; on older releases, which have no login, bind to localhost (host: 127.0.0.1) and put an authenticating reverse proxy in front.",
    settings: ['multiuser: true', 'host: 127.0.0.1'],
    docs: 'https://invoke-ai.github.io/InvokeAI/multiuser/admin_guide',
    allows: ['run-code', 'pull-models', 'write-data', 'admin'],
  },
  // invokeai/app/api/routers/model_manager.py: `GET /api/v2/models/` (`list_model_records`) answers `ModelsList`
  // `{"models": [{"key", "name", "base", "type", ...}]}`.
  inventory: [{ kind: 'model', request: { path: '/api/v2/models/' }, json: 'models[].name' }],
};
