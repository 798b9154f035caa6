import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Portkey AI Gateway (open source), port 8787: a routing proxy in front of 200+ LLM providers.
 * Its proxy routes have no authentication (callers pass provider keys or configs in headers), so a
 * reachable gateway relays for anyone, with whatever configs or keys its deployment injects; only
 * the console (log stream, `/public/`) sits behind `admin_token` (conf.json).
 * - `GET /`: the text "AI Gateway says hey!" (src/index.ts).
 * - `GET /public/`: the console page, `<title>Portkey AI Gateway</title>` (not served with
 *   `--headless`): confirms the banner, so a headless gateway (banner only) is not identified.
 * Read from source at v1.15.2-25-g669825c (Portkey-AI/gateway, 2026-05-25): src/index.ts, src/start-server.ts
 * (port 8787, `--headless`, `/public/`), src/public/index.html, src/middlewares/adminAuth/index.ts.
 */
export const portkeyGateway: CatalogEntry = {
  service: 'portkey-gateway',
  name: 'Portkey AI Gateway',
  category: 'ai-gateway',
  ports: [8787],
  sources: [
    'https://github.com/Portkey-AI/gateway/blob/main/src/index.ts',
    'https://github.com/Portkey-AI/gateway/blob/main/src/start-server.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.15.2-25-g669825c' },
  exposes: 'an LLM proxy that relays requests for anyone (with any keys or configs its deployment injects)',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, bodyRegex: '^AI Gateway says hey!\\s*$' },
      confirm: { request: { path: '/public/' }, match: { status: 200, bodyContains: ['<title>Portkey AI Gateway</title>'] } },
    },
  ],
  auth: [
    {
      request: { path: '/' },
      match: { status: 200, bodyRegex: '^AI Gateway says hey!' },
      auth: 'none',
      evidence: 'GET / -> {status} "AI Gateway says hey!": the gateway proxy routes take no credentials of their own',
    },
  ],
  // docs "Deployment" / README "Enterprise": the OSS gateway has no auth on its proxy; run it privately or behind a
  // proxy that authenticates callers.
  remediation: {
    fix: 'The open-source gateway does not authenticate callers: keep it on a private network or behind an authenticating reverse proxy, and never inject provider keys into a reachable gateway.',
    settings: ['private network / authenticating reverse proxy', 'no provider keys in its default config'],
    docs: 'https://portkey.ai/docs/product/ai-gateway',
    allows: ['spend-api-keys', 'run-inference'],
  },
};
