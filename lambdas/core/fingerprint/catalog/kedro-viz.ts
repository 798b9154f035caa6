import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Kedro-Viz (pipeline visualisation for Kedro ML projects), port 4141 on 127.0.0.1 by default.
 * It has no authentication: a reachable instance shows the project's pipelines, datasets and
 * parameters (and previews of data).
 * - `GET /api/version`: `{"installed": "<version>", "is_outdated": <bool>, "latest": "<version>"}`
 *   (VersionAPIResponse).
 * - `GET /api/main`: the pipeline graph `{"nodes", "edges", "layers", "tags", "pipelines",
 *   "modular_pipelines", "selected_pipeline"}` (confirms the version document).
 * Read from source at v12.4.0-5-g5a76218 (kedro-org/kedro-viz, 2026-06-11): package/kedro_viz/api/rest/router.py,
 * package/kedro_viz/api/rest/responses/version.py, package/kedro_viz/api/rest/responses/pipelines.py, package/kedro_viz/constants.py.
 */
export const kedroViz: CatalogEntry = {
  service: 'kedro-viz',
  name: 'Kedro-Viz',
  category: 'ml-platform',
  ports: [4141],
  sources: [
    'https://github.com/kedro-org/kedro-viz/blob/main/package/kedro_viz/api/rest/router.py',
    'https://github.com/kedro-org/kedro-viz/blob/main/package/kedro_viz/api/rest/responses/version.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v12.4.0-5-g5a76218' },
  exposes: "the ML project's pipelines, datasets, parameters and data previews",
  identify: [
    {
      request: { path: '/api/version' },
      match: { status: 200, json: [{ path: 'installed', type: 'string' }, { path: 'is_outdated', type: 'boolean' }, { path: 'latest', type: 'string' }] },
      confirm: { request: { path: '/api/main' }, match: { status: 200, json: [{ path: 'nodes', type: 'array' }, { path: 'edges', type: 'array' }, { path: 'modular_pipelines', exists: true }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/main' },
      match: { status: 200, json: [{ path: 'nodes', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/main -> {status}: the pipeline graph ({count:nodes[]} nodes) without a login; Kedro-Viz has no authentication',
    },
  ],
  version: [{ request: { path: '/api/version' }, json: 'installed' }],
  // docs "Kedro-Viz > Publish and share": share through the static publish (kedro viz deploy/build) rather than exposing the server;
  // `kedro viz run` binds 127.0.0.1 by default.
  remediation: {
    fix: 'Kedro-Viz has no authentication: keep kedro viz run on 127.0.0.1 (the default host) and share pipelines with kedro viz build / deploy or behind an authenticating proxy.',
    settings: ['kedro viz run --host 127.0.0.1'],
    docs: 'https://docs.kedro.org/projects/kedro-viz/en/stable/',
    allows: ['read-data'],
  },
};
