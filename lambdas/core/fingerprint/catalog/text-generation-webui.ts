import type { CatalogEntry } from '../catalog-schema.js';

/**
 * oobabooga text-generation-webui, OpenAI-compatible API (`--api`, port 5000; the Gradio UI on 7860
 * is left to the generic Gradio entry). The FastAPI app serves its default `/openapi.json`, which
 * lists the project's own `/v1/internal/*` routes. `--api-key` makes every API route answer 401
 * `{"detail":"Unauthorized"}` (`/openapi.json` stays public); `--admin-key` guards model loading.
 * `/v1/models` items say `"owned_by":"user"`, which identifies nothing.
 * Sources (oobabooga/text-generation-webui):
 * - modules/api/script.py (older: extensions/openai/script.py): `verify_api_key`, `verify_admin_key`,
 *   routes `/v1/internal/model/info` -> `{"model_name","lora_names","loader"}`, `/v1/internal/encode`, ...
 * - modules/api/models.py: `get_current_model_info`, `model_info_dict` (`owned_by: "user"`).
 * - modules/shared.py: `--api-port` default 5000, `--api-key`, `--admin-key`.
 */
export const textGenerationWebui: CatalogEntry = {
  service: 'text-generation-webui',
  name: 'text-generation-webui (oobabooga)',
  category: 'llm-server',
  ports: [5000],
  sources: [
    'https://github.com/oobabooga/text-generation-webui/blob/main/modules/api/script.py',
    'https://github.com/oobabooga/text-generation-webui/blob/main/modules/api/models.py',
    'https://github.com/oobabooga/text-generation-webui/blob/main/modules/shared.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v4.7.3 (1dcde41d, 2026-05-03)' },
  exposes: 'loaded model and loader, inference, and (admin key unset) model load/unload',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, bodyContains: ['"/v1/internal/model/info"', '"/v1/internal/encode"'] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/internal/model/info' },
      match: { status: 200, json: [{ path: 'loader', exists: true }, { path: 'lora_names', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/internal/model/info -> {status} without a key (model {json:model_name}, loader {json:loader})',
    },
    {
      request: { path: '/v1/internal/model/info' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Unauthorized' }] },
      auth: 'required',
      evidence: 'GET /v1/internal/model/info -> {status} {"detail":"Unauthorized"} (--api-key)',
    },
  ],
  // docs/12 - OpenAI API.md: `--api-key` for authentication, `--listen` / `--public-api` open the API up;
  // modules/shared.py `--admin-key` guards model loading.
  remediation: {
    fix: 'Start with --api-key <key> and --admin-key <key> (the admin key guards model loading), and drop --listen and --public-api unless remote clients need the API.',
    settings: ['--api-key <key>', '--admin-key <key>'],
    docs: 'https://github.com/oobabooga/text-generation-webui/blob/main/docs/12%20-%20OpenAI%20API.md',
    allows: ['run-inference', 'pull-models'],
  },
};
