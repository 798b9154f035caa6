import type { CatalogEntry } from '../catalog-schema.js';

/**
 * NVIDIA NIM (LLM / VLM containers). The NIM middleware serves `GET /v1/metadata` with `assetInfo`,
 * `licenseInfo`, `modelInfo`, `repository_override`, `version` and `selectedModelProfileId`, next to
 * the vLLM-backed OpenAI API (whose `/v1/models` may name vLLM, hence `order: 90` to run before the
 * vLLM entry). The API reference documents no authentication on the container: anything that answers
 * is open unless a proxy sits in front.
 * Sources (docs; NIM is closed source):
 * - https://docs.nvidia.com/nim/large-language-models/latest/reference/api-reference.html
 *   (management endpoints `/v1/health/live`, `/v1/health/ready`, `/v1/metadata`, `/v1/version`,
 *   `/v1/license`, `/v1/manifest`, `/v1/metrics`; port 8000).
 * - https://docs.nvidia.com/nim/alpamayo/api-reference/metadata-v-1-metadata-get (metadata schema:
 *   `assetInfo` list, `licenseInfo` {name,path,sha,type}, `modelInfo` list, `version`).
 * Unverified: the `/v1/version` body, and the `modelInfo` item fields beyond the schema page.
 */
export const nvidiaNim: CatalogEntry = {
  service: 'nvidia-nim',
  name: 'NVIDIA NIM',
  category: 'llm-server',
  ports: [8000],
  order: 90,
  sources: [
    'https://docs.nvidia.com/nim/large-language-models/latest/reference/api-reference.html',
    'https://docs.nvidia.com/nim/alpamayo/api-reference/metadata-v-1-metadata-get',
  ],
  exposes: 'model and license metadata, unauthenticated inference (GPU time)',
  identify: [
    {
      request: { path: '/v1/metadata' },
      match: { status: 200, json: [{ path: 'modelInfo', type: 'array' }, { path: 'assetInfo', type: 'array' }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/metadata' },
      match: { status: 200, json: [{ path: 'modelInfo', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/metadata -> {status} without credentials (no auth in NIM), {count:modelInfo[]} models (first: {json:modelInfo[].shortName})',
    },
  ],
  version: [{ request: { path: '/v1/metadata' }, json: 'version' }],
  // NIM LLM docs reference/environment-variables (`docker run -p 8000:8000`, NIM_SERVER_PORT): the container
  // documents no API authentication of its own.
  remediation: {
    fix: 'NIM has no API authentication of its own: publish the container port on localhost only (docker run -p 127.0.0.1:8000:8000) and put an authenticating reverse proxy or API gateway in front of it.',
    settings: ['docker run -p 127.0.0.1:8000:8000'],
    docs: 'https://docs.nvidia.com/nim/large-language-models/latest/reference/environment-variables.html',
    allows: ['run-inference'],
  },
  // NIM API reference `GET /v1/models` (OpenAI list shape, `data[].id`).
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data', type: 'array' }] }, json: 'data[].id' }],
};
