import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Perplexica, an AI answer engine over SearxNG, port 3000. It has no authentication of its own:
 * `GET /api/config` answers anyone with the stored configuration (`configManager.getCurrentConfig()`,
 * provider entries included as stored, with their `config`), and `POST /api/config` changes it.
 * - `GET /api/config`: `{"values": {"version", "setupComplete", "preferences", "modelProviders":
 *   [...], "search": {"searxngURL"}}, "fields": {...}}`; `setupComplete: false` is a fresh instance.
 * - `GET /`: the Next.js page, title "Perplexica - Chat with the internet" (src/app/layout.tsx).
 * Two markers: the config document's Perplexica keys and the page title. `values.version` is the
 * config schema version, not the release: no version is read.
 * Read from source at v1.12.1-4-gd7b020e (ItzCrazyKns/Perplexica, 2026-01-10): src/app/api/config/route.ts,
 * src/lib/config/index.ts (currentConfig fields), src/app/layout.tsx (metadata title), README.md (port 3000).
 */
export const perplexica: CatalogEntry = {
  service: 'perplexica',
  name: 'Perplexica',
  category: 'chat-ui',
  ports: [3000],
  sources: [
    'https://github.com/ItzCrazyKns/Perplexica/blob/master/src/app/api/config/route.ts',
    'https://github.com/ItzCrazyKns/Perplexica/blob/master/src/lib/config/index.ts',
    'https://github.com/ItzCrazyKns/Perplexica/blob/master/src/app/layout.tsx',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.12.1-4-gd7b020e' },
  exposes: 'the stored configuration (model providers and their settings) for reading and changing, and chat on them',
  identify: [
    {
      request: { path: '/api/config' },
      match: {
        status: 200,
        json: [
          { path: 'values.setupComplete', type: 'boolean' },
          { path: 'values.modelProviders', type: 'array' },
          { path: 'values.search.searxngURL', type: 'string' },
          { path: 'fields', type: 'object' },
        ],
      },
    },
    { request: { path: '/' }, match: { status: 200, bodyContains: ['<title>Perplexica - Chat with the internet</title>'] } },
  ],
  auth: [
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'values.modelProviders', type: 'array' }, { path: 'values.search.searxngURL', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/config -> {status}: {count:values.modelProviders[]} model providers readable (and writable by POST) without login, setupComplete {json:values.setupComplete}',
    },
  ],
  // README "Installation": Perplexica has no login; run it for yourself, behind an authenticating proxy if shared.
  remediation: {
    fix: 'Perplexica has no login: keep it on localhost or a private network and put an authenticating reverse proxy in front of any shared instance, since /api/config exposes and changes the provider settings.',
    settings: ['-p 127.0.0.1:3000:3000', 'authenticating reverse proxy'],
    docs: 'https://github.com/ItzCrazyKns/Perplexica#installation',
    allows: ['spend-api-keys', 'read-data', 'admin'],
  },
};
