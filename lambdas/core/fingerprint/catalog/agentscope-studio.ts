import type { CatalogEntry } from '../catalog-schema.js';

/**
 * AgentScope Studio (`as_studio`, npm @agentscope/studio): the tracing, run-monitoring and
 * "Friday" agent UI for AgentScope applications, port 3000 (`PORT`), listening on every interface
 * (`httpServer.listen(port)`), with no login: its tRPC API reads projects, runs, traces, messages
 * and the Friday agent's configuration, and agents connect to it to ask users for input.
 * - `GET /`: the SPA shell `<title>AgentScope Studio</title>` (the production server answers every
 *   path but `/trpc` with it);
 * - `GET /trpc/getCurrentVersion` (confirms; a tRPC v11 query, no input): `{"result": {"data":
 *   {"success": true, "message": "Version retrieved successfully", "data": {"version": ...}}}}`.
 * Version: that query's `data.version` (the package version).
 * Read from source at v1.0.9 (agentscope-ai/agentscope-studio, 2026-03-06): packages/server/src/index.ts (express app,
 * `/trpc`, `/v1` OTLP, SPA fallback, listen), packages/server/src/trpc/router.ts (`getCurrentVersion`, `getProjects`),
 * packages/shared/src/config/common.ts (APP_INFO, port 3000, OTLP gRPC 4317), packages/client/index.html (title).
 */
export const agentscopeStudio: CatalogEntry = {
  service: 'agentscope-studio',
  name: 'AgentScope Studio',
  category: 'agent-builder',
  ports: [3000],
  sources: [
    'https://github.com/agentscope-ai/agentscope-studio/blob/main/packages/server/src/index.ts',
    'https://github.com/agentscope-ai/agentscope-studio/blob/main/packages/server/src/trpc/router.ts',
    'https://github.com/agentscope-ai/agentscope-studio/blob/main/packages/shared/src/config/common.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.0.9 (2026-03-06)' },
  exposes: 'agent runs, traces, messages and model invocations of AgentScope applications, and the Friday agent',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['<title>AgentScope Studio</title>'] },
      confirm: {
        request: { path: '/trpc/getCurrentVersion' },
        match: { status: 200, json: [{ path: 'result.data.message', equals: 'Version retrieved successfully' }, { path: 'result.data.data.version', type: 'string' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/trpc/getCurrentVersion' },
      match: { status: 200, json: [{ path: 'result.data.success', equals: true }] },
      auth: 'none',
      evidence: 'GET /trpc/getCurrentVersion -> {status} without credentials: the Studio API has no login',
    },
  ],
  version: [{ request: { path: '/trpc/getCurrentVersion' }, json: 'result.data.data.version' }],
  // README "Installation": `as_studio` serves on port 3000 with no auth; keep it local (firewall / bind through a proxy).
  remediation: {
    fix: 'AgentScope Studio has no login and listens on every interface: firewall port 3000 (and the OTLP port 4317) to localhost or a private network, and put an authenticating reverse proxy in front of shared access.',
    settings: ['firewall ports 3000 and 4317', 'authenticating reverse proxy'],
    docs: 'https://github.com/agentscope-ai/agentscope-studio#-installation',
    allows: ['read-data', 'write-data'],
  },
};
