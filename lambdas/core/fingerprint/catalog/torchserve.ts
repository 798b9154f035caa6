import type { CatalogEntry } from '../catalog-schema.js';

/**
 * TorchServe (inference API 8080, management API 8081, metrics 8082). Every connector's handler
 * chain starts with `ApiDescriptionRequestHandler`, before the token check: `GET /` is answered
 * 405 `{"code":405,"type":"MethodNotAllowedException","message":"Requested method is not allowed,
 * please refer to API document."}` (only OPTIONS / is the description) and `GET /api-description`
 * returns the OpenAPI document (`info.title` "TorchServe APIs", `info.version` = server version),
 * so both identify the server whether or not token authorization is on. Token authorization is on
 * by default since 0.11 (`key_file.json`); the `TokenAuthorizationHandler` then rejects every other
 * path without a valid bearer key with `InvalidKeyException` (a `ModelException`, mapped to HTTP
 * 400): `{"code":400,"type":"InvalidKeyException","message":"Token Authorization failed. ..."}`.
 * With `--disable-token-auth` the management API lists models (`{"models":[{"modelName","modelUrl"}]}`)
 * and registers new ones from URLs (model handlers are Python code: CVE-2023-43654 "ShellTorch").
 * Sources (pytorch/serve):
 * - frontend/server/src/main/java/org/pytorch/serve/ServerInitializer.java: handler chain order.
 * - .../http/api/rest/ApiDescriptionRequestHandler.java: `GET /` -> MethodNotAllowedException.
 * - .../http/MethodNotAllowedException.java, ResourceNotFoundException.java: messages.
 * - .../http/TokenAuthorizationHandler.java: InvalidKeyException on missing/wrong token.
 * - .../http/HttpRequestHandler.java + util/NettyUtils.java `sendError`: ModelException -> 400,
 *   body `ErrorResponse{code,type,message}`.
 * - .../http/api/rest/InferenceRequestHandler.java: `GET /ping` -> `{"status":"Healthy"}`.
 * - .../http/messages/ListModelsResponse.java: `{"nextPageToken","models":[{"modelName","modelUrl"}]}`.
 * - .../openapi/OpenApiUtils.java `listApis`: "TorchServe APIs", version from config.
 * - docs/token_authorization_api.md (enabled by default), docs/configuration.md (ports).
 */
export const torchserve: CatalogEntry = {
  service: 'torchserve',
  name: 'TorchServe',
  category: 'model-server',
  ports: [8080, 8081, 8082],
  openSeverity: 'critical',
  sources: [
    'https://github.com/pytorch/serve/blob/master/frontend/server/src/main/java/org/pytorch/serve/ServerInitializer.java',
    'https://github.com/pytorch/serve/blob/master/frontend/server/src/main/java/org/pytorch/serve/http/api/rest/ApiDescriptionRequestHandler.java',
    'https://github.com/pytorch/serve/blob/master/frontend/server/src/main/java/org/pytorch/serve/http/TokenAuthorizationHandler.java',
    'https://github.com/pytorch/serve/blob/master/frontend/server/src/main/java/org/pytorch/serve/http/HttpRequestHandler.java',
    'https://github.com/pytorch/serve/blob/master/frontend/server/src/main/java/org/pytorch/serve/http/api/rest/InferenceRequestHandler.java',
    'https://github.com/pytorch/serve/blob/master/frontend/server/src/main/java/org/pytorch/serve/openapi/OpenApiUtils.java',
    'https://github.com/pytorch/serve/blob/master/docs/token_authorization_api.md',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.12.0-14-g62c4d6a1f (62c4d6a1f, 2025-03-17; repository archived)' },
  exposes: 'model list, inference and model registration from URLs (management API: handler code execution)',
  identify: [
    {
      request: { path: '/' },
      match: {
        status: 405,
        json: [
          { path: 'type', equals: 'MethodNotAllowedException' },
          { path: 'message', equals: 'Requested method is not allowed, please refer to API document.' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/models' },
      match: { status: 200, json: [{ path: 'models', type: 'array' }] },
      auth: 'none',
      evidence:
        'GET /models -> {status} without a token: management API open, {count:models[]} models (first: {json:models[].modelName}); model registration from URLs allowed',
    },
    {
      request: { path: '/models' },
      match: { status: 400, json: [{ path: 'type', equals: 'InvalidKeyException' }] },
      auth: 'required',
      evidence: 'GET /models -> {status} InvalidKeyException (TorchServe token authorization)',
    },
    {
      request: { path: '/ping' },
      match: { status: [200, 500], json: [{ path: 'status', type: 'string' }], bodyExcludes: ['InvalidKeyException'] },
      auth: 'none',
      evidence: 'GET /ping -> {status} "{json:status}" without a token: token authorization disabled, inference API open',
    },
    {
      request: { path: '/ping' },
      match: { status: 400, json: [{ path: 'type', equals: 'InvalidKeyException' }] },
      auth: 'required',
      evidence: 'GET /ping -> {status} InvalidKeyException (TorchServe token authorization)',
    },
  ],
  version: [
    { request: { path: '/api-description' }, match: { status: 200, json: [{ path: 'info.title', equals: 'TorchServe APIs' }] }, json: 'info.version' },
  ],
  // docs/token_authorization_api.md (on by default since 0.11; off via --disable-token-auth,
  // disable_token_authorization=true or TS_DISABLE_TOKEN_AUTHORIZATION=true), docs/model_api_control.md
  // (enable_model_api), docs/configuration.md (management_address).
  remediation: {
    fix: 'Turn token authorization back on (drop --disable-token-auth and disable_token_authorization=true), keep model registration off (enable_model_api=false, the default), and bind the management API to localhost (management_address=http://127.0.0.1:8081).',
    settings: ['disable_token_authorization=false', 'enable_model_api=false', 'management_address=http://127.0.0.1:8081'],
    docs: 'https://pytorch.org/serve/token_authorization_api.html',
    allows: ['run-code', 'pull-models', 'run-inference'],
  },
  // The same `GET /models` the auth rule reads (cached): ListModelsResponse `models[].modelName`.
  inventory: [{ kind: 'model', request: { path: '/models' }, json: 'models[].modelName' }],
};
