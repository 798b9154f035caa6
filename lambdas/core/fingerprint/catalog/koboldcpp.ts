import type { CatalogEntry } from '../catalog-schema.js';

/**
 * KoboldCpp. `GET /api/extra/version` answers `{"result":"KoboldCpp","version":...,"protected":<bool>,
 * "txt2img":...,"vision":...,"transcribe":...}`; `protected` is true when `--password` is set, which
 * then guards the generation endpoints (401 `{"detail":{"error":"Unauthorized",...}}`) but not the
 * informational ones or the image endpoints. `protected` and `--password` arrived together in 1.61;
 * an older release without the field has no password feature at all. `/v1/models` always lists one
 * model with `"owned_by":"koboldcpp"`. KoboldCpp also emulates Ollama `/api/tags`
 * (`"family":"koboldcpp"`, already excluded by the Ollama entry) and A1111 `/sdapi/v1/options`
 * (only `samples_format` + `sd_model_checkpoint`, which the sd-webui entry does not accept).
 * Sources (LostRuins/koboldcpp):
 * - koboldcpp.py `do_GET`: `/api/extra/version`, `/v1/models`, `/api/tags`, `/sdapi/v1/*`, 404 text
 *   "Error: HTTP Server is running, but this endpoint does not exist. Please check the URL."
 * - koboldcpp.py `secure_endpoint` (401 body); `defaultport = 5001`.
 */
export const koboldcpp: CatalogEntry = {
  service: 'koboldcpp',
  name: 'KoboldCpp',
  category: 'llm-server',
  ports: [5001],
  sources: ['https://github.com/LostRuins/koboldcpp/blob/concedo/koboldcpp.py'],
  checkedAgainst: { evidence: 'source', release: 'v1.76 (2da346a5, 2024-10-11)' },
  exposes: 'loaded model name, text generation and (unprotected) image generation',
  // `/v1/models` is never password-protected and always lists one card, so it is the only probe
  // needed to identify (no extra path for every other endpoint to pay for).
  identify: [{ request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'koboldcpp' }] } }],
  auth: [
    {
      request: { path: '/api/extra/version' },
      match: { status: 200, json: [{ path: 'result', equals: 'KoboldCpp' }, { path: 'protected', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/extra/version -> {status} "protected": false (no --password; txt2img {json:txt2img})',
    },
    {
      request: { path: '/api/extra/version' },
      match: { status: 200, json: [{ path: 'result', equals: 'KoboldCpp' }, { path: 'protected', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/extra/version -> {status} "protected": true (--password guards generation; image endpoints stay open)',
    },
    {
      request: { path: '/api/extra/version' },
      match: { status: 200, json: [{ path: 'result', equals: 'KoboldCpp' }], bodyExcludes: ['"protected"'] },
      auth: 'none',
      evidence: 'GET /api/extra/version -> {status} KoboldCpp {json:version} predates --password (1.61): no auth possible',
    },
  ],
  version: [{ request: { path: '/api/extra/version' }, json: 'version' }],
  // koboldcpp.py argparse: `--password [API key]` "required for all text endpoints. Image endpoints are not
  // secured."; `--host` sets the bind address (default: all interfaces).
  remediation: {
    fix: 'Start KoboldCpp with --password <key> so text generation needs the key, and bind it to localhost (--host 127.0.0.1) behind an authenticating reverse proxy, since its image endpoints stay open even with a password.',
    settings: ['--password <key>', '--host 127.0.0.1'],
    docs: 'https://github.com/LostRuins/koboldcpp/wiki',
    allows: ['run-inference'],
  },
  // The same `GET /v1/models` the identify probe reads (cached): koboldcpp.py `do_GET` lists the loaded model.
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
