import type { CatalogEntry } from '../catalog-schema.js';

/**
 * ComfyUI. No authentication exists in the product (it binds 127.0.0.1 unless `--listen`), so
 * identification is proof of open access. `GET /system_stats` (also under `/api/`) reports the
 * ComfyUI, Python and PyTorch versions, the command line and the GPUs. Older releases lack
 * `comfyui_version` but already carry `system.embedded_python` and `devices`.
 * Sources (Comfy-Org/ComfyUI, formerly comfyanonymous/ComfyUI):
 * - server.py: `@routes.get("/system_stats")` -> `{"system":{"os","ram_total","ram_free","comfyui_version",
 *   "required_frontend_version",...,"python_version","pytorch_version","embedded_python","argv"},
 *   "devices":[{"name","type","index","vram_total",...}]}`; every route is mirrored under `/api`.
 * - comfy/cli_args.py: `--listen` default 127.0.0.1, `--port` default 8188.
 */
export const comfyui: CatalogEntry = {
  service: 'comfyui',
  name: 'ComfyUI',
  category: 'image-generation',
  ports: [8188],
  sources: ['https://github.com/Comfy-Org/ComfyUI/blob/master/server.py', 'https://github.com/Comfy-Org/ComfyUI/blob/master/comfy/cli_args.py'],
  checkedAgainst: { evidence: 'source', release: '0.3.64 (a125cd84, 2025-10-12)' },
  exposes: 'workflow queue (GPU time), models, uploaded and generated files, custom-node management',
  identify: [
    { request: { path: '/system_stats' }, match: { status: 200, json: [{ path: 'system.comfyui_version', type: 'string' }] } },
    {
      request: { path: '/system_stats' },
      match: { status: 200, json: [{ path: 'system.embedded_python', type: 'boolean' }, { path: 'devices', type: 'array' }] },
    },
  ],
  auth: [
    {
      request: { path: '/system_stats' },
      match: { status: 200, json: [{ path: 'devices', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /system_stats -> {status} without credentials (no auth in product), GPU {json:devices[].name}',
    },
  ],
  version: [{ request: { path: '/system_stats' }, json: 'system.comfyui_version' }],
  // comfy/cli_args.py and docs.comfy.org "Startup Flags": `--listen` defaults to 127.0.0.1 (bare `--listen` is 0.0.0.0,::);
  // ComfyUI has no authentication of its own.
  remediation: {
    fix: 'ComfyUI has no authentication of its own: start it without --listen (it then binds 127.0.0.1) and put an authenticating reverse proxy in front if remote users need it.',
    settings: ['--listen 127.0.0.1'],
    docs: 'https://docs.comfy.org/development/comfyui-server/startup-flags',
    allows: ['run-inference', 'read-data', 'write-data'],
  },
  // server.py `get_models`: `GET /models/{folder}` -> flat JSON array of file names in that model folder.
  inventory: [{ kind: 'model', request: { path: '/models/checkpoints' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[]' }],
};
