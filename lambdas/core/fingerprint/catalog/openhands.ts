import type { CatalogEntry } from '../catalog-schema.js';

/**
 * OpenHands (ex-OpenDevin), an AI software engineer that runs commands in a sandbox, port 3000.
 * The open-source server runs in `APP_MODE` "oss": one local user and no login
 * (DefaultUserAuth), so whoever reaches it drives the agent, its sandbox shell and the stored LLM
 * keys. The hosted "saas" mode authenticates users.
 * - `GET /api/options/config` (public in both modes, the UI reads it before login):
 *   `{"APP_MODE", "GITHUB_CLIENT_ID", "POSTHOG_CLIENT_KEY", "FEATURE_FLAGS": {"ENABLE_BILLING",
 *   "HIDE_LLM_SETTINGS", ...}}`: OpenHands's own statement of its mode.
 * - `GET /api/options/agents`: the sorted agent names, `CodeActAgent` among them (confirms).
 * Read from source (All-Hands-AI/OpenHands at 04bdea5; read through the code index): openhands/server/routes/public.py
 * (`/api/options/models|agents|security-analyzers|config`), openhands/server/config/server_config.py (`get_config`,
 * DefaultUserAuth), openhands/server/routes/health.py.
 */
export const openhands: CatalogEntry = {
  service: 'openhands',
  name: 'OpenHands',
  category: 'agent-builder',
  ports: [3000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/All-Hands-AI/OpenHands/blob/main/openhands/server/routes/public.py',
    'https://github.com/All-Hands-AI/OpenHands/blob/main/openhands/server/config/server_config.py',
  ],
  checkedAgainst: { evidence: 'source', release: '04bdea5' },
  exposes: 'a coding agent with a sandbox shell (command execution), its conversations and stored LLM keys',
  identify: [
    {
      request: { path: '/api/options/config' },
      match: { status: 200, json: [{ path: 'APP_MODE', type: 'string' }, { path: 'FEATURE_FLAGS.ENABLE_BILLING', type: 'boolean' }, { path: 'FEATURE_FLAGS.HIDE_LLM_SETTINGS', type: 'boolean' }] },
      confirm: { request: { path: '/api/options/agents' }, match: { status: 200, json: [{ path: '', type: 'array' }], bodyContains: ['"CodeActAgent"'] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/options/config' },
      match: { status: 200, json: [{ path: 'APP_MODE', equals: 'oss' }] },
      auth: 'none',
      evidence: 'GET /api/options/config -> {status} "APP_MODE": "oss": single-user server without a login',
    },
    {
      request: { path: '/api/options/config' },
      match: { status: 200, json: [{ path: 'APP_MODE', equals: 'saas' }] },
      auth: 'required',
      evidence: 'GET /api/options/config -> {status} "APP_MODE": "saas" (users authenticate)',
    },
  ],
  // docs "Running OpenHands" / "Local setup": the OSS server is single-user with no login: bind the published port to
  // 127.0.0.1 (docker run -p 127.0.0.1:3000:3000) or put an authenticating proxy in front.
  remediation: {
    fix: 'The open-source OpenHands server has no login: publish it on 127.0.0.1 only (-p 127.0.0.1:3000:3000) and reach it through an authenticating reverse proxy or VPN.',
    settings: ['-p 127.0.0.1:3000:3000', 'authenticating reverse proxy'],
    docs: 'https://docs.all-hands.dev/usage/local-setup',
    allows: ['run-code', 'spend-api-keys', 'read-data'],
  },
};
