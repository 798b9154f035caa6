import type { CatalogEntry } from '../catalog-schema.js';

/**
 * NextChat (ChatGPT-Next-Web; Next.js, docker port 3000). `GET /api/config` (edge route, GET and
 * POST) answers the "DANGER_CONFIG" subset of the server config: `{"needCode", "hideUserApiKey",
 * "disableGPT4", "hideBalanceQuery", "disableFastLink", "customModels", "defaultModel",
 * "visionModels"}`. `needCode` is true when `CODE` (the access-code list) is set; without it anyone
 * who opens the page chats through the server-side provider keys (OPENAI_API_KEY, ...).
 * The root layout embeds the build config in `<meta name="config" content="{...}">` (React escapes
 * the quotes), whose `version` is "v" + the tauri package version.
 * Sources (ChatGPTNextWeb/NextChat):
 * - app/api/config/route.ts: `DANGER_CONFIG`.
 * - app/config/server.ts: `needCode: ACCESS_CODES.size > 0` (from `CODE`).
 * - app/layout.tsx, app/config/build.ts: meta config with `version`; Dockerfile: EXPOSE 3000.
 */
export const nextchat: CatalogEntry = {
  service: 'nextchat',
  name: 'NextChat (ChatGPT-Next-Web)',
  category: 'chat-ui',
  ports: [3000],
  sources: [
    'https://github.com/ChatGPTNextWeb/NextChat/blob/main/app/api/config/route.ts',
    'https://github.com/ChatGPTNextWeb/NextChat/blob/main/app/config/server.ts',
    'https://github.com/ChatGPTNextWeb/NextChat/blob/main/app/layout.tsx',
    'https://github.com/ChatGPTNextWeb/NextChat/blob/main/app/config/build.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'v2.16.1-54-g706a18b95 (2026-07-06)' },
  exposes: "chat through the operator's server-side model provider keys",
  identify: [
    {
      request: { path: '/api/config' },
      match: {
        status: 200,
        json: [
          { path: 'needCode', type: 'boolean' },
          { path: 'hideUserApiKey', type: 'boolean' },
          { path: 'disableGPT4', type: 'boolean' },
          { path: 'hideBalanceQuery', type: 'boolean' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'needCode', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/config -> {status} needCode=false: no access code, anyone can chat through the server-side provider keys',
    },
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'needCode', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/config -> {status} needCode=true: an access code (CODE) is required',
    },
  ],
  version: [{ request: { path: '/' }, regex: '&quot;version&quot;:&quot;v?(\\d[^&]*)&quot;' }],
  // README.md "CODE (optional)": access passwords, comma-separated; app/config/server.ts `needCode` from CODE.
  remediation: {
    fix: 'Set access codes with CODE=<code1>,<code2> so only people with a code can chat through the server-side provider keys, or remove the provider keys from the server and let users bring their own.',
    settings: ['CODE=<code1>,<code2>'],
    docs: 'https://github.com/ChatGPTNextWeb/NextChat/blob/main/README.md',
    allows: ['spend-api-keys'],
  },
};
