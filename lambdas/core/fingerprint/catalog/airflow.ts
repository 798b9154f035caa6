import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Apache Airflow 3 API server (the scheduler UI and REST API that runs data and ML pipelines),
 * port 8080. Two routers of the public API carry no authentication on purpose (monitor and version);
 * everything else needs a JWT (`get_user`: Authorization bearer or the `_token` cookie, else 401
 * "Not authenticated"). With the simple auth manager's `simple_auth_manager_all_admins = True`
 * anyone gets an admin JWT from `GET /auth/token` without credentials; the scanner does not
 * request it (it would be taking a credential), so such an instance is reported as `required`
 * from the token-less 401, and the alert text says to check that setting. A token-less 200 on the
 * DAG list (an auth manager or proxy that lets anonymous reads through) reads as `none`.
 * - `GET /api/v2/monitor/health`: `get_airflow_health()` `{"metadatabase": {"status"},
 *   "scheduler": {"status", "latest_scheduler_heartbeat", ...}, "triggerer": {...},
 *   "dag_processor": {...}}`.
 * - `GET /api/v2/version`: `VersionInfo` `{"version", "git_version"}`: the second marker.
 * - Auth: `GET /api/v2/dags` (authenticated router): `{"dags": [...], "total_entries"}` when open.
 * Airflow 2 (`/api/v1`, `/health`) is not covered: its source was not read for this entry.
 * Read from source (apache/airflow, main, through the code index): airflow-core/src/airflow/api_fastapi/core_api/routes/public/
 * __init__.py at 90731bc (authenticated vs unauthenticated routers), routes/public/monitor.py at 449d71f, routes/public/
 * version.py at e3f1f54, airflow-core/src/airflow/api/common/airflow_health.py at 03b82cf, api_fastapi/core_api/security.py
 * at 2f5cdff (`get_user`, `resolve_user_from_token`), api_fastapi/auth/managers/simple/routes/login.py at 20b530e
 * (`create_token_all_admins`).
 */
export const airflow: CatalogEntry = {
  service: 'airflow',
  name: 'Apache Airflow',
  category: 'ml-platform',
  ports: [8080],
  openSeverity: 'critical',
  sources: [
    'https://github.com/apache/airflow/blob/main/airflow-core/src/airflow/api_fastapi/core_api/routes/public/__init__.py',
    'https://github.com/apache/airflow/blob/main/airflow-core/src/airflow/api_fastapi/core_api/routes/public/monitor.py',
    'https://github.com/apache/airflow/blob/main/airflow-core/src/airflow/api/common/airflow_health.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'file-level, main: public/__init__.py@90731bc, monitor.py@449d71f, version.py@e3f1f54, security.py@2f5cdff' },
  exposes: 'DAGs, their runs, logs, variables and connections (stored credentials); triggering runs executes pipeline code on the workers',
  identify: [
    {
      request: { path: '/api/v2/monitor/health' },
      match: {
        status: 200,
        json: [{ path: 'metadatabase.status', type: 'string' }, { path: 'scheduler.latest_scheduler_heartbeat', exists: true }, { path: 'dag_processor', type: 'object' }, { path: 'triggerer', type: 'object' }],
      },
      confirm: { request: { path: '/api/v2/version' }, match: { status: 200, json: [{ path: 'version', type: 'string' }, { path: 'git_version', exists: true }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v2/dags' },
      match: { status: 200, json: [{ path: 'dags', type: 'array' }, { path: 'total_entries', type: 'number' }] },
      auth: 'none',
      evidence: 'GET /api/v2/dags -> {status}: {json:total_entries} DAGs listed without a token',
    },
    {
      request: { path: '/api/v2/dags' },
      match: { status: [401, 403] },
      auth: 'required',
      evidence: 'GET /api/v2/dags -> {status} without a token (a JWT is needed; with simple_auth_manager_all_admins on, GET /auth/token hands anyone an admin one: check that setting)',
    },
  ],
  version: [{ request: { path: '/api/v2/version' }, json: 'version' }],
  // docs "Simple auth manager" (core-concepts/auth-manager/simple): never set simple_auth_manager_all_admins outside
  // development; use users with passwords or the FAB / Keycloak auth managers in production.
  remediation: {
    fix: 'Turn off simple_auth_manager_all_admins (or use the FAB or Keycloak auth manager) so every API call needs a login, and keep the API server off public addresses.',
    settings: ['[core] simple_auth_manager_all_admins = False', 'AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS=False', '[core] auth_manager'],
    docs: 'https://airflow.apache.org/docs/apache-airflow/stable/core-concepts/auth-manager/simple/index.html',
    allows: ['run-code', 'read-data', 'write-data', 'admin'],
  },
  inventory: [{ kind: 'workflow', request: { path: '/api/v2/dags' }, match: { status: 200, json: [{ path: 'dags', type: 'array' }] }, json: 'dags[].dag_id' }],
};
