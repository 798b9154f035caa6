import type { CatalogEntry } from '../catalog-schema.js';

/**
 * TensorBoard. No authentication exists in the product (it binds localhost unless `--bind_all` or
 * `--host` is given), so identification is proof of open access. `GET /` serves the bundled
 * `index.html` titled "TensorBoard"; `GET /data/environment` reports the TensorBoard version and the
 * log directory (`data_location`), which leaks a host path.
 * Sources (tensorflow/tensorboard):
 * - tensorboard/plugins/core/core_plugin.py: routes (`/data/environment`, `/data/runs`, ...),
 *   `_serve_environment` -> `{"version","data_location","window_title","experiment_name",
 *   "experiment_description","creation_time"}`, `--port` default 6006, `--bind_all`.
 * - tensorboard/webapp/index_polymer3.uninlined.html: `<title>TensorBoard</title>`.
 * - tensorboard/backend/application.py: 404 "Not found" text/plain.
 */
export const tensorboard: CatalogEntry = {
  service: 'tensorboard',
  name: 'TensorBoard',
  category: 'ml-platform',
  ports: [6006],
  // Read from source, not recorded (release not pinned: the main branch as of 2026-12):
  // tensorboard/program.py `with_port_scanning`: without --port, TensorBoard tries 6006 and then
  // the next ports (TensorBoardPortInUseError moves it on), so a second instance is on 6007.
  alternatePorts: [6007, 6008, 6009, 6010],
  sources: [
    'https://github.com/tensorflow/tensorboard/blob/master/tensorboard/plugins/core/core_plugin.py',
    'https://github.com/tensorflow/tensorboard/blob/master/tensorboard/webapp/index_polymer3.uninlined.html',
    'https://github.com/tensorflow/tensorboard/blob/master/tensorboard/backend/application.py',
  ],
  checkedAgainst: { evidence: 'source', release: '2.16.2-178-g70b76c922 (2026-06-30)' },
  exposes: 'training runs, metrics, graphs and the log directory path',
  identify: [
    { request: { path: '/' }, match: { status: 200, bodyContains: ['<title>TensorBoard</title>'] } },
  ],
  auth: [
    {
      request: { path: '/data/environment' },
      match: { status: 200, json: [{ path: 'data_location', exists: true }] },
      auth: 'none',
      evidence: 'GET /data/environment -> {status} without credentials (no auth in TensorBoard): log directory {json:data_location}',
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['<title>TensorBoard</title>'] },
      auth: 'none',
      evidence: 'GET / -> {status} TensorBoard UI without credentials (no auth in TensorBoard)',
    },
  ],
  version: [{ request: { path: '/data/environment' }, json: 'version' }],
  // tensorboard/plugins/core/core_plugin.py: `--host` (default localhost since 2.0) and `--bind_all`; TensorBoard
  // prints "Serving TensorBoard on localhost; to expose to the network, use a proxy or pass --bind_all".
  remediation: {
    fix: 'TensorBoard has no authentication of its own: run it without --bind_all and with --host localhost (the default), and use an SSH tunnel or an authenticating reverse proxy for remote viewing.',
    settings: ['--host localhost'],
    docs: 'https://github.com/tensorflow/tensorboard/blob/master/tensorboard/plugins/core/core_plugin.py',
    allows: ['read-data'],
  },
  // core_plugin.py `_serve_runs`: `GET /data/runs` -> JSON array of run names.
  inventory: [{ kind: 'experiment', request: { path: '/data/runs' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[]' }],
};
