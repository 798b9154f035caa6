import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LLaMA-Factory (LLaMA Board) web UI: a Gradio app for fine-tuning, evaluating and chatting with
 * models, on 7860 and 0.0.0.0 by default (`GRADIO_SERVER_NAME` defaults to "0.0.0.0" in
 * `run_web_ui`), with no login option: anyone who reaches it can start training jobs, load models
 * and export them to paths on the host.
 * - It refines the Gradio entry: `GET /config` carries the Blocks title `LLaMA Factory
 *   (<hostname>)` (older releases: "LLaMA Board") and the tab "Evaluate & Predict" among its components.
 * Read from source at v0.9.5-54-gff6d4d1 (hiyouga/LLaMA-Factory, 2026-08-18): src/llamafactory/webui/interface.py
 * (`create_ui` title and tabs, `run_web_ui` server_name), src/llamafactory/webui/locales.py.
 */
export const llamaFactory: CatalogEntry = {
  service: 'llama-factory',
  name: 'LLaMA-Factory web UI',
  category: 'ml-platform',
  ports: [7860],
  refines: 'gradio',
  order: 80,
  openSeverity: 'critical',
  sources: ['https://github.com/hiyouga/LLaMA-Factory/blob/main/src/llamafactory/webui/interface.py'],
  checkedAgainst: { evidence: 'source', release: 'v0.9.5-54-gff6d4d1' },
  exposes: 'fine-tuning, evaluation, chat and model export on the host GPUs (writes files on the host)',
  identify: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'title', contains: 'LLaMA ' }, { path: 'components', type: 'array' }], bodyRegex: '"title":\\s*"LLaMA (Factory|Board)', bodyContains: ['"Evaluate & Predict"'] },
    },
  ],
  auth: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /config -> {status} "{json:title}" without login: the LLaMA Board has no authentication',
    },
  ],
  // `/config` `version` is Gradio's, not LLaMA-Factory's: no version is read.
  // README "Fine-Tuning with LLaMA Board GUI": `llamafactory-cli webui`; GRADIO_SERVER_NAME / GRADIO_SERVER_PORT pick the bind.
  remediation: {
    fix: 'The LLaMA Board has no login: start it with GRADIO_SERVER_NAME=127.0.0.1 (its default is 0.0.0.0) and reach it through an SSH tunnel or an authenticating proxy.',
    settings: ['GRADIO_SERVER_NAME=127.0.0.1'],
    docs: 'https://github.com/hiyouga/LLaMA-Factory#fine-tuning-with-llama-board-gui-powered-by-gradio',
    allows: ['run-code', 'run-inference', 'pull-models', 'write-data'],
  },
};
