import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Langfuse (LLM observability; Next.js web container on 3000). A login is always required, but
 * self-signup is open unless `AUTH_DISABLE_SIGNUP=true`: the server-rendered sign-in page
 * (`<title>Sign in | Langfuse</title>`) carries its `getServerSideProps` result in `__NEXT_DATA__`,
 * including `"signUpDisabled":false|true` and the enabled `authProviders`. Open signup lets anyone
 * create an account (and, with a default organization configured, join it), so it is reported as
 * `none`. `GET /api/public/health` answers `{"status":"OK","version":"x.y.z"}` without credentials
 * (too generic to identify on its own, used for the version).
 * Sources (langfuse/langfuse):
 * - web/src/pages/auth/sign-in.tsx: `getServerSideProps` (`authProviders`, `signUpDisabled:
 *   env.AUTH_DISABLE_SIGNUP === "true"`), `<title>Sign in | Langfuse</title>`.
 * - web/src/pages/auth/sign-up.tsx: re-exports the same props.
 * - web/src/server/auth.ts, web/src/features/auth-credentials/server/signupApiHandler.ts: signup
 *   refused only when `AUTH_DISABLE_SIGNUP === "true"`.
 * - web/src/pages/api/public/health.ts, web/src/features/public-api/server/health-service.ts:
 *   `{status, version}`.
 */
export const langfuse: CatalogEntry = {
  service: 'langfuse',
  name: 'Langfuse',
  category: 'ml-platform',
  ports: [3000],
  sources: [
    'https://github.com/langfuse/langfuse/blob/main/web/src/pages/auth/sign-in.tsx',
    'https://github.com/langfuse/langfuse/blob/main/web/src/pages/auth/sign-up.tsx',
    'https://github.com/langfuse/langfuse/blob/main/web/src/features/auth-credentials/server/signupApiHandler.ts',
    'https://github.com/langfuse/langfuse/blob/main/web/src/pages/api/public/health.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'v4.16.0-30-g6275144614 (6275144614, 2026-08-22)' },
  exposes: 'LLM traces (prompts, completions, user data), prompts, datasets and API keys of the projects a user can reach',
  identify: [
    { request: { path: '/auth/sign-in' }, match: { status: 200, bodyContains: ['<title>Sign in | Langfuse</title>'] } },
  ],
  auth: [
    {
      request: { path: '/auth/sign-in' },
      match: { status: 200, bodyContains: ['"signUpDisabled":false'] },
      auth: 'none',
      evidence: 'GET /auth/sign-in -> {status} signUpDisabled false: open self-signup, anyone can create an account',
    },
    {
      request: { path: '/auth/sign-in' },
      match: { status: 200, bodyContains: ['"signUpDisabled":true'] },
      auth: 'required',
      evidence: 'GET /auth/sign-in -> {status} signUpDisabled true (login required, signup closed)',
    },
  ],
  version: [
    {
      request: { path: '/api/public/health' },
      match: { status: [200, 503], json: [{ path: 'version', type: 'string' }] },
      json: 'version',
      regex: '^v?(\\d+\\.\\d+\\.\\d+\\S*)$',
    },
  ],
  // langfuse.com/self-hosting/configuration/hardening "Disable open sign-up" (AUTH_DISABLE_SIGNUP=true) and
  // faq "limit access to internal users" (AUTH_DISABLE_USERNAME_PASSWORD=true with SSO).
  remediation: {
    fix: 'Close self-signup with AUTH_DISABLE_SIGNUP=true (add users by invitation or headless initialization), or require SSO and turn off email/password login with AUTH_DISABLE_USERNAME_PASSWORD=true.',
    settings: ['AUTH_DISABLE_SIGNUP=true', 'AUTH_DISABLE_USERNAME_PASSWORD=true'],
    docs: 'https://langfuse.com/self-hosting/configuration/hardening',
    allows: ['read-data'],
  },
};
