import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Argilla (data curation and annotation for LLM / NLP datasets), port 6900. Every data route needs
 * an API key (`X-Argilla-Api-Key`) or a login; the documented quick starts create users with
 * well-known keys: `argilla.apikey` (the server's DEFAULT_API_KEY, user `argilla` / `1234`; the
 * Docker image's owner when no API_KEY is given) and `owner.apikey` (the 1.x quickstart image:
 * `owner` / `12345678`). With `--check-default-credentials` the entry sends each once, to
 * `GET /api/v1/me`: a 200 naming a user proves the default (`default-credential`).
 * - `GET /api/v1/status` (info router, no auth dependency): `{"version", "search_engine": {...},
 *   "memory": {...}}`; `GET /api/v1/version`: `{"version"}` (confirms).
 * - `GET /api/v1/me` without a key: 401.
 * Read from source (argilla-io/argilla, 744ce5c; read through the code index): argilla-server/src/argilla_server/api/routes.py
 * (`create_api_v1`, routers), api/handlers/v1/info.py (`/version`, `/status`), api/handlers/v1/users.py (`/me`),
 * src/argilla_server/constants.py (API_KEY_HEADER_NAME, DEFAULT_USERNAME, DEFAULT_PASSWORD, DEFAULT_API_KEY);
 * docs.argilla.io v1.25 "Docker Quickstart" (owner / owner.apikey).
 */
export const argilla: CatalogEntry = {
  service: 'argilla',
  name: 'Argilla',
  category: 'ml-platform',
  ports: [6900],
  sources: [
    'https://github.com/argilla-io/argilla/blob/develop/argilla-server/src/argilla_server/api/handlers/v1/info.py',
    'https://github.com/argilla-io/argilla/blob/develop/argilla-server/src/argilla_server/constants.py',
    'https://docs.argilla.io/en/v1.25.0/getting_started/installation/deployments/docker-quickstart.html',
  ],
  checkedAgainst: { evidence: 'source', release: 'develop, file-level: api/routes.py 8caff0b (info router mounted), constants.py 767d817; api/handlers/v1/info.py as read at 744ce5c' },
  exposes: 'datasets, records and annotations, and user management, behind API keys',
  identify: [
    {
      request: { path: '/api/v1/status' },
      match: { status: 200, json: [{ path: 'version', type: 'string' }, { path: 'search_engine', type: 'object' }, { path: 'memory', type: 'object' }] },
      confirm: { request: { path: '/api/v1/version' }, match: { status: 200, json: [{ path: 'version', type: 'string' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/me' },
      match: { status: 200, json: [{ path: 'username', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/v1/me -> {status} as {json:username} without a key',
    },
    {
      request: { path: '/api/v1/me' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /api/v1/me -> {status}: an API key or login is required',
    },
  ],
  version: [{ request: { path: '/api/v1/version' }, json: 'version' }],
  defaultCredentials: [
    {
      credential: 'API key argilla.apikey (Argilla server DEFAULT_API_KEY, user argilla)',
      request: { path: '/api/v1/me', headers: { 'x-argilla-api-key': 'argilla.apikey' } },
      match: { status: 200, json: [{ path: 'username', type: 'string' }] },
    },
    {
      credential: 'API key owner.apikey (Argilla 1.x quickstart image, user owner)',
      request: { path: '/api/v1/me', headers: { 'x-argilla-api-key': 'owner.apikey' } },
      match: { status: 200, json: [{ path: 'username', type: 'string' }] },
    },
  ],
  // docs "Server configuration" / Docker image README: set USERNAME, PASSWORD and API_KEY (or ARGILLA_AUTH_*) for the owner;
  // never keep the quickstart's default users and keys on a reachable server.
  remediation: {
    fix: 'Create the owner with your own USERNAME, PASSWORD and API_KEY, delete or rotate the quickstart users and their default keys (argilla.apikey, owner.apikey), and keep the server off public addresses.',
    settings: ['USERNAME=<owner>', 'PASSWORD=<strong>', 'API_KEY=<random>'],
    docs: 'https://docs.argilla.io/latest/getting_started/how-to-deploy-argilla-with-docker/',
    allows: ['read-data', 'write-data', 'admin'],
  },
};
