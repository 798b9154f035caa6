import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Apache Zeppelin (notebooks for Spark, Python, SQL and shell interpreters), port 8080
 * (`zeppelin.server.port`). Anonymous by default: without a `conf/shiro.ini` every REST call runs as
 * `anonymous`, and a note paragraph runs code on the interpreters. With Shiro, `/api/version` stays
 * anonymous (the template's `[urls]` says so) and the rest of `/api/*` needs a login (`/** = authc`,
 * a redirect to `shiro.loginUrl = /api/login`). Shiro guards `/api/*` only: the web UI is public.
 * - `GET /api/version`: `{"status": "OK", "message": "Zeppelin version", "body": {"version",
 *   "git-commit-id", "git-timestamp"}}` (public in both states).
 * - `GET /`: the web UI, `<title>Zeppelin</title>` (new UI) or `<title ng-bind=...>Zeppelin</title>`
 *   (classic): the second marker.
 * - Auth: `GET /api/security/ticket` answers `{"body": {"principal": "anonymous", "ticket":
 *   "anonymous"}}` when anonymous access is on; with Shiro it redirects to the login URL.
 * Read from source at master 904e913 (apache/zeppelin, 2026-08-22, 0.13.0-SNAPSHOT): zeppelin-server/src/main/java/org/apache/
 * zeppelin/rest/ZeppelinRestApi.java (`getVersion`), rest/SecurityRestApi.java (`ticket`), rest/NotebookRestApi.java
 * (`getNoteList`), server/JsonResponse.java (status, message, body), server/ZeppelinServer.java (ShiroFilter on `/api/*`),
 * ticket/TicketContainer.java (`ANONYMOUS_ENTRY`), conf/shiro.ini.template, zeppelin-web-angular/src/index.html.
 */
export const zeppelin: CatalogEntry = {
  service: 'zeppelin',
  name: 'Apache Zeppelin',
  category: 'notebook',
  ports: [8080],
  openSeverity: 'critical',
  sources: [
    'https://github.com/apache/zeppelin/blob/master/zeppelin-server/src/main/java/org/apache/zeppelin/rest/ZeppelinRestApi.java',
    'https://github.com/apache/zeppelin/blob/master/zeppelin-server/src/main/java/org/apache/zeppelin/rest/SecurityRestApi.java',
    'https://github.com/apache/zeppelin/blob/master/conf/shiro.ini.template',
  ],
  checkedAgainst: { evidence: 'source', release: 'master 904e913 (apache/zeppelin, 2026-08-22, 0.13.0-SNAPSHOT)' },
  exposes: 'notes and their results, interpreter settings, and paragraph runs on Spark/Python/shell interpreters (code execution)',
  identify: [
    {
      request: { path: '/api/version' },
      match: { status: 200, json: [{ path: 'message', equals: 'Zeppelin version' }, { path: 'body.version', type: 'string' }, { path: 'body.git-commit-id', exists: true }] },
      confirm: { request: { path: '/' }, match: { status: 200, bodyContains: ['Zeppelin</title>'] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/security/ticket' },
      match: { status: 200, json: [{ path: 'body.principal', equals: 'anonymous' }] },
      auth: 'none',
      evidence: 'GET /api/security/ticket -> {status} principal "anonymous": anonymous access is on (no shiro.ini), anyone can run paragraphs',
    },
    {
      request: { path: '/api/security/ticket' },
      match: { status: [301, 302, 303, 307, 401, 403] },
      auth: 'required',
      evidence: 'GET /api/security/ticket -> {status}: Shiro authentication is on',
    },
  ],
  version: [{ request: { path: '/api/version' }, json: 'body.version' }],
  // docs "Apache Shiro authentication for Apache Zeppelin" (setup/security/shiro_authentication): copy
  // conf/shiro.ini.template to conf/shiro.ini, define users or a realm, and keep `/** = authc`.
  remediation: {
    fix: 'Turn on Shiro authentication: copy conf/shiro.ini.template to conf/shiro.ini, configure users or an LDAP/AD realm with `/** = authc` under [urls], restart Zeppelin, and keep it off public addresses.',
    settings: ['conf/shiro.ini', '[urls] /** = authc', 'zeppelin.server.addr=127.0.0.1'],
    docs: 'https://zeppelin.apache.org/docs/latest/setup/security/shiro_authentication.html',
    allows: ['run-code', 'read-data', 'write-data', 'admin'],
  },
  inventory: [{ kind: 'notebook', request: { path: '/api/notebook' }, match: { status: 200, json: [{ path: 'body', type: 'array' }] }, json: 'body[].path' }],
};
