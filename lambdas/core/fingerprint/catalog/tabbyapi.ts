import type { CatalogEntry } from '../catalog-schema.js';

/**
 * TabbyAPI (ExLlamaV2/V3 server), port 5000, binds 127.0.0.1 by default. Auth is on by default
 * (keys generated into api_tokens.yml); `disable_auth: true` turns it off.
 * - `GET /.well-known/serviceinfo` is public in both states: `{"version": 0.1, "software":
 *   {"name": "TabbyAPI", ...}, "api": {"openai": ..., "koboldai": ...}}` (no software version).
 * - `GET /v1/models` depends on `check_api_key`: without a key 401 `{"detail": "Please provide an
 *   API key"}`; with `disable_auth` 200 and `ModelCard`s with `owned_by: "tabbyAPI"`.
 * Markers: serviceinfo's software name and `owned_by: "tabbyAPI"` / the 401 text (either identifies;
 * the auth verdict reads the TabbyAPI-worded 401 or the tabbyAPI model cards).
 * Read from source at e632af4 (theroyallab/tabbyAPI, 2026-08-13): endpoints/core/router.py (`/health`,
 * `/.well-known/serviceinfo`, `/v1/models`), common/auth.py (`check_api_key`, `DISABLE_AUTH`),
 * endpoints/core/types/model.py (`owned_by`), common/config_models.py (host 127.0.0.1, port 5000, `disable_auth`).
 */
export const tabbyapi: CatalogEntry = {
  service: 'tabbyapi',
  name: 'TabbyAPI',
  category: 'llm-server',
  ports: [5000],
  sources: [
    'https://github.com/theroyallab/tabbyAPI/blob/main/endpoints/core/router.py',
    'https://github.com/theroyallab/tabbyAPI/blob/main/common/auth.py',
    'https://github.com/theroyallab/tabbyAPI/blob/main/common/config_models.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'e632af4' },
  exposes: 'model list, model load/unload and inference',
  identify: [
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'tabbyAPI' }] } },
    { request: { path: '/.well-known/serviceinfo' }, match: { status: 200, json: [{ path: 'software.name', equals: 'TabbyAPI' }, { path: 'api.koboldai.relative_url', equals: '/api' }] } },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'tabbyAPI' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key (disable_auth: true), {count:data[]} models',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Please provide an API key' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} "Please provide an API key" (the default: keys in api_tokens.yml)',
    },
  ],
  // config_sample.yml / common/config_models.py: `disable_auth` (default false) and `host` (default 127.0.0.1).
  remediation: {
    fix: 'Keep TabbyAPI authentication on (disable_auth: false, the default, with the keys in api_tokens.yml) and bind it to 127.0.0.1 (the default host) behind an authenticating proxy if it must be reached remotely.',
    settings: ['network.disable_auth: false', 'network.host: 127.0.0.1'],
    docs: 'https://github.com/theroyallab/tabbyAPI/wiki/02.-Server-options',
    allows: ['run-inference', 'pull-models'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
