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
  exposes: 'workflows and their stored credentials; Code and Execute Command nodes run on the host',
  identify: [
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
