import type { CatalogEntry } from '../catalog-schema.js';

/**
 * TensorFlow Serving (REST port). No authentication exists in the product, so identification is
 * proof of open access. The REST handler claims every `(?i)/v1/.*` path; `GET /v1/models` matches
 * the model-status route with an empty model name and is rejected with InvalidArgument
 * "Missing model name in request." -> HTTP 400 with a JSON `error` body. Paths outside `/v1/` get
 * libevent's plain 404. The model server version is not exposed over REST.
 * Sources (tensorflow/serving):
 * - tensorflow_serving/model_servers/http_rest_api_handler.cc: `ProcessRequest`,
 *   `ProcessModelStatusRequest` ("Missing model name in request."), "Malformed request: ..."
 * - tensorflow_serving/model_servers/http_rest_api_util.cc/.h: path regexes, `Content-Type: application/json`.
 * - tensorflow_serving/model_servers/http_server.cc: `ToHTTPStatusCode` (InvalidArgument -> 400), dispatcher.
 * - tensorflow_serving/util/json_tensor.cc: `MakeJsonFromStatus` -> `{ "error": "<message>" }`.
 * - tensorflow_serving/model_servers/http_rest_api_handler_test.cc: `GET /v1/models` -> "Missing model name".
 * - tensorflow_serving/g3doc/api_rest.md and docker.md: model status API, ports 8501 (REST) / 8500 (gRPC).
 */
export const tfServing: CatalogEntry = {
  service: 'tf-serving',
  name: 'TensorFlow Serving',
  category: 'model-server',
  ports: [8501],
  sources: [
    'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/model_servers/http_rest_api_handler.cc',
    'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/model_servers/http_rest_api_util.cc',
    'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/model_servers/http_server.cc',
    'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/util/json_tensor.cc',
    'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/g3doc/api_rest.md',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@9d981c5c (2026-07-30, after 2.20.0)' },
  exposes: 'model status, signatures and predict/classify/regress for any served model name',
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 400, json: [{ path: 'error', contains: 'Missing model name in request' }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 400, json: [{ path: 'error', contains: 'Missing model name in request' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} "{json:error}": REST API answers without credentials (no auth in product)',
    },
  ],
  // tensorflow_serving/g3doc/docker.md (`-p 8501:8501`, `--rest_api_port`): TensorFlow Serving has no authentication,
  // and the model server has no bind-address flag for REST.
  remediation: {
    fix: 'TensorFlow Serving has no authentication of its own: publish the REST and gRPC ports on localhost only (docker run -p 127.0.0.1:8501:8501) or firewall them, and put an authenticating reverse proxy in front.',
    settings: ['docker run -p 127.0.0.1:8501:8501', '--rest_api_port=8501'],
    docs: 'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/g3doc/docker.md',
    allows: ['run-inference'],
  },
};
