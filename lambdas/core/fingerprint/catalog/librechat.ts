import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LibreChat. Login is always required (JWT), but `GET /api/config` is public: without a session it
 * answers the pre-login payload `{"appTitle" (default "LibreChat"), "discordLoginEnabled", ...,
 * "openidLabel", "serverDomain", "emailLoginEnabled", "registrationEnabled", "socialLoginEnabled",
 * "emailEnabled", "passwordResetEnabled", "socialLogins": [...]}`. `helpAndFaqURL` ("librechat.ai")
 * is only sent after login in current trees, so the key set identifies it, not that URL.
 * `registrationEnabled` is `ALLOW_REGISTRATION` (true in the shipped .env.example, false when LDAP
 * is on): with it anyone can create an account and chat through the operator's configured
 * endpoints and keys, so it is reported as open. Every path Express does not route answers the SPA
 * index.html with 200; `/health` answers "OK". No version is exposed before login.
 * Sources (danny-avila/LibreChat):
 * - api/server/routes/config.js: `buildPreLoginPayload`, unauthenticated branch of `GET /`.
 * - api/server/index.js: route mounts, `/health`, the index.html catch-all, default port 3080.
 * - packages/data-provider/src/config.ts: `defaultSocialLogins`.
 */
export const librechat: CatalogEntry = {
  service: 'librechat',
  name: 'LibreChat',
  category: 'chat-ui',
  ports: [3080],
  sources: [
    'https://github.com/danny-avila/LibreChat/blob/main/api/server/routes/config.js',
    'https://github.com/danny-avila/LibreChat/blob/main/api/server/index.js',
    'https://github.com/danny-avila/LibreChat/blob/main/packages/data-provider/src/config.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@05adf73 (file-level: api/server/routes/config.js, newest stored version)' },
  exposes: 'chat through the operator-configured model endpoints and API keys, agents and files',
  identify: [
    {
      request: { path: '/api/config' },
      match: {
        status: 200,
        json: [
          { path: 'appTitle', type: 'string' },
          { path: 'registrationEnabled', type: 'boolean' },
          { path: 'socialLoginEnabled', type: 'boolean' },
          { path: 'emailLoginEnabled', type: 'boolean' },
          { path: 'serverDomain', type: 'string' },
          { path: 'socialLogins', type: 'array' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'registrationEnabled', equals: true }] },
      auth: 'none',
      evidence: 'GET /api/config -> {status} with registrationEnabled=true: open self-registration, anyone can create an account and use the configured endpoints',
    },
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'registrationEnabled', equals: false }] },
      auth: 'required',
      evidence: 'GET /api/config -> {status} with registrationEnabled=false: login required, no self-registration',
    },
  ],
  // librechat.ai docs/configuration/authentication: ALLOW_REGISTRATION / ALLOW_SOCIAL_REGISTRATION (users can still be
  // added with the create-user script).
  remediation: {
    fix: 'Turn off open registration (ALLOW_REGISTRATION=false and ALLOW_SOCIAL_REGISTRATION=false in .env) and add users with the create-user script instead.',
    settings: ['ALLOW_REGISTRATION=false', 'ALLOW_SOCIAL_REGISTRATION=false'],
    docs: 'https://www.librechat.ai/docs/configuration/authentication',
    allows: ['spend-api-keys', 'run-inference'],
  },
};
