import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LobeChat / LobeHub (Next.js, docker port 3210). Next.js answers unknown paths with a 404 page, so
 * generated routes identify it:
 * - `GET /manifest.webmanifest` (app/manifest.ts + server/manifest.ts): `{"id": kebabCase(BRANDING_NAME)`
 *   (`lobe-hub`, older builds `lobe-chat`)`, "name", "short_name", "display": "standalone", ...}`.
 * - the public tRPC query `config.getGlobalConfig` (GET, no input; superjson envelope
 *   `{"result": {"data": {"json": {"serverConfig", "serverFeatureFlags"}}}}`), on the lambda router
 *   in current trees and on the edge router in older ones.
 * Auth: `serverConfig.enabledAccessCode` is true when `ACCESS_CODE` is set, `enabledOAuthSSO` when
 * NextAuth SSO is on. With neither, the server-side provider keys (OPENAI_API_KEY, ...) are used for
 * anyone who opens the page. Builds that dropped these keys stay `unknown`. A server-database
 * deployment that signs users in with Clerk sets neither flag, so it would read as open
 * (unverified: no GET-visible Clerk marker was checked). No version exposed.
 * Sources (lobehub/lobe-chat):
 * - src/app/manifest.ts, src/server/manifest.ts, src/const/branding.ts.
 * - src/server/routers/lambda/config/index.ts, src/server/routers/edge/config/index.ts (older).
 * - src/server/globalConfig/index.ts: `enabledAccessCode`, `enabledOAuthSSO`.
 * - src/app/(backend)/trpc/lambda/[trpc]/route.ts, src/app/(backend)/trpc/edge/[trpc]/route.ts.
 */
export const lobechat: CatalogEntry = {
  service: 'lobechat',
  name: 'LobeChat / LobeHub',
  category: 'chat-ui',
  ports: [3210],
  sources: [
    'https://github.com/lobehub/lobe-chat/blob/main/src/app/manifest.ts',
    'https://github.com/lobehub/lobe-chat/blob/main/src/server/manifest.ts',
    'https://github.com/lobehub/lobe-chat/blob/main/src/server/routers/lambda/config/index.ts',
    'https://github.com/lobehub/lobe-chat/blob/main/src/server/globalConfig/index.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'main, file-level: server/routers/lambda/config/index.ts b354229, server/globalConfig/index.ts 7380e74, server/manifest.ts 446d6a6' },
  exposes: "chat through the operator's server-side model provider keys",
  identify: [
    {
      request: { path: '/manifest.webmanifest' },
      match: { status: 200, bodyRegex: '"id"\\s*:\\s*"lobe-(hub|chat)"', json: [{ path: 'name', type: 'string' }, { path: 'display', equals: 'standalone' }] },
    },
    {
      request: { path: '/trpc/lambda/config.getGlobalConfig' },
      match: { status: 200, json: [{ path: 'result.data.json.serverConfig', type: 'object' }, { path: 'result.data.json.serverFeatureFlags', type: 'object' }] },
    },
  ],
  auth: [
    ...(['lambda', 'edge'] as const).flatMap((router) => {
      const path = `/trpc/${router}/config.getGlobalConfig`;
      return [
        {
          request: { path },
          match: { status: 200, json: [{ path: 'result.data.json.serverConfig.enabledAccessCode', equals: true }] },
          auth: 'required' as const,
          evidence: `GET ${path} -> {status} enabledAccessCode=true: an ACCESS_CODE is required`,
        },
        {
          request: { path },
          match: { status: 200, json: [{ path: 'result.data.json.serverConfig.enabledOAuthSSO', equals: true }] },
          auth: 'required' as const,
          evidence: `GET ${path} -> {status} enabledOAuthSSO=true: SSO login required`,
        },
        {
          request: { path },
          match: {
            status: 200,
            json: [
              { path: 'result.data.json.serverConfig.enabledAccessCode', equals: false },
              { path: 'result.data.json.serverConfig.enabledOAuthSSO', equals: false },
            ],
          },
          auth: 'none' as const,
          evidence: `GET ${path} -> {status} with no ACCESS_CODE and no SSO: anyone can chat through the server-side provider keys`,
        },
      ];
    }),
  ],
  // docs/self-hosting/environment-variables/basic.mdx (lobehub/lobe-chat): ACCESS_CODE "adds a password to access the
  // LobeChat service"; auth.mdx: NEXT_AUTH_SSO_PROVIDERS for SSO login.
  remediation: {
    fix: 'Protect the server-side provider keys: set a long ACCESS_CODE, or turn on SSO login (NEXT_AUTH_SSO_PROVIDERS with NEXT_AUTH_SECRET).',
    settings: ['ACCESS_CODE=<long password>', 'NEXT_AUTH_SSO_PROVIDERS=<provider>', 'NEXT_AUTH_SECRET=<random>'],
    docs: 'https://lobehub.com/docs/self-hosting/environment-variables/basic',
    allows: ['spend-api-keys'],
  },
};
