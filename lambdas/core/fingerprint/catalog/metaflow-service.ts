import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Metaflow metadata service (the backend that records every flow, run, step, task and artifact
 * location of Metaflow ML pipelines), port 8080 (`MF_METADATA_PORT`). The service has no
 * authentication of its own: deployments put it behind an API gateway with a key
 * (`METAFLOW_SERVICE_AUTH_KEY` on the client); reached directly, it lists and edits everything.
 * - `GET /ping`: `pong` with the product's own `METADATA_SERVICE_VERSION: <version>` header.
 * - `GET /flows`: the JSON list of flows `[{"flow_id", "user_name", "ts_epoch", "tags",
 *   "system_tags"}]`, with the same header (`format_response`): the second marker.
 * `GET /auth/token` hands out storage credentials on some deployments: never requested here.
 * Read from source at v2.5.1-5-g91e44f0 (Netflix/metaflow-service, 2026-07-23): services/metadata_service/api/admin.py
 * (`ping`, `version`, `healthcheck`, `get_authorization_token`), services/metadata_service/api/utils.py
 * (`METADATA_SERVICE_HEADER`, `format_response`), services/metadata_service/api/flow.py (`get_all_flows`), services/data/
 * models.py (`FlowRow.serialize`), services/metadata_service/server.py (port 8080).
 */
export const metaflowService: CatalogEntry = {
  service: 'metaflow-service',
  name: 'Metaflow metadata service',
  category: 'ml-platform',
  ports: [8080],
  sources: [
    'https://github.com/Netflix/metaflow-service/blob/master/services/metadata_service/api/admin.py',
    'https://github.com/Netflix/metaflow-service/blob/master/services/metadata_service/api/flow.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v2.5.1-5-g91e44f0 (Netflix/metaflow-service, 2026-07-23)' },
  exposes: 'every flow, run, step and task with their metadata and artifact locations (S3 paths), and writes to that record',
  identify: [
    {
      request: { path: '/ping' },
      match: { status: 200, bodyRegex: '^pong$', headers: [{ name: 'metadata_service_version' }] },
      confirm: { request: { path: '/flows' }, match: { status: 200, json: [{ path: '', type: 'array' }], headers: [{ name: 'metadata_service_version' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/flows' },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /flows -> {status}: {count:[]} flows listed without a key (the metadata service has no authentication)',
    },
  ],
  version: [{ request: { path: '/ping' }, header: 'metadata_service_version' }],
  // docs "Deploying Infrastructure for Metaflow" (getting-started/infrastructure): the service sits behind an API gateway
  // with an API key (METAFLOW_SERVICE_AUTH_KEY) or inside a private network.
  remediation: {
    fix: 'The Metaflow metadata service has no authentication: keep it on a private network and expose it only through an API gateway that requires a key (clients set METAFLOW_SERVICE_AUTH_KEY).',
    settings: ['METAFLOW_SERVICE_AUTH_KEY', 'API gateway with API key', 'internal load balancer'],
    docs: 'https://docs.metaflow.org/getting-started/infrastructure',
    allows: ['read-data', 'write-data'],
  },
  inventory: [{ kind: 'workflow', request: { path: '/flows' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[].flow_id' }],
};
