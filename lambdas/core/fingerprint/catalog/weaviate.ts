import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Weaviate (REST on 8080, gRPC on 50051). `GET /` is answered by a global middleware, before any
 * authentication, with 301 to `/v1` and the body `{"links":{"href":"/v1","name":"api v1",
 * "documentationHref":"https://docs.weaviate.io/weaviate"}}` (older releases link to
 * weaviate.io/developers), which identifies the server in both states. Anonymous access is enabled
 * when no authentication is configured; with it disabled, every routed API request without a
 * bearer token gets 401 `{"code":401,"message": "anonymous access not enabled. Please authenticate
 * through one of the available methods: [API-keys]" }`. `GET /v1/schema` lists the classes
 * (collections); `GET /v1/meta` gives the version.
 * Sources (weaviate/weaviate):
 * - adapters/handlers/rest/middlewares.go: `addHandleRoot` (301 body), `makeSetupMiddlewares`
 *   (anonymous-access middleware after routing; `/v1` and openid config exempt), live/ready.
 * - usecases/auth/authentication/anonymous/middleware.go: 401 text.
 * - adapters/handlers/rest/handlers_misc.go: `GET /v1/meta` -> `{"hostname","version","modules",
 *   "grpcMaxMessageSize"}`, `GET /v1` links.
 * - usecases/config/authentication.go: anonymous access on by default.
 */
export const weaviate: CatalogEntry = {
  service: 'weaviate',
  name: 'Weaviate',
  category: 'vector-database',
  ports: [8080],
  sources: [
    'https://github.com/weaviate/weaviate/blob/main/adapters/handlers/rest/middlewares.go',
    'https://github.com/weaviate/weaviate/blob/main/usecases/auth/authentication/anonymous/middleware.go',
    'https://github.com/weaviate/weaviate/blob/main/adapters/handlers/rest/handlers_misc.go',
    'https://github.com/weaviate/weaviate/blob/main/usecases/config/authentication.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.38.11-832-gadcffc5432 (adcffc5432, 2026-08-20)' },
  exposes: 'collections (schema), stored objects and vectors (read, write, delete)',
  identify: [
    {
      request: { path: '/' },
      match: {
        status: 301,
        json: [
          { path: 'links.name', equals: 'api v1' },
          { path: 'links.href', equals: '/v1' },
          { path: 'links.documentationHref', contains: 'weaviate' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/v1/schema' },
      match: { status: 200, json: [{ path: 'classes', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/schema -> {status} anonymously: {count:classes[]} collections (first: {json:classes[].class})',
    },
    {
      request: { path: '/v1/schema' },
      match: { status: 401, bodyContains: ['anonymous access not enabled'] },
      auth: 'required',
      evidence: 'GET /v1/schema -> {status} "anonymous access not enabled" (Weaviate API-key/OIDC auth)',
    },
  ],
  version: [{ request: { path: '/v1/meta' }, json: 'version' }],
  // docs.weaviate.io/deploy/configuration/authentication: AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED,
  // AUTHENTICATION_APIKEY_ENABLED, AUTHENTICATION_APIKEY_ALLOWED_KEYS, AUTHENTICATION_APIKEY_USERS.
  remediation: {
    fix: 'Turn off anonymous access and turn on API-key (or OIDC) authentication: AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED=false and AUTHENTICATION_APIKEY_ENABLED=true with AUTHENTICATION_APIKEY_ALLOWED_KEYS and AUTHENTICATION_APIKEY_USERS.',
    settings: [
      'AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED=false',
      'AUTHENTICATION_APIKEY_ENABLED=true',
      'AUTHENTICATION_APIKEY_ALLOWED_KEYS=<key>',
      'AUTHENTICATION_APIKEY_USERS=<user>',
    ],
    docs: 'https://docs.weaviate.io/deploy/configuration/authentication',
    allows: ['read-data', 'write-data'],
  },
  // The same `GET /v1/schema` the auth rule reads (cached): `classes[].class` are the collections.
  inventory: [{ kind: 'collection', request: { path: '/v1/schema' }, json: 'classes[].class' }],
};
