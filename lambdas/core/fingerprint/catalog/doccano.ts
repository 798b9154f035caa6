import type { CatalogEntry } from '../catalog-schema.js';

/**
 * doccano (text annotation for ML datasets), Django + DRF backend serving its Nuxt SPA, port 8000
 * (README: `doccano webserver --port 8000`, Docker `-p 8000:8000`). Every data API needs a login:
 * DRF's DEFAULT_PERMISSION_CLASSES include IsAuthenticated and SessionAuthentication comes first, so
 * `GET /v1/projects` answers 403 `{"detail": "Authentication credentials were not provided."}`.
 * - `GET /v1/social/links/` (`permission_classes = ()`, public): `{"okta": {}}`, or the Okta
 *   OAuth2 settings when configured.
 * - Second marker: `GET /v1/projects` (its project list route) answers DRF's 403 text. Any unrouted
 *   path answers the SPA (catch-all TemplateView), so the page itself cannot confirm anything.
 * The Docker quick start creates the admin from ADMIN_USERNAME/ADMIN_PASSWORD (README example
 * admin / password); proving that takes a login POST, which this catalog does not send.
 * Version: none without a login.
 * Read from source at v1.8.5-12-gab6b765 (doccano/doccano): backend/config/urls.py, backend/config/settings/base.py
 * (REST_FRAMEWORK), backend/social/v1_urls.py + views.py, backend/projects/urls.py, frontend/nuxt.config.js,
 * frontend/package.json, README.md.
 */
export const doccano: CatalogEntry = {
  service: 'doccano',
  name: 'doccano',
  category: 'ml-platform',
  ports: [8000],
  sources: [
    'https://github.com/doccano/doccano/blob/ab6b765ea326d07b2b806a4280cd097565e62321/backend/config/urls.py',
    'https://github.com/doccano/doccano/blob/ab6b765ea326d07b2b806a4280cd097565e62321/backend/social/views.py',
    'https://github.com/doccano/doccano/blob/ab6b765ea326d07b2b806a4280cd097565e62321/frontend/nuxt.config.js',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.8.5-12-gab6b765' },
  exposes: 'annotation projects, their datasets and labels, and the user accounts',
  identify: [
    {
      request: { path: '/v1/social/links/' },
      match: { status: 200, json: [{ path: 'okta', type: 'object' }], bodyRegex: '^\\{"okta":\\{' },
      confirm: { request: { path: '/v1/projects' }, match: { status: 403, json: [{ path: 'detail', equals: 'Authentication credentials were not provided.' }] } },
    },
    {
      // A login-free deployment (permissions loosened) lists its projects: the page of DRF's LimitOffsetPagination.
      request: { path: '/v1/social/links/' },
      match: { status: 200, json: [{ path: 'okta', type: 'object' }], bodyRegex: '^\\{"okta":\\{' },
      confirm: { request: { path: '/v1/projects' }, match: { status: 200, json: [{ path: 'count', type: 'number' }, { path: 'results', type: 'array' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/projects' },
      match: { status: [401, 403], json: [{ path: 'detail', equals: 'Authentication credentials were not provided.' }] },
      auth: 'required',
      evidence: 'GET /v1/projects -> {status} "Authentication credentials were not provided." (login always required); the Docker quick start names admin / password as ADMIN_PASSWORD (not tried: its login is a POST)',
    },
    {
      request: { path: '/v1/projects' },
      match: { status: 200, json: [{ path: 'results', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/projects -> {status} without a login: the projects are listed',
    },
  ],
  // README "Docker" quick start and FAQ "How to change the password".
  remediation: {
    fix: 'Set a strong ADMIN_PASSWORD (never the quick-start example), change it after the first login, and keep doccano behind a VPN or an authenticating proxy.',
    settings: ['ADMIN_PASSWORD=<random>'],
    docs: 'https://doccano.github.io/doccano/faq/#how-to-change-the-password',
    allows: ['read-data', 'write-data'],
  },
};
