import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Flowise (default port 3000). Every path outside `/api/v1` answers the React index.html with 200,
 * so the page title cannot identify it. `GET /api/v1/ip` is whitelisted in every version (1.x to
 * 3.x) and answers `{"ip": ..., "msg": "Check returned IP address in the response. ... restart
 * Cloud-Hosted Flowise until the IP address matches your own. ..."}`: product text, no echo of
 * the request path.
 * Auth, by generation:
 * - <= 2.0.x without FLOWISE_USERNAME/PASSWORD: no middleware, `GET /api/v1/chatflows` answers the
 *   JSON array of chatflows (open). With them, express-basic-auth answers 401 with an empty body.
 * - 2.1-2.2.x: every non-whitelisted `/api/v1` call without `x-request-from: internal` gets 401
 *   `{"error": "Unauthorized Access"}` whether or not basic auth is configured; the UI sends that
 *   header, and with it the API answers anyone when FLOWISE_USERNAME/PASSWORD are unset (200, the
 *   chatflows) and 401 with an empty body when they are set.
 * - >= 3.0: built-in accounts; `GET /api/v1/settings` (whitelisted, new in 3.0) answers
 *   `{"PLATFORM_TYPE": "open source" | "enterprise" | "cloud"}` and the API needs a login session or
 *   an API key (401 `Unauthorized Access`). A 3.x instance nobody has set up yet lets its first
 *   visitor register the owner account (POST /api/v1/account/register, whitelisted). No GET tells
 *   the two apart; the UI's own first call, `POST /api/v1/auth/resolve` (read-only: it counts
 *   organizations), answers `{"redirectUrl": "/organization-setup"}` until an owner exists and
 *   `/signin` after (`/license-expired` for an unlicensed enterprise build).
 * Evidence: recorded from a running Flowise 3.1.4 (fresh, and with an owner registered) and
 * Flowise 2.2.8 (no credentials, and FLOWISE_USERNAME/PASSWORD) on 2026-12-02
 * (test/fixtures/real/flowise/, `npm run conformance -- flowise`); enterprise/middleware/passport
 * `/api/v1/auth/resolve` read in the installed 3.1.4 package; the <= 2.0.x rules are read from
 * source at tags flowise@1.8.4, flowise@2.0.0 and flowise@2.0.7.
 * Custom JS function nodes run code on the server, hence `critical` when open.
 * Sources (FlowiseAI/Flowise):
 * - packages/server/src/index.ts: `/api/v1/ip`, the `/api/v1` auth middleware, the index.html
 *   catch-all (HEAD, tags flowise@1.8.4, flowise@2.0.0, flowise@2.0.7, flowise@2.2.8).
 * - packages/server/src/utils/constants.ts: `WHITELIST_URLS`.
 * - packages/server/src/services/settings/index.ts, src/Interface.ts (`Platform`).
 * - packages/server/src/services/versions/index.ts: `GET /api/v1/version` -> `{"version"}`.
 */
// The header Flowise's own UI sends on every API call (packages/ui/src/api/client.js); 2.1-2.2.x ask for nothing else.
const UI_HEADER = { 'x-request-from': 'internal' };

export const flowise: CatalogEntry = {
  service: 'flowise',
  name: 'Flowise',
  category: 'agent-builder',
  ports: [3000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/FlowiseAI/Flowise/blob/main/packages/server/src/index.ts',
    'https://github.com/FlowiseAI/Flowise/blob/main/packages/server/src/utils/constants.ts',
    'https://github.com/FlowiseAI/Flowise/blob/main/packages/server/src/services/settings/index.ts',
    'https://github.com/FlowiseAI/Flowise/blob/main/packages/server/src/services/versions/index.ts',
  ],
  checkedAgainst: { evidence: 'recorded', release: '3.1.4 and 2.2.8' },
  exposes: 'chatflows with their embedded credentials, and custom JS nodes that run code on the server',
  identify: [
    { request: { path: '/api/v1/ip' }, match: { status: 200, json: [{ path: 'msg', contains: 'Cloud-Hosted Flowise' }, { path: 'ip', exists: true }] } },
    { request: { path: '/api/v1/settings' }, match: { status: 200, bodyRegex: '^\\s*\\{\\s*"PLATFORM_TYPE"\\s*:\\s*"(open source|enterprise|cloud)"\\s*\\}\\s*$' } },
  ],
  auth: [
    {
      request: { path: '/api/v1/chatflows' },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/v1/chatflows -> {status} without login or API key: {count:[]} chatflows (first: {json:[].name})',
    },
    {
      // The UI's own first call on every load, whitelisted, read-only (counts organizations): the one answer that
      // tells an unclaimed 3.x from a claimed one; no GET differs (recorded, both states).
      request: { method: 'POST', path: '/api/v1/auth/resolve', body: '{}' },
      match: { status: 200, json: [{ path: 'redirectUrl', equals: '/organization-setup' }] },
      auth: 'none',
      evidence: 'POST /api/v1/auth/resolve -> {status} redirectUrl {json:redirectUrl}: no owner account yet, whoever opens the UI first registers it and owns the instance (unclaimed)',
    },
    {
      request: { path: '/api/v1/settings' },
      match: { status: 200, json: [{ path: 'PLATFORM_TYPE', type: 'string' }] },
      auth: 'required',
      evidence: 'Flowise >= 3 ({json:PLATFORM_TYPE}): the API answers 401 Unauthorized Access without a login session or API key',
    },
    {
      request: { path: '/api/v1/chatflows' },
      match: { status: 401, bodyExcludes: ['Unauthorized Access'] },
      auth: 'required',
      evidence: 'GET /api/v1/chatflows -> {status} (FLOWISE_USERNAME/PASSWORD basic auth)',
    },
    // 2.1-2.2.x: the API wants only the UI's own header; basic auth (when configured) answers 401 with an empty body.
    {
      request: { path: '/api/v1/chatflows', headers: UI_HEADER },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/v1/chatflows with the UI\'s own x-request-from: internal header and no credentials -> {status}: {count:[]} chatflows (first: {json:[].name})',
    },
    {
      request: { path: '/api/v1/chatflows', headers: UI_HEADER },
      match: { status: 401, bodyRegex: '^\\s*$' },
      auth: 'required',
      evidence: 'GET /api/v1/chatflows with the UI\'s x-request-from: internal header -> {status} (FLOWISE_USERNAME/PASSWORD basic auth)',
    },
  ],
  version: [{ request: { path: '/api/v1/version' }, json: 'version' }],
  // docs.flowiseai.com configuration/authorization/app-level: email/password accounts from 3.0.1; before that
  // FLOWISE_USERNAME / FLOWISE_PASSWORD (deprecated basic auth).
  remediation: {
    fix: 'Upgrade to Flowise 3.x and set up its email/password admin account (app-level auth); on older releases at least set FLOWISE_USERNAME and FLOWISE_PASSWORD so the API asks for credentials.',
    settings: ['FLOWISE_USERNAME=<user>', 'FLOWISE_PASSWORD=<password>'],
    docs: 'https://docs.flowiseai.com/configuration/authorization/app-level',
    allows: ['run-code', 'spend-api-keys', 'read-data', 'write-data'],
  },
  // The same `GET /api/v1/chatflows` the auth rule reads (cached): a JSON array of ChatFlow rows with `name`.
  inventory: [
    { kind: 'workflow', request: { path: '/api/v1/chatflows' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[].name' },
    { kind: 'workflow', request: { path: '/api/v1/chatflows', headers: UI_HEADER }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[].name' },
  ],
};
