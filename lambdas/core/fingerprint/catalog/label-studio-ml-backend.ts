import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Label Studio ML backend (the model server Label Studio calls for pre-annotations and training,
 * usually wrapping a hosted or local model and holding a Label Studio API key), port 9090. Open
 * unless `BASIC_AUTH_USER` / `BASIC_AUTH_PASS` are set: then a `before_request` hook answers every
 * path 401 `Unauthorized` with `WWW-Authenticate: Basic realm="Login required"`, which any Flask
 * basic-auth wall sends too, so only the open state is identified.
 * - `GET /` and `GET /health` (one handler on both routes): `{"status": "UP", "model_class":
 *   "<the model class name>"}`. The product's own key on two routes is the pair of markers (as for
 *   Dagster's two info routes); both paths are ones the catalog already requests.
 * Open, `POST /predict` runs the model, and `POST /setup` / `POST /webhook` start training.
 * Read from source at 0.0.1-71-gd02cedf (HumanSignal/label-studio-ml-backend, 2026-08-20): label_studio_ml/api.py (`init_app`,
 * `health` on `/` and `/health`, `metrics`, `check_auth`, routes), label_studio_ml/default_configs/README.md (BASIC_AUTH_USER,
 * BASIC_AUTH_PASS), README.md (port 9090).
 */
export const labelStudioMlBackend: CatalogEntry = {
  service: 'label-studio-ml-backend',
  name: 'Label Studio ML backend',
  category: 'model-server',
  ports: [9090],
  sources: ['https://github.com/HumanSignal/label-studio-ml-backend/blob/master/label_studio_ml/api.py'],
  checkedAgainst: { evidence: 'source', release: '0.0.1-71-gd02cedf (HumanSignal/label-studio-ml-backend, 2026-08-20)' },
  exposes: 'the wrapped model (predictions on any input) and training runs on posted annotations',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'status', equals: 'UP' }, { path: 'model_class', type: 'string' }] },
      confirm: { request: { path: '/health' }, match: { status: 200, json: [{ path: 'status', equals: 'UP' }, { path: 'model_class', type: 'string' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/health' },
      match: { status: 200, json: [{ path: 'model_class', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /health -> {status} model class {json:model_class} without credentials (BASIC_AUTH_USER unset): /predict, /setup and /webhook are open',
    },
  ],
  // label_studio_ml/default_configs/README.md: BASIC_AUTH_USER and BASIC_AUTH_PASS protect the model server; Label Studio
  // is then given the same credentials in the model connection settings.
  remediation: {
    fix: 'Set BASIC_AUTH_USER and BASIC_AUTH_PASS on the ML backend (and the same credentials in the Label Studio model connection), and keep port 9090 reachable only from the Label Studio server.',
    settings: ['BASIC_AUTH_USER', 'BASIC_AUTH_PASS'],
    docs: 'https://github.com/HumanSignal/label-studio-ml-backend/blob/master/label_studio_ml/default_configs/README.md',
    allows: ['run-inference', 'write-data'],
  },
};
