import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Determined master (distributed deep-learning training platform: experiments, checkpoints,
 * notebooks and shells on the cluster's GPUs), port 8080 (8443 with TLS). Its API always needs a
 * session token; the risk of an exposed master is its initial accounts `admin` and `determined`,
 * which older releases shipped with blank passwords (newer ones require `initialUserPassword` /
 * `security.initial_user_password`). Signing in is a POST, so the scanner does not try them; the
 * alert reports the exposed master with its version.
 * - `GET /info` (echo route, in `unauthenticatedPointsList`): `aproto.MasterInfo` `{"version",
 *   "master_id", "cluster_id", "cluster_name", "telemetry", "sso_providers"}`.
 * - `GET /api/v1/master` (`GetMaster`, in the gRPC `unauthenticatedMethods`): the same facts in the
 *   gateway's camelCase (`masterId`, `clusterId`, ...): the second marker.
 * - Any other API read without a token (`GET /api/v1/me`): 401 `{"error": {"code": 16, "reason":
 *   "Unauthenticated", "error": "..."}}` (grpcutil `errorHandler`).
 * Read from source at c1e9c6d (determined-ai/determined, 2025-03-20, after v0.38.1-rc5): master/internal/core.go (`/info`,
 * `Info()`), master/pkg/aproto/master_message.go (`MasterInfo`), master/internal/user/service.go
 * (`unauthenticatedPointsList`), master/internal/grpcutil/auth.go (`unauthenticatedMethods`), master/internal/grpcutil/
 * errors.go (`errorHandler`), master/internal/grpcutil/api.go (gateway marshaler without OrigName), proto/src/determined/api/v1/master.proto.
 */
export const determined: CatalogEntry = {
  service: 'determined',
  name: 'Determined master',
  category: 'ml-platform',
  ports: [8080],
  sources: [
    'https://github.com/determined-ai/determined/blob/main/master/internal/core.go',
    'https://github.com/determined-ai/determined/blob/main/master/pkg/aproto/master_message.go',
    'https://github.com/determined-ai/determined/blob/main/master/internal/grpcutil/auth.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'c1e9c6d (determined-ai/determined, 2025-03-20, after v0.38.1-rc5)' },
  exposes: 'the training cluster: experiments, models, checkpoints, and notebooks/shells/commands on its GPUs for whoever signs in',
  identify: [
    {
      request: { path: '/info' },
      match: {
        status: 200,
        json: [{ path: 'version', type: 'string' }, { path: 'master_id', type: 'string' }, { path: 'cluster_id', type: 'string' }, { path: 'cluster_name', type: 'string' }, { path: 'telemetry', type: 'object' }],
      },
      confirm: { request: { path: '/api/v1/master' }, match: { status: 200, json: [{ path: 'masterId', type: 'string' }, { path: 'clusterId', type: 'string' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/me' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /api/v1/me -> {status} without a session token (sign-in needed; the initial admin/determined accounts may still have blank passwords on older installs)',
    },
  ],
  version: [{ request: { path: '/info' }, json: 'version' }],
  // docs "Users and Access Control" (cluster-setup-guide/security/users): set strong passwords for the initial
  // `admin` and `determined` users (initialUserPassword in the Helm chart / security.initial_user_password), enable TLS.
  remediation: {
    fix: 'Set strong passwords for the initial admin and determined accounts (security.initial_user_password, or initialUserPassword in the Helm chart), turn on TLS, and keep the master off public addresses.',
    settings: ['security.initial_user_password', 'initialUserPassword (Helm)', 'det user change-password admin', 'det user change-password determined'],
    docs: 'https://docs.determined.ai/latest/setup-cluster/security/overview.html',
    allows: ['run-code', 'read-data', 'write-data'],
  },
};
