import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Mem0 self-hosted REST server (the memory layer behind AI agents), FastAPI, container port 8000,
 * published on 8888 by its docker-compose (`"8888:8000"`, README "API: http://localhost:8888").
 * Current servers are "secure by default": every memory route depends on `verify_auth` (Bearer JWT,
 * `X-API-Key`, or the legacy `ADMIN_API_KEY`) and answers 401 `{"detail": "Authentication
 * required. Provide a Bearer token or X-API-Key header."}` with `WWW-Authenticate: Bearer`;
 * `AUTH_DISABLED=true` opens them. Servers from before the auth work (2025) had no auth at all.
 * - `GET /openapi.json` (FastAPI default, public in every version): `info.title` "Mem0 REST APIs",
 *   `info.description` "A REST API for managing and searching memories for your AI Agents and Apps."
 * - Second marker, per state: `GET /memories` answers verify_auth's 401 (locked),
 *   `GET /configure/providers` the bundled provider lists `{"llm": [...], "embedder": [...]}`
 *   (AUTH_DISABLED), or a pre-auth server's 400 `{"detail": "At least one identifier is required."}`.
 * - `GET /auth/setup-status` (public): `{"needsSetup": true}` while no user exists; then
 *   `POST /auth/register` (no credentials) creates the first account with role admin, so a fresh
 *   install is claimed by whoever registers first.
 * Version: none exposed (`info.version` is the constant "1.0.0").
 * Read from source at main 8d5b786 (2026-08-22, after ts-v3.1.6; mem0ai/mem0): server/main.py (FastAPI title and
 * description, GET /configure/providers, GET /memories), server/auth.py (verify_auth, AUTH_DISABLED, ADMIN_API_KEY),
 * server/routers/auth.py (/auth/setup-status, /auth/register), server/docker-compose.yaml, server/README.md;
 * the pre-auth server/main.py at 003d130 (GET /memories 400 without an identifier, no auth).
 */
export const mem0Server: CatalogEntry = {
  service: 'mem0-server',
  name: 'Mem0 REST server',
  category: 'vector-database',
  ports: [8888],
  alternatePorts: [8000],
  sources: [
    'https://github.com/mem0ai/mem0/blob/8d5b7865bd0521e75fe9ab1b260eeccc83f8a378/server/main.py',
    'https://github.com/mem0ai/mem0/blob/8d5b7865bd0521e75fe9ab1b260eeccc83f8a378/server/auth.py',
    'https://github.com/mem0ai/mem0/blob/8d5b7865bd0521e75fe9ab1b260eeccc83f8a378/server/routers/auth.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@8d5b786 (2026-08-22)' },
  exposes: "every agent's and user's stored memories (read, rewrite, delete), the memory configuration and the LLM/embedder key it spends",
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Mem0 REST APIs' }, { path: 'info.description', contains: 'managing and searching memories for your AI Agents' }] },
      confirm: {
        request: { path: '/memories' },
        match: { status: 401, headers: [{ name: 'www-authenticate', contains: 'Bearer' }], json: [{ path: 'detail', contains: 'Provide a Bearer token or X-API-Key header' }] },
      },
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Mem0 REST APIs' }, { path: 'info.description', contains: 'managing and searching memories for your AI Agents' }] },
      confirm: { request: { path: '/configure/providers' }, match: { status: 200, json: [{ path: 'llm', type: 'array' }, { path: 'embedder', type: 'array' }] } },
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Mem0 REST APIs' }, { path: 'info.description', contains: 'managing and searching memories for your AI Agents' }] },
      confirm: { request: { path: '/memories' }, match: { status: 400, json: [{ path: 'detail', equals: 'At least one identifier is required.' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/auth/setup-status' },
      match: { status: 200, json: [{ path: 'needsSetup', equals: true }] },
      auth: 'none',
      evidence: 'GET /auth/setup-status -> needsSetup true: no account exists yet, and POST /auth/register makes whoever registers first the admin (unclaimed)',
    },
    {
      request: { path: '/configure/providers' },
      match: { status: 200, json: [{ path: 'llm', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /configure/providers -> {status} without credentials: AUTH_DISABLED=true, every memory route is open',
    },
    {
      request: { path: '/memories' },
      match: { status: 400, json: [{ path: 'detail', equals: 'At least one identifier is required.' }] },
      auth: 'none',
      evidence: 'GET /memories -> {status} asking only for an identifier: a server from before Mem0 added auth, every route is open',
    },
    {
      request: { path: '/memories' },
      match: { status: 401, json: [{ path: 'detail', contains: 'Authentication required' }] },
      auth: 'required',
      evidence: 'GET /memories -> {status} Authentication required (Bearer token or X-API-Key), an admin account exists',
    },
  ],
  // server/README.md "Security Defaults" and the startup warning (docs.mem0.ai/open-source/features/rest-api#authentication).
  remediation: {
    fix: 'Register the admin account right after install (dashboard /setup) or set ADMIN_API_KEY, never run with AUTH_DISABLED=true outside local development, keep JWT_SECRET random, and give clients per-user X-API-Key keys.',
    settings: ['AUTH_DISABLED unset', 'ADMIN_API_KEY=<long random>', 'JWT_SECRET=<random>'],
    docs: 'https://docs.mem0.ai/open-source/features/rest-api#authentication',
    allows: ['read-data', 'write-data', 'spend-api-keys', 'admin'],
  },
};
