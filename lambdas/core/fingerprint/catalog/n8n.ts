import type { CatalogEntry } from '../catalog-schema.js';

/**
 * n8n (default port 5678). `GET /rest/settings` is public (`allowUnauthenticated`): current trees
 * answer the public subset `getPublicSettings()` to anonymous callers, older ones the full frontend
 * settings, both wrapped by the response helper as `{"data": {...}}` and both with `versionCli`,
 * `instanceId` and `userManagement: {"showSetupOnFirstLoad", "smtpSetup", "authenticationMethod",
 * "quota"}`. `showSetupOnFirstLoad: true` means no owner account exists yet: whoever opens the
 * editor first sets up the owner (`POST /rest/owner/setup`) and gets a Code node that runs on the
 * host, hence `critical`. Old 0.x installs without user management served `GET /rest/workflows`
 * (`{"data": [...]}`) to anyone. The editor UI is served for other paths when the client accepts
 * HTML or sends a wildcard Accept.
 * Sources (n8n-io/n8n):
 * - packages/cli/src/server.ts: `configureSettingsRoute` (public vs full settings), history-API
 *   fallback to index.html.
 * - packages/cli/src/services/frontend.service.ts and its test (`getPublicSettings` expected shape).
 * - packages/cli/src/response-helper.ts: `sendSuccessResponse` wraps bodies in `{"data": ...}`.
 * - google/tsunami-security-scanner-plugins N8N exposed REST API detector (0.x `/rest/workflows`).
 * Evidence: recorded from a running n8n 2.40.7 (npm, on Node 24, sqlite) on 2026-12-02, unclaimed
 * and with the owner set up (test/fixtures/real/n8n/, `npm run conformance -- n8n`): anonymous
 * `GET /rest/settings` answers `{"data": {"settingsMode": "public", "defaultLocale",
 * "userManagement": {"authenticationMethod", "showSetupOnFirstLoad", "smtpSetup",
 * "passwordMinLength"}, "sso", "authCookie", "previewMode", "enterprise", "communityNodesEnabled"}}`
 * (services/frontend.service.ts `getPublicSettings` in the installed 2.40.7): no `versionCli`, so
 * the old identify rule matched nothing. `showSetupOnFirstLoad` is true until POST
 * /rest/owner/setup, false after. The version is only in index.html, base64-encoded in the
 * `n8n:config:sentry` meta (`"release":"n8n@2.40.7"`), which no rule can read: no version on 2.x.
 * The versionCli rule and `/rest/workflows` (0.x) are read from source, not recorded.
 */
export const n8n: CatalogEntry = {
  service: 'n8n',
  name: 'n8n',
  category: 'agent-builder',
  ports: [5678],
  openSeverity: 'critical',
  sources: [
    'https://github.com/n8n-io/n8n/blob/master/packages/cli/src/server.ts',
    'https://github.com/n8n-io/n8n/blob/master/packages/cli/src/services/frontend.service.ts',
    'https://github.com/n8n-io/n8n/blob/master/packages/cli/src/services/__tests__/frontend.service.test.ts',
    'https://github.com/n8n-io/n8n/blob/master/packages/cli/src/response-helper.ts',
  ],
  checkedAgainst: { evidence: 'recorded', release: '2.40.7' },
  exposes: 'workflows and their stored credentials; Code and Execute Command nodes run on the host',
  identify: [
    // 2.x (recorded): the public settings carry no version or instance id, only n8n's own settings keys.
    {
      request: { path: '/rest/settings' },
      match: {
        status: 200,
        json: [
          { path: 'data.settingsMode', equals: 'public' },
          { path: 'data.userManagement.showSetupOnFirstLoad', type: 'boolean' },
          { path: 'data.userManagement.authenticationMethod', type: 'string' },
        ],
      },
    },
    // Older trees (read from source): the settings carry versionCli.
    {
      request: { path: '/rest/settings' },
      match: { status: 200, json: [{ path: 'data.versionCli', type: 'string' }, { path: 'data.userManagement', type: 'object' }] },
    },
  ],
  auth: [
    {
      request: { path: '/rest/settings' },
      match: { status: 200, json: [{ path: 'data.userManagement.showSetupOnFirstLoad', equals: true }] },
      auth: 'none',
      evidence: 'GET /rest/settings -> {status} with showSetupOnFirstLoad=true: unclaimed, no owner yet, the first visitor becomes owner',
    },
    {
      request: { path: '/rest/workflows' },
      match: { status: 200, json: [{ path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /rest/workflows -> {status} without a session: {count:data[]} workflows (first: {json:data[].name})',
    },
    {
      request: { path: '/rest/settings' },
      match: { status: 200, json: [{ path: 'data.userManagement.showSetupOnFirstLoad', equals: false }] },
      auth: 'required',
      evidence: 'GET /rest/settings -> {status} with showSetupOnFirstLoad=false: owner set up, login required',
    },
  ],
  version: [{ request: { path: '/rest/settings' }, json: 'data.versionCli' }],
  // docs.n8n.io/hosting/configuration/environment-variables/deployment: N8N_LISTEN_ADDRESS is the bind address; an
  // unclaimed instance (showSetupOnFirstLoad) lets the first visitor create the owner account.
  remediation: {
    fix: 'Claim the instance now by creating the owner account at /setup; keep n8n bound to localhost (N8N_LISTEN_ADDRESS=127.0.0.1) or behind an authenticating proxy until the owner exists.',
    settings: ['N8N_LISTEN_ADDRESS=127.0.0.1'],
    docs: 'https://docs.n8n.io/hosting/configuration/environment-variables/deployment',
    allows: ['run-code', 'read-data', 'admin'],
  },
};
