import type { CatalogEntry } from '../catalog-schema.js';

/**
 * MaxKB (1Panel), a RAG knowledge-base and agent platform, port 8080. The console always needs a
 * login; the installation's default account is `admin` / `MaxKB@123..` (README), which only a
 * login POST could prove, so it is named in the evidence and never tried.
 * - `GET /admin/api/profile` (AnonymousAuthentication, public): `{"code": 200, "message": ...,
 *   "data": {"version": <MAXKB_VERSION>, "edition": "CE"|..., "license_is_valid": <bool>}}`.
 * - `GET /admin/api/user/profile` without a token: 401 `{"code": 1003, "message": "Not logged in,
 *   please log in first" (localised), "data": null}` (AppAuthenticationFailed): the auth signal.
 * (`/admin` is the default ADMIN_PATH.)
 * Read from source at v2.1.0-10-g121614f (1Panel-dev/MaxKB, 2025-09-05): apps/maxkb/urls.py, apps/maxkb/conf.py
 * (ADMIN_PATH /admin), apps/system_manage/views/system_profile.py + serializers/system.py (`profile`),
 * apps/common/result/result.py (`Result`), apps/common/auth/authenticate.py + apps/common/exception/app_exception.py
 * (1003 / 401), apps/maxkb/settings/base.py (edition CE), README.md (default account, port 8080).
 */
export const maxkb: CatalogEntry = {
  service: 'maxkb',
  name: 'MaxKB',
  category: 'agent-builder',
  ports: [8080],
  sources: [
    'https://github.com/1Panel-dev/MaxKB/blob/v2/apps/system_manage/serializers/system.py',
    'https://github.com/1Panel-dev/MaxKB/blob/v2/apps/common/auth/authenticate.py',
    'https://github.com/1Panel-dev/MaxKB/blob/v2/README.md',
  ],
  checkedAgainst: { evidence: 'source', release: 'v2.1.0-10-g121614f' },
  exposes: 'knowledge bases, applications and model provider keys, behind its login',
  identify: [
    {
      request: { path: '/admin/api/profile' },
      match: { status: 200, json: [{ path: 'code', equals: 200 }, { path: 'data.edition', type: 'string' }, { path: 'data.license_is_valid', type: 'boolean' }, { path: 'data.version', exists: true }] },
    },
  ],
  auth: [
    {
      request: { path: '/admin/api/user/profile' },
      match: { status: 401, json: [{ path: 'code', equals: 1003 }] },
      auth: 'required',
      evidence: 'GET /admin/api/user/profile -> {status} code 1003 (login required); the default account admin / MaxKB@123.. must have been changed',
    },
  ],
  version: [{ request: { path: '/admin/api/profile' }, json: 'data.version' }],
  // README "Quick start": log in with admin / MaxKB@123.. and change the password at once.
  remediation: {
    fix: 'Change the default admin password (MaxKB@123..) at first login, and keep the console off public addresses unless it must be reached remotely.',
    settings: ['admin password changed from MaxKB@123..'],
    docs: 'https://github.com/1Panel-dev/MaxKB#quick-start',
    allows: ['admin', 'read-data', 'spend-api-keys'],
  },
};
