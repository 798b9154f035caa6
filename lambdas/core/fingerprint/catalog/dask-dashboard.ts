import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Dask distributed scheduler dashboard (the HTTP side of a Dask cluster used for parallel data
 * prep and model training), port 8787. It has no authentication: it shows the workers, tasks,
 * logs and call stacks of the cluster, and points at the scheduler (8786), which runs any
 * submitted Python function on the workers.
 * - `GET /info`: tornado redirect to `info/main/workers.html` (the route table of
 *   distributed/http/scheduler/info.py); `/info` is a path other entries already request.
 * - `GET /json/identity.json`: `Scheduler.identity()` `{"type": "Scheduler", "id": "Scheduler-...",
 *   "address": "tcp://...", "services", "started", "n_workers", "total_threads", "total_memory",
 *   "workers": {...}}`: the second marker.
 * No version is served on these routes.
 * Read from source at 2026.7.0-10-g40fcd99 (dask/distributed, 2026-07-12): distributed/http/scheduler/info.py (routes,
 * `redirect("info/main/workers.html")`), distributed/http/utils.py (`redirect`), distributed/http/scheduler/json.py
 * (`IdentityJSON`, `CountsJSON`), distributed/scheduler.py (`identity`), distributed/http/health.py.
 */
export const daskDashboard: CatalogEntry = {
  service: 'dask-dashboard',
  name: 'Dask dashboard',
  category: 'ml-platform',
  ports: [8787],
  sources: [
    'https://github.com/dask/distributed/blob/main/distributed/http/scheduler/info.py',
    'https://github.com/dask/distributed/blob/main/distributed/http/scheduler/json.py',
    'https://github.com/dask/distributed/blob/main/distributed/scheduler.py',
  ],
  checkedAgainst: { evidence: 'source', release: '2026.7.0-10-g40fcd99 (dask/distributed, 2026-07-12)' },
  exposes: 'the cluster layout (scheduler and worker addresses), task graph, worker logs and call stacks; the scheduler it names runs any submitted code',
  identify: [
    {
      request: { path: '/info' },
      match: { status: [301, 302], headers: [{ name: 'location', regex: 'info/main/workers\\.html$' }] },
      confirm: {
        request: { path: '/json/identity.json' },
        match: { status: 200, json: [{ path: 'type', equals: 'Scheduler' }, { path: 'id', contains: 'Scheduler-' }, { path: 'address', type: 'string' }, { path: 'workers', type: 'object' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/json/identity.json' },
      match: { status: 200, json: [{ path: 'type', equals: 'Scheduler' }] },
      auth: 'none',
      evidence: 'GET /json/identity.json -> {status}: scheduler {json:address} with {json:n_workers} workers, readable without a login (the dashboard has no authentication)',
    },
  ],
  // docs "Security" (distributed.dask.org/en/stable/tls.html): TLS/mutual auth covers the scheduler protocol, not the
  // dashboard; the dashboard address is set with --dashboard-address (or disabled with --no-dashboard).
  remediation: {
    fix: 'The Dask dashboard has no authentication: bind it to localhost (--dashboard-address 127.0.0.1:8787) or disable it (--no-dashboard), put an authenticating proxy in front of shared access, and secure the scheduler with TLS.',
    settings: ['dask scheduler --dashboard-address 127.0.0.1:8787', 'dask scheduler --no-dashboard', 'distributed.comm.require-encryption'],
    docs: 'https://distributed.dask.org/en/stable/tls.html',
    allows: ['read-data'],
  },
};
