import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Dagster webserver (the UI and GraphQL API of the data / ML orchestrator), port 3000. The
 * open-source webserver has no authentication: anyone who reaches it reads runs, their configs
 * (often connection strings and keys) and logs, and launches runs of the loaded code.
 * - `GET /server_info`: `{"dagster_webserver_version", "dagster_version", "dagster_graphql_version"}`
 *   (`webserver_info_endpoint`); the legacy alias `GET /dagit_info` answers the same document. The
 *   three product-named keys on one path, and the legacy alias answering them too, are the two
 *   markers (test_dagster_webserver_info checks both paths).
 * Read from source (dagster-io/dagster, main branch, not pinned; read through the code index): python_modules/dagster-webserver/
 * dagster_webserver/webserver.py (`webserver_info_endpoint`, routes `/server_info` and `/dagit_info`) and
 * dagster_webserver_tests/webserver/test_app.py (`test_dagster_webserver_info`).
 */
export const dagster: CatalogEntry = {
  service: 'dagster',
  name: 'Dagster webserver',
  category: 'ml-platform',
  ports: [3000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/dagster-io/dagster/blob/master/python_modules/dagster-webserver/dagster_webserver/webserver.py',
    'https://github.com/dagster-io/dagster/blob/master/python_modules/dagster-webserver/dagster_webserver_tests/webserver/test_app.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'master, file-level: dagster_webserver/webserver.py a39e461 (webserver_info_endpoint)' },
  exposes: 'runs, their configuration and logs, assets, and run launches of the loaded code (code execution)',
  identify: [
    {
      request: { path: '/server_info' },
      match: { status: 200, json: [{ path: 'dagster_webserver_version', type: 'string' }, { path: 'dagster_version', type: 'string' }, { path: 'dagster_graphql_version', type: 'string' }] },
      confirm: { request: { path: '/dagit_info' }, match: { status: 200, json: [{ path: 'dagster_webserver_version', type: 'string' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/server_info' },
      match: { status: 200, json: [{ path: 'dagster_version', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /server_info -> {status} without a login: the open-source Dagster webserver has no authentication',
    },
  ],
  version: [{ request: { path: '/server_info' }, json: 'dagster_version' }],
  // docs "Deploying Dagster" (open source): the webserver has no built-in auth; put it behind an authenticating proxy
  // (or use Dagster+ with its own auth), and `--read-only` removes run launches.
  remediation: {
    fix: 'The open-source Dagster webserver has no authentication: keep it on a private network behind an authenticating reverse proxy, and run public-facing instances with dagster-webserver --read-only.',
    settings: ['authenticating reverse proxy', 'dagster-webserver --read-only'],
    docs: 'https://docs.dagster.io/deployment/oss',
    allows: ['run-code', 'read-data'],
  },
};
