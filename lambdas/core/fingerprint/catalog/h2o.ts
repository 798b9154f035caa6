import type { CatalogEntry } from '../catalog-schema.js';

/**
 * H2O-3 (REST API and the H2O Flow UI on 54321). No authentication by default. Every answer of the
 * H2O servlet carries `X-h2o-build-project-version`, `X-h2o-rest-api-version-max` and
 * `X-h2o-cluster-id`; `GET /` is a 301 to `/flow/index.html`. `GET /3/Frames` lists the data frames
 * held in the cluster. With `-hash_login` (or `-ldap_login`, `-pam_login`, `-kerberos_login`) Jetty's
 * security handler answers every path with 401 before the servlet (so without the H2O headers);
 * hash login uses the realm "H2O" (`WWW-Authenticate: basic realm="H2O"`). The open API also imports
 * files from the host file system (`/3/ImportFiles`, CVE-2023-6038).
 * Sources (h2oai/h2o-3):
 * - h2o-core/src/main/java/water/server/ServletUtils.java `setCommonResponseHttpHeaders`
 *   (X-h2o-* headers on every servlet answer).
 * - h2o-jetty-9/src/main/java/water/webserver/jetty9/Jetty9Helper.java `authWrapper`:
 *   `HashLoginService("H2O", ...)`, `BasicAuthenticator`, constraint on `/*`.
 * - h2o-core/src/main/java/water/api/RequestServer.java: `redirectToFlow` (301), `response404`.
 * - h2o-core/src/main/java/water/api/RegisterV3Api.java: `GET /3/Cloud`, `GET /3/Frames`.
 * - h2o-core/src/main/java/water/api/schemas3/FramesListV3.java, H2OErrorV3.java, CloudV3.java.
 * - h2o-core/src/main/java/water/H2O.java: `H2O_DEFAULT_PORT = 54321`.
 */
export const h2o: CatalogEntry = {
  service: 'h2o',
  name: 'H2O-3 / H2O Flow',
  category: 'ml-platform',
  ports: [54321],
  openSeverity: 'critical',
  sources: [
    'https://github.com/h2oai/h2o-3/blob/master/h2o-core/src/main/java/water/server/ServletUtils.java',
    'https://github.com/h2oai/h2o-3/blob/master/h2o-jetty-9/src/main/java/water/webserver/jetty9/Jetty9Helper.java',
    'https://github.com/h2oai/h2o-3/blob/master/h2o-core/src/main/java/water/api/RequestServer.java',
    'https://github.com/h2oai/h2o-3/blob/master/h2o-core/src/main/java/water/api/RegisterV3Api.java',
    'https://github.com/h2oai/h2o-3/blob/master/h2o-core/src/main/java/water/api/schemas3/FramesListV3.java',
  ],
  checkedAgainst: { evidence: 'source', release: 'jenkins-rel-latest-stable-255-g4b33b75b19 (4b33b75b19, 2026-08-07; newest release tag jenkins-rel-3.46.0.11-4)' },
  exposes: 'data frames, models and file import from the host file system (ImportFiles)',
  identify: [
    {
      request: { path: '/' },
      match: { headers: [{ name: 'x-h2o-build-project-version' }, { name: 'x-h2o-cluster-id' }] },
    },
    { request: { path: '/' }, match: { status: 401, headers: [{ name: 'www-authenticate', regex: 'realm="H2O"' }] } },
  ],
  auth: [
    {
      request: { path: '/3/Frames' },
      match: { status: 200, json: [{ path: 'frames', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /3/Frames -> {status} without credentials: {count:frames[]} data frames (first: {json:frames[].frame_id.name})',
    },
    {
      request: { path: '/3/Frames' },
      match: { status: 401, headers: [{ name: 'www-authenticate', regex: '^basic realm=' }] },
      auth: 'required',
      evidence: 'GET /3/Frames -> {status} basic auth (H2O -hash_login/-ldap_login/-pam_login)',
    },
  ],
  version: [
    { request: { path: '/' }, match: { headers: [{ name: 'x-h2o-build-project-version' }] }, header: 'x-h2o-build-project-version' },
  ],
  // H2O-3 docs h2o-docs/security.html (authentication: -hash_login/-ldap_login/-pam_login/-kerberos_login with
  // -login_conf) and h2o-jetty-9 Jetty9Helper.java (HashLoginService realm "H2O").
  remediation: {
    fix: 'Restart H2O with login enabled (-hash_login -login_conf <realm.properties>, or -ldap_login/-pam_login/-kerberos_login) and bind it to a private address with -ip; without login anyone can read frames and import host files.',
    settings: ['-hash_login', '-login_conf <realm.properties>', '-ip <private address>'],
    docs: 'https://docs.h2o.ai/h2o/latest-stable/h2o-docs/security.html',
    allows: ['run-code', 'read-data', 'write-data'],
  },
  // The same `GET /3/Frames` the auth rule reads (cached): FramesListV3 `frames[].frame_id.name`.
  inventory: [{ kind: 'dataset', request: { path: '/3/Frames' }, match: { status: 200, json: [{ path: 'frames', type: 'array' }] }, json: 'frames[].frame_id.name' }],
};
