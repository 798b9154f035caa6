import type { CatalogEntry } from '../catalog-schema.js';

/**
 * F5-TTS web UI (`f5-tts_infer-gradio`): a Gradio app for zero-shot voice cloning, multi-speaker
 * speech and voice chat, on Gradio's default port 7860 (`--port`/`--host` default to None, i.e.
 * Gradio's own defaults) with no login option at all (`launch()` gets no `auth`).
 * - It refines the Gradio entry: `GET /config` carries the page's Markdown header "# F5-TTS Demo
 *   Space" and the link to github.com/SWivid/F5-TTS (both in the same component), and the tab
 *   names "Basic-TTS" / "Multi-Speech" / "Voice-Chat".
 * No version is exposed (the `/config` version is Gradio's).
 * Read from source at 1.1.20-4-g2ae2c9b (SWivid/F5-TTS, 2026-05-18): src/f5_tts/infer/infer_gradio.py (`app` Blocks,
 * Markdown header, `gr.TabbedInterface` tab names, click options, `launch` without auth).
 */
export const f5Tts: CatalogEntry = {
  service: 'f5-tts',
  name: 'F5-TTS web UI',
  category: 'demo-ui',
  ports: [7860],
  refines: 'gradio',
  order: 80,
  sources: ['https://github.com/SWivid/F5-TTS/blob/main/src/f5_tts/infer/infer_gradio.py'],
  checkedAgainst: { evidence: 'source', release: '1.1.20-4-g2ae2c9b (2ae2c9b, 2026-05-18)' },
  exposes: 'voice cloning and speech synthesis on the host GPU (and a voice chat that runs a local LLM)',
  identify: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }], bodyContains: ['# F5-TTS Demo Space', 'github.com/SWivid/F5-TTS', '"Basic-TTS"'] },
    },
  ],
  auth: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /config -> {status} without login: the F5-TTS web UI has no authentication',
    },
  ],
  // README "Inference" (`f5-tts_infer-gradio --port 7860 --host 0.0.0.0`): the app has no auth option; keep it on localhost.
  remediation: {
    fix: 'The F5-TTS web UI has no login: start it without --host 0.0.0.0 (Gradio then binds 127.0.0.1) and never with --share; reach it through an SSH tunnel or an authenticating proxy.',
    settings: ['f5-tts_infer-gradio --host 127.0.0.1', 'no --share'],
    docs: 'https://github.com/SWivid/F5-TTS#inference',
    allows: ['run-inference'],
  },
};
