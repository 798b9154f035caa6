import type { CatalogEntry } from '../catalog-schema.js';

/**
 * QAnything (NetEase Youdao), a local knowledge-base question-answering server (Sanic) on 8777,
 * host networking in its compose file. It has no authentication: knowledge bases, files and chat
 * are addressed by a caller-chosen `user_id`.
 * - `GET /api/docs`: the API description text, starting "# QAnything 介绍" and naming
 *   "**Q**uestion and **A**nswer based on **Anything**".
 * - `GET /qanything/`: the bundled web UI (`<title>QAnything</title>`, assets under `/qanything/assets/`).
 * - `GET /api/health_check`: `{"code": 200, "msg": "success"}`.
 * Read from source at v2.0.0-49-g974f933 (netease-youdao/QAnything, 2024-09-27): qanything_kernel/qanything_server/sanic_api.py
 * (routes, `--port` 8777, `app.static('/qanything/', ...)`), qanything_kernel/qanything_server/handler.py (`document`,
 * `health_check`), qanything_kernel/qanything_server/dist/qanything/index.html, docker-compose-linux.yaml, README.md.
 */
export const qanything: CatalogEntry = {
  service: 'qanything',
  name: 'QAnything',
  category: 'chat-ui',
  ports: [8777],
  sources: [
    'https://github.com/netease-youdao/QAnything/blob/qanything-v2/qanything_kernel/qanything_server/sanic_api.py',
    'https://github.com/netease-youdao/QAnything/blob/qanything-v2/qanything_kernel/qanything_server/handler.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v2.0.0-49-g974f933 (netease-youdao/QAnything, 2024-09-27)' },
  exposes: 'knowledge bases and uploaded documents (list, upload, delete) and question answering on its models',
  identify: [
    {
      request: { path: '/api/docs' },
      match: { status: 200, bodyContains: ['QAnything', '**Q**uestion and **A**nswer based on **Anything**'] },
      confirm: { request: { path: '/qanything/' }, match: { status: 200, bodyContains: ['<title>QAnything</title>', '/qanything/assets/'] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/health_check' },
      match: { status: 200, json: [{ path: 'code', equals: 200 }, { path: 'msg', equals: 'success' }] },
      auth: 'none',
      evidence: 'GET /api/health_check -> {status}; QAnything has no authentication (knowledge bases are addressed by a caller-chosen user_id)',
    },
  ],
  // README "API address http://localhost:8777": no login exists; keep the port private.
  remediation: {
    fix: 'QAnything has no authentication: keep port 8777 on a private network (it runs with host networking) and put an authenticating reverse proxy in front of any shared access.',
    settings: ['firewall port 8777', 'authenticating reverse proxy'],
    docs: 'https://github.com/netease-youdao/QAnything#readme',
    allows: ['read-data', 'write-data', 'run-inference'],
  },
};
