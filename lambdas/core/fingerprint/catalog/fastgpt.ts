import type { CatalogEntry } from '../catalog-schema.js';

/**
 * FastGPT (labring), a knowledge-base Q&A and workflow platform (Next.js) on 3000. Every team
 * route needs a login token or API key; the UI's boot call answers anonymously with a reduced,
 * recognisable payload.
 * - `GET /api/common/system/getInitData` without a token: `{"code": 200, "statusText": "",
 *   "message": "", "data": {"bufferId": "unAuth_<id>", "feConfigs": {...}}}` (`authCert` fails, so
 *   the handler returns the unauthenticated variant with the `unAuth_` prefix).
 * - `GET /api/support/user/account/tokenLogin` without a token: HTTP 500 with
 *   `{"code": 403, "statusText": "unAuthorization", "message": ..., "data": null}` (`NextEntry` ->
 *   `jsonRes(code 500, error)` -> `ERROR_RESPONSE[unAuthorization]`).
 * Read from source at main (labring/FastGPT, stored commits 9f16646, 09b9fa5, 18d3a72, 2af9fb8; the repository
 * snapshot is too large to fetch): projects/app/src/pages/api/common/system/getInitData.ts,
 * projects/app/src/pages/api/support/user/account/tokenLogin.ts, packages/service/common/middle/entry.ts,
 * packages/service/common/response/index.ts (`jsonRes`, `processError`), packages/global/common/error/errorCode.ts.
 */
export const fastgpt: CatalogEntry = {
  service: 'fastgpt',
  name: 'FastGPT',
  category: 'agent-builder',
  ports: [3000],
  sources: [
    'https://github.com/labring/FastGPT/blob/main/projects/app/src/pages/api/common/system/getInitData.ts',
    'https://github.com/labring/FastGPT/blob/main/packages/service/common/response/index.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'main (labring/FastGPT, stored commits 9f16646, 09b9fa5, 18d3a72, 2af9fb8' },
  exposes: 'knowledge bases, apps and workflows and the model provider keys, behind its login',
  identify: [
    {
      request: { path: '/api/common/system/getInitData' },
      match: { status: 200, json: [{ path: 'code', equals: 200 }, { path: 'statusText', equals: '' }, { path: 'data.bufferId', contains: 'unAuth_' }, { path: 'data.feConfigs', type: 'object' }] },
      confirm: {
        request: { path: '/api/support/user/account/tokenLogin' },
        match: { status: 500, json: [{ path: 'code', equals: 403 }, { path: 'statusText', equals: 'unAuthorization' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/support/user/account/tokenLogin' },
      match: { status: 500, json: [{ path: 'statusText', equals: 'unAuthorization' }] },
      auth: 'required',
      evidence: 'GET /api/support/user/account/tokenLogin -> {status} statusText "unAuthorization" (login token required); the root password is DEFAULT_ROOT_PSW (source default 123456) and must have been set',
    },
  ],
  // FastGPT's root-user init (read via the code index, ids 14534030851 and 43619079843): root's password is DEFAULT_ROOT_PSW, default '123456' ('1234' in older releases).
  remediation: {
    fix: 'Keep FastGPT behind its login with a strong root password (DEFAULT_ROOT_PSW before the first start) and expose it only over HTTPS to the people who need it.',
    settings: ['DEFAULT_ROOT_PSW=<strong password>'],
    docs: 'https://github.com/labring/FastGPT#readme',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
