import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Intel Neural Compressor "Neural Solution" (a quantisation-as-a-service server), FastAPI on 8000
 * (`--fastapi_port`), binding 0.0.0.0 by default (`--service_address`). It has no authentication:
 * `POST /task/submit/` runs submitted tasks (scripts) on the cluster, the path of CVE-2024-22476.
 * - `GET /`: `{"message": "Welcome to Neural Solution!"}` (`read_root`).
 * - `GET /ping`: `{"status", "msg"}` where `msg` is "Neural Solution is running." or a ping failure
 *   text (it only opens sockets to its own task/result monitors): the confirming marker.
 * Read from source (intel/neural-compressor, neural_solution/frontend/fastapi/main_server.py and its test
 * test/neural_solution/.../test_main_server.py `test_read_root`, `test_ping`; main branch, not pinned, read through the code index).
 */
export const neuralSolution: CatalogEntry = {
  service: 'neural-solution',
  name: 'Intel Neural Solution',
  category: 'ml-platform',
  ports: [8000],
  openSeverity: 'critical',
  sources: ['https://github.com/intel/neural-compressor/blob/master/neural_solution/frontend/fastapi/main_server.py'],
  checkedAgainst: { evidence: 'source', release: 'v2.6 (the last release with it: removed in v3.0, intel/neural-compressor #1872)' },
  exposes: 'task submission that runs user scripts on the cluster (arbitrary code execution)',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'message', equals: 'Welcome to Neural Solution!' }] },
      confirm: { request: { path: '/ping' }, match: { status: 200, json: [{ path: 'status', type: 'string' }, { path: 'msg', type: 'string' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'message', equals: 'Welcome to Neural Solution!' }] },
      auth: 'none',
      evidence: 'GET / -> {status} "Welcome to Neural Solution!": Neural Solution has no authentication; /task/submit/ runs tasks',
    },
  ],
  // docs neural_solution/README.md: `neural_solution start` options (--restful_api_port, --conda_env...); no auth exists,
  // so keep it on a private network.
  remediation: {
    fix: 'Neural Solution has no authentication: run it only on a private network or localhost and put an authenticating proxy in front of its task API.',
    settings: ['private network / authenticating reverse proxy'],
    docs: 'https://github.com/intel/neural-compressor/tree/master/neural_solution',
    allows: ['run-code'],
  },
};
