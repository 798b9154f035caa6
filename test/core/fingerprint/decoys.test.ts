import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import type { CatalogEntry, ProbeRequest } from '../../../lambdas/core/fingerprint/catalog-schema.js';
import { cachingFetch, type HttpFetch, type HttpResult } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { matches } from '../../../lambdas/core/fingerprint/match.js';
import { type FixtureResponse, serializeBody } from '../../../lambdas/local/fixture-fleet.js';
import { fixtureFetch } from '../../support/fixture-fetch.js';
import { loadStaticDecoys } from '../../support/static-decoys.js';

/**
 * False-positive control: non-AI look-alikes that a naive scanner would report. Every decoy runs
 * through the real engine (default credentials on) on the common ports and on its own port, and
 * must come back unidentified. A failure here is a catalog finding: the message names the entry and
 * the identify probe that matched. Fix the entry, never the decoy.
 *
 * Static decoys are `test/fixtures/decoys/<name>.json` (the HTTP fixture format, `service: "decoy"`).
 * Decoys whose answer depends on the request path (echo servers, products that quote the URL back)
 * are written here as an `HttpFetch`.
 */

interface Decoy {
  readonly name: string;
  /** The port the product listens on by default; scanned besides the common ports. */
  readonly naturalPort: number;
  readonly source: string;
  /** A fresh fetch answering as the decoy (one per scanned endpoint). */
  readonly fetch: () => HttpFetch;
}

/** Ports every decoy is scanned on: port hints reorder the catalog, so each can surface a different entry first. */
const COMMON_PORTS = [80, 443, 8000, 8080, 11434, 7860, 3000];

// ------------------------------------------------------------------------------------------------
// Static decoys

/** Natural port of every static decoy file. A new file must be added here (the test says so). */
const STATIC_PORTS: Readonly<Record<string, number>> = {
  alertmanager: 9093,
  'apache-it-works': 80,
  'apache-solr': 8983,
  'apache-superset': 8088,
  'api-envelope-version-health': 8081,
  'argo-cd': 8080,
  'argo-cd-api-server': 8080,
  'caddy-admin-api': 2019,
  'celery-flower': 5555,
  'clickhouse-http': 8123,
  'code-server': 8080,
  consul: 8500,
  couchdb: 5984,
  'dcgm-exporter': 9400,
  directus: 8055,
  discourse: 443,
  'django-site-debug-off': 8000,
  'docker-engine-api': 2375,
  'docker-registry': 5000,
  'docker-registry-htpasswd': 5000,
  'drf-projects-api': 8000,
  etcd: 2379,
  'express-401-authentication-required': 3000,
  'express-health-components': 3000,
  'express-health-version-service': 3000,
  'express-ping-pong': 3000,
  'fastapi-403-authentication-failed': 8000,
  'fastapi-403-not-authenticated': 8000,
  'fastapi-auth-status-service': 8000,
  'fastapi-forms-jobs-api': 8000,
  'fastapi-health-version-status': 8283,
  'fastapi-inventory': 8000,
  'fastapi-kserve-v1-predict': 8080,
  'fastapi-memory-service': 8000,
  'fastapi-oauth2-401-not-authenticated': 8000,
  'fastapi-users-auth-service': 8000,
  'fastapi-version-commit': 8000,
  'fastapi-version-git-commit': 80,
  'flask-api-status-config': 5000,
  'flask-health-status-up': 5000,
  'flask-health-version-api': 5000,
  'geth-json-rpc': 8545,
  'ghost-blog': 2368,
  'gin-api-status': 3000,
  'gin-system-info-envelope': 5300,
  gitea: 3000,
  gitlab: 443,
  'go-net-http-404': 8080,
  grafana: 3000,
  'grafana-loki': 3100,
  'graphql-playground-health': 8000,
  'haproxy-stats': 8404,
  harbor: 443,
  hasura: 8080,
  'home-assistant': 8123,
  'iis-default': 80,
  influxdb: 8086,
  'jaeger-query': 16686,
  jellyfin: 8096,
  'json-401-authentication-required': 8321,
  'kafka-ui': 8080,
  keycloak: 8080,
  'kibana-open': 5601,
  'kibana-secured': 5601,
  'kubernetes-apiserver-no-anonymous': 6443,
  mattermost: 8065,
  metabase: 3000,
  'mongo-express': 8081,
  neo4j: 7474,
  'nestjs-swagger-api': 3000,
  netdata: 19999,
  nextcloud: 443,
  'nextjs-site': 3000,
  'nginx-auth-basic': 443,
  'nginx-default': 80,
  'node-exporter': 9100,
  'node-red': 1880,
  'node-red-admin-auth': 1880,
  nomad: 4646,
  'openai-style-401-wrapped': 23333,
  opensearch: 9200,
  'opensearch-dashboards': 5601,
  pgadmin4: 80,
  'plotly-dash-app': 8050,
  portainer: 9000,
  postgrest: 3000,
  prometheus: 9090,
  'python-http-server': 8000,
  'rabbitmq-management': 15672,
  redash: 5000,
  'rest-401-error-unauthorized': 8000,
  'rocket-chat': 3000,
  sonarqube: 9000,
  'spa-blog-catch-all': 80,
  'spa-docs-runbook-catch-all': 3000,
  'spring-boot-springdoc': 8080,
  'spring-security-oauth2-resource-server': 8080,
  'sse-notification-stream': 3000,
  'starlette-bare-not-found': 8000,
  strapi: 1337,
  'swagger-petstore': 8080,
  'synapse-matrix': 8008,
  'tomcat-empty-webapps': 8080,
  'traefik-dashboard': 8080,
  'uptime-kuma': 3001,
  vault: 8200,
  vaultwarden: 80,
  verdaccio: 4873,
  'ws-websocket-only-server': 8080,
};

const staticDecoys = loadStaticDecoys();

// ------------------------------------------------------------------------------------------------
// Programmatic decoys

interface DecoyRequest {
  readonly method: string;
  /** The request target as sent, query included. */
  readonly target: string;
  /** The path without the query. */
  readonly pathname: string;
}

/** An `HttpFetch` answering from a function of the request, serialised like the fixture server does. */
function responderFetch(respond: (req: DecoyRequest) => FixtureResponse): HttpFetch {
  return async (request: ProbeRequest): Promise<HttpResult> => {
    const method = request.method ?? 'GET';
    const pathname = request.path.split('?')[0] ?? request.path;
    const answer = respond({ method, target: request.path, pathname });
    const { body, contentType } = serializeBody(answer);
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    for (const [k, v] of Object.entries(answer.headers ?? {})) headers[k.toLowerCase()] = v;
    return { ok: true, status: answer.status, headers, body: method === 'HEAD' ? '' : body, truncated: false };
  };
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** java.net.URLEncoder.encode(s, "UTF-8"): like encodeURIComponent, but also `!'()~`, and space as `+`. */
const javaUrlEncode = (s: string): string =>
  encodeURIComponent(s)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

/** Go's http.Redirect body for GET. */
const goRedirectBody = (location: string, text: string): string => `<a href="${escapeHtml(location)}">${text}</a>.\n\n`;

const CATCH_ALL_JSON = { status: 'ok', version: '1.0.0', models: [], data: [], object: 'list' };

const ES_ROOT = {
  name: 'es-data-01',
  cluster_name: 'logs-prod',
  cluster_uuid: 'q8Xc2mJtS3ui7cVhXr1kBw',
  version: {
    number: '8.15.3',
    build_flavor: 'default',
    build_type: 'docker',
    build_hash: 'f97532e680b555c3a05e73a74c28afb666923018',
    build_date: '2024-10-09T22:08:00.328917561Z',
    build_snapshot: false,
    lucene_version: '9.11.1',
    minimum_wire_compatibility_version: '7.17.0',
    minimum_index_compatibility_version: '7.0.0',
  },
  tagline: 'You Know, for Search',
};
const ES_HEADERS = { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' };

const K8S_VERSION = `{
  "major": "1",
  "minor": "31",
  "gitVersion": "v1.31.2",
  "gitCommit": "5864a4677267e6adeae276ad85882a8714d69d9d",
  "gitTreeState": "clean",
  "buildDate": "2024-10-22T20:28:14Z",
  "goVersion": "go1.22.8",
  "compiler": "gc",
  "platform": "linux/amd64"
}`;
const K8S_HEADERS = {
  'content-type': 'application/json',
  'cache-control': 'no-cache, private',
  'x-content-type-options': 'nosniff',
  'audit-id': '0c5e8f3a-1b2d-4e6f-9a7b-3c4d5e6f7a8b',
  'x-kubernetes-pf-flowschema-uid': '8e1f2a3b-4c5d-6e7f-8a9b-0c1d2e3f4a5b',
  'x-kubernetes-pf-prioritylevel-uid': '1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
};

const MINIO_HEADERS = {
  'accept-ranges': 'bytes',
  'content-type': 'application/xml',
  server: 'MinIO',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  vary: 'Origin, Accept-Encoding',
  'x-amz-id-2': 'dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8',
  'x-amz-request-id': '18C1E4A5B2F3D6E7',
  'x-content-type-options': 'nosniff',
  'x-xss-protection': '1; mode=block',
};

const JENKINS_HEADERS = {
  'content-type': 'text/html;charset=utf-8',
  server: 'Jetty(12.0.13)',
  'x-content-type-options': 'nosniff',
  'x-hudson': '1.395',
  'x-jenkins': '2.462.3',
  'x-jenkins-session': '3f0a8c51',
};

const OAUTH2_PROXY_AUTHORIZE =
  'https://sso.example.com/realms/corp/protocol/openid-connect/auth?approval_prompt=force&client_id=oauth2-proxy&redirect_uri=https%3A%2F%2Fllm.example.com%2Foauth2%2Fcallback&response_type=code&scope=openid+email+profile&state=';

const programmaticDecoys: readonly Decoy[] = [
  {
    name: 'catch-all-json',
    naturalPort: 8080,
    source:
      'Any mock/stub server (json-server style catch-all, a misconfigured API gateway) answering every method and path 200 with one JSON document full of marker-ish keys: status, version, models, data, object:"list".',
    fetch: () => responderFetch(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: CATCH_ALL_JSON })),
  },
  {
    name: 'echo-path-text',
    naturalPort: 8080,
    source: 'A debugging echo server (httpbin/echo-server style) that answers 200 text/plain with the request target it received.',
    fetch: () => responderFetch((req) => ({ status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: req.target })),
  },
  {
    name: 'echo-path-json',
    naturalPort: 8080,
    source: 'The same echo server in JSON mode: 200 {"path": "<request target>"}.',
    fetch: () => responderFetch((req) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { path: req.target } })),
  },
  {
    name: 'express-cannot-get',
    naturalPort: 3000,
    source:
      'A Node/Express app with no route for the path: finalhandler 404 "Cannot GET <pathname>" HTML document (createHtmlDocument: <!DOCTYPE html>, <title>Error</title>, <pre>...</pre>), with Content-Security-Policy: default-src \'none\', X-Content-Type-Options: nosniff and X-Powered-By: Express.',
    fetch: () =>
      responderFetch((req) => ({
        status: 404,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'",
          'x-content-type-options': 'nosniff',
          'x-powered-by': 'Express',
        },
        body: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${req.method} ${escapeHtml(req.pathname)}</pre>\n</body>\n</html>\n`,
      })),
  },
  {
    name: 'elasticsearch-open',
    naturalPort: 9200,
    source:
      'Elasticsearch 8.15 with xpack.security.enabled=false (port 9200): GET / is the cluster banner ("tagline":"You Know, for Search"); a single path segment is GET /{index} -> 404 index_not_found_exception; other unrouted URIs -> 400 {"error":"no handler found for uri [<uri>] and method [GET]"} (RestController.handleBadRequest). Shapes from published outputs read through the code index; X-elastic-product header since 7.14.',
    fetch: () =>
      responderFetch((req): FixtureResponse => {
        if (req.pathname === '/') return { status: 200, headers: ES_HEADERS, body: ES_ROOT };
        const segments = req.pathname.split('/').filter(Boolean);
        const index = segments[0] ?? '';
        if (segments.length === 1 && !index.startsWith('_')) {
          const cause = { type: 'index_not_found_exception', reason: `no such index [${index}]`, 'resource.type': 'index_or_alias', 'resource.id': index, index_uuid: '_na_', index };
          return { status: 404, headers: ES_HEADERS, body: { error: { root_cause: [cause], ...cause }, status: 404 } };
        }
        return { status: 400, headers: ES_HEADERS, body: { error: `no handler found for uri [${req.target}] and method [${req.method}]` } };
      }),
  },
  {
    name: 'elasticsearch-secured',
    naturalPort: 9200,
    source:
      'Elasticsearch 8.x with security on (the default since 8.0): every unauthenticated request -> 401 security_exception "missing authentication credentials for REST request [<uri>]" with WWW-Authenticate: Basic realm="security", charset="UTF-8", Bearer realm="security", ApiKey (body and headers as in published 8.17 curl output read through the code index).',
    fetch: () =>
      responderFetch((req): FixtureResponse => {
        const challenges = ['Basic realm="security", charset="UTF-8"', 'Bearer realm="security"', 'ApiKey'];
        const cause = { type: 'security_exception', reason: `missing authentication credentials for REST request [${req.target}]`, header: { 'WWW-Authenticate': challenges } };
        return {
          status: 401,
          headers: { 'content-type': 'application/json', 'www-authenticate': challenges.join(', ') },
          body: { error: { root_cause: [cause], ...cause }, status: 401 },
        };
      }),
  },
  {
    name: 'kubernetes-apiserver-anonymous',
    naturalPort: 6443,
    source:
      'Kubernetes API server with default anonymous auth and RBAC (port 6443): system:public-info-viewer lets anonymous read /version (indented version.Info JSON), /healthz, /livez, /readyz ("ok"); every other path -> 403 v1 Status "forbidden: User \\"system:anonymous\\" cannot get path \\"<path>\\"" (k8s.io/apiserver responsewriters.Forbidden; compact JSON + newline as in its unit test, read through the code index).',
    fetch: () =>
      responderFetch((req): FixtureResponse => {
        if (req.pathname === '/version') return { status: 200, headers: K8S_HEADERS, body: K8S_VERSION };
        if (['/healthz', '/livez', '/readyz'].includes(req.pathname)) {
          return { status: 200, headers: { ...K8S_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
        }
        const message = `forbidden: User "system:anonymous" cannot ${req.method.toLowerCase()} path "${req.pathname}"`;
        return {
          status: 403,
          headers: K8S_HEADERS,
          body: `${JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details: {}, code: 403 })}\n`,
        };
      }),
  },
  {
    name: 'spring-boot-actuator',
    naturalPort: 8080,
    source:
      'A Spring Boot 3 service with actuator defaults (port 8080): /actuator/health -> {"status":"UP"} as application/vnd.spring-boot.actuator.v3+json, /actuator -> _links, /actuator/info -> {}; everything else -> BasicErrorController JSON {"timestamp","status":404,"error":"Not Found","path":"<path>"} (DefaultErrorAttributes; message and trace excluded by default since 2.3).',
    fetch: () =>
      responderFetch((req): FixtureResponse => {
        const actuator = { 'content-type': 'application/vnd.spring-boot.actuator.v3+json' };
        if (req.pathname === '/actuator/health') return { status: 200, headers: actuator, body: { status: 'UP' } };
        if (req.pathname === '/actuator/info') return { status: 200, headers: actuator, body: {} };
        if (req.pathname === '/actuator') {
          const base = 'http://localhost:8080/actuator';
          return {
            status: 200,
            headers: actuator,
            body: {
              _links: {
                self: { href: base, templated: false },
                health: { href: `${base}/health`, templated: false },
                'health-path': { href: `${base}/health/{*path}`, templated: true },
                info: { href: `${base}/info`, templated: false },
              },
            },
          };
        }
        return {
          status: 404,
          headers: { 'content-type': 'application/json' },
          body: { timestamp: '2025-05-02T09:12:44.123+00:00', status: 404, error: 'Not Found', path: req.pathname },
        };
      }),
  },
  {
    name: 'minio',
    naturalPort: 9000,
    source:
      'MinIO S3 API (port 9000): /minio/health/{live,ready,cluster} -> 200 with an empty body; any other anonymous request -> 403 S3 error XML <Code>AccessDenied</Code><Message>Access Denied.</Message> naming <Key>/<BucketName> from the path and <Resource> = the path (published curl outputs read through the code index), Server: MinIO, X-Amz-Request-Id.',
    fetch: () =>
      responderFetch((req): FixtureResponse => {
        if (/^\/minio\/health\/(live|ready|cluster)$/.test(req.pathname)) {
          return { status: 200, headers: { ...MINIO_HEADERS, 'content-type': 'text/plain' }, body: '' };
        }
        const [bucket, ...key] = req.pathname.split('/').slice(1);
        const parts = [
          '<Code>AccessDenied</Code><Message>Access Denied.</Message>',
          key.length && key.join('/') ? `<Key>${key.join('/')}</Key>` : '',
          bucket ? `<BucketName>${bucket}</BucketName>` : '',
          `<Resource>${req.pathname}</Resource>`,
          `<RequestId>${MINIO_HEADERS['x-amz-request-id']}</RequestId><HostId>${MINIO_HEADERS['x-amz-id-2']}</HostId>`,
        ];
        return { status: 403, headers: MINIO_HEADERS, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${parts.join('')}</Error>` };
      }),
  },
  {
    name: 'jenkins-login-required',
    naturalPort: 8080,
    source:
      'Jenkins 2.462 with anonymous read off (port 8080): every path but /login -> 403 from jenkinsci/jenkins core/src/main/java/hudson/security/HudsonAuthenticationEntryPoint.java (stored commit 04d85aa8): meta-refresh + window.location.replace to /login?from=<URLEncoder.encode(uri)>, "Authentication required" and an HTML comment with AccessDeniedException3.report(), then 300 spaces; X-Hudson, X-Jenkins, X-You-Are-Authenticated-As: anonymous, X-Required-Permission headers (reportAsHeaders).',
    fetch: () =>
      responderFetch((req): FixtureResponse => {
        if (req.pathname === '/login') {
          return {
            status: 200,
            headers: JENKINS_HEADERS,
            body: '<!DOCTYPE html><html class=""><head resURL="/static/3f0a8c51" data-rooturl="" data-resurl="/static/3f0a8c51"><title>Sign in [Jenkins]</title><meta name="ROBOTS" content="NOFOLLOW"></head><body><div class="simple-page" role="main"><form method="post" name="login" action="j_spring_security_check"><h1>Sign in to Jenkins</h1><input name="j_username" id="j_username" autocomplete="username"><input name="j_password" id="j_password" type="password" autocomplete="current-password"><button type="submit" name="Submit">Sign in</button></form></div></body></html>',
          };
        }
        const loginForm = `/login?from=${javaUrlEncode(req.target)}`;
        const body =
          `<html><head><meta http-equiv='refresh' content='1;url=${loginForm}'/><script>window.location.replace('${loginForm}');</script></head>` +
          "<body style='background-color:white; color:white;'>\n\n\nAuthentication required\n<!--\n" +
          'You are authenticated as: anonymous\nGroups that you are in:\n  anonymous\n' +
          "Permission you need to have (but didn't): hudson.model.Hudson.Read\n" +
          ' ... which is implied by: hudson.security.Permission.GenericRead\n ... which is implied by: hudson.model.Hudson.Administer\n' +
          '-->\n\n</body></html>' +
          ' '.repeat(300);
        return {
          status: 403,
          headers: {
            ...JENKINS_HEADERS,
            'x-you-are-authenticated-as': 'anonymous',
            'x-you-are-in-group-disabled': 'JENKINS-39402: use -Dhudson.security.AccessDeniedException2.REPORT_GROUP_HEADERS=true or use /whoAmI to diagnose',
            'x-required-permission': 'hudson.model.Hudson.Read',
            'x-permission-implied-by': 'hudson.security.Permission.GenericRead, hudson.model.Hudson.Administer',
          },
          body,
        };
      }),
  },
  {
    name: 'oauth2-proxy-redirect',
    naturalPort: 443,
    source:
      'oauth2-proxy with --skip-provider-button in front of an internal app (port 443 via the load balancer, 4180 direct): OAuthProxy.Proxy -> ErrNeedsLogin -> OAuthStart, i.e. every path 302 to the IdP authorize URL with state "<nonce>:<original request URI>", a _oauth2_proxy_csrf cookie and the no-cache headers; /ping -> "OK" (oauth2-proxy oauthproxy.go, read through the code index).',
    fetch: () =>
      responderFetch((req): FixtureResponse => {
        if (req.pathname === '/ping') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'OK' };
        const location = `${OAUTH2_PROXY_AUTHORIZE}${encodeURIComponent(`Jx0aCqk1vQ4P9sT2mW8eZr:${req.target}`)}`;
        return {
          status: 302,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            location,
            'cache-control': 'no-cache, no-store, must-revalidate, max-age=0',
            expires: 'Thu, 01 Jan 1970 00:00:00 UTC',
            'x-accel-expires': '0',
            'set-cookie': '_oauth2_proxy_csrf=fH3k2Q0b9mW1c7YxVt5s; Path=/; Expires=Fri, 02 May 2025 09:27:44 GMT; HttpOnly; Secure; SameSite=Lax',
          },
          body: goRedirectBody(location, 'Found'),
        };
      }),
  },
  {
    name: 'ruoyi-admin-auth-failed',
    naturalPort: 8080,
    source:
      'RuoYi-Vue (Spring Boot admin framework, widespread in China; no AI) backend on 8080: "/" is permitAll and greets "欢迎使用RuoYi后台管理框架，当前版本：v<ver>，请通过前端地址访问。" (IndexController); /captchaImage answers {"msg":"操作成功","img":...,"code":200,"captchaEnabled":true,"uuid":...}; every other unauthenticated request gets HTTP 200 with AjaxResult.error(401, "请求访问：<uri>，认证失败，无法访问系统资源") from AuthenticationEntryPointImpl (ServletUtils.renderString; shapes read through the code index). Look-alike for the Chinese RAG platforms (code/msg envelopes, login walls).',
    fetch: () =>
      responderFetch((req): FixtureResponse => {
        const json = { 'content-type': 'application/json;charset=UTF-8' };
        if (req.pathname === '/') return { status: 200, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: '欢迎使用RuoYi后台管理框架，当前版本：v3.8.8，请通过前端地址访问。' };
        if (req.pathname === '/captchaImage') {
          return { status: 200, headers: json, body: { msg: '操作成功', img: '/9j/4AAQSkZJRgABAgAAAQABAAD', code: 200, captchaEnabled: true, uuid: '4c1f0e2a9b7d4d3e8f6a5b2c1d0e9f8a' } };
        }
        return { status: 200, headers: json, body: { msg: `请求访问：${req.pathname}，认证失败，无法访问系统资源`, code: 401 } };
      }),
  },
];

const decoys: readonly Decoy[] = [
  ...staticDecoys.map(({ name, fixture }) => ({
    name,
    naturalPort: STATIC_PORTS[name] ?? 0,
    source: fixture.source,
    fetch: () => fixtureFetch(fixture),
  })),
  ...programmaticDecoys,
];

// ------------------------------------------------------------------------------------------------

/** Every identify probe of every entry that the decoy satisfies: what a failure message should name. */
async function matchingProbes(fetch: HttpFetch, entries: readonly CatalogEntry[]): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of entries) {
    for (const probe of entry.identify) {
      const result = await fetch(probe.request);
      if (result.ok && matches(result, probe.match)) {
        hits.push(`${entry.service}: identify probe ${probe.request.method ?? 'GET'} ${probe.request.path} -> ${result.status} satisfies ${JSON.stringify(probe.match)}`);
      }
    }
  }
  return hits;
}

describe('decoy suite', () => {
  it('has at least 100 decoys with unique names', () => {
    expect(decoys.length).toBeGreaterThanOrEqual(100);
    expect(new Set(decoys.map((d) => d.name)).size).toBe(decoys.length);
  });

  it.each(staticDecoys.map((d) => [d.name, d.fixture] as const))('static decoy %s is a well-formed decoy fixture with a natural port', (name, fixture) => {
    expect(STATIC_PORTS[name], `add "${name}" to STATIC_PORTS in decoys.test.ts`).toBeGreaterThan(0);
    expect(fixture.service).toBe('decoy');
    expect(fixture.auth).toBe('n/a');
    expect(fixture.version).toBeNull();
    expect(fixture.source.length).toBeGreaterThan(40);
    for (const r of [...fixture.responses, ...(fixture.fallback ? [fixture.fallback] : [])]) {
      expect(Number.isInteger(r.status)).toBe(true);
    }
    for (const r of fixture.responses) expect(r.request).toMatch(/^(GET|HEAD) \/\S*$/);
  });

  it('programmatic decoys behave as described', async () => {
    const byName = (name: string) => programmaticDecoys.find((d) => d.name === name) as Decoy;
    const first = await byName('catch-all-json').fetch()({ path: '/v1/models' });
    const second = await byName('catch-all-json').fetch()({ path: '/no/such/path-3f9a' });
    expect(first.ok && second.ok && first.body === second.body && first.status === 200).toBe(true);
    const text = await byName('echo-path-text').fetch()({ path: '/api/tags?x=1' });
    expect(text.ok && text.body).toBe('/api/tags?x=1');
    const json = await byName('echo-path-json').fetch()({ path: '/api/tags' });
    expect(json.ok && JSON.parse(json.body)).toEqual({ path: '/api/tags' });
  });
});

describe.each(decoys.map((d) => [d.name, d] as const))('decoy %s', (_name, decoy) => {
  const ports = [...new Set([...COMMON_PORTS, decoy.naturalPort])].filter((p) => p > 0);

  it.each(ports)('is not reported as an AI service on port %i', async (port) => {
    const fetch = cachingFetch(decoy.fetch());
    const ordered = probePlanForPort(catalog, port);
    const result = await identifyEndpoint(fetch, ordered, { checkDefaultCredentials: true });
    const explanation = result
      ? [
          `FALSE POSITIVE (catalog finding, do not weaken the decoy): decoy "${decoy.name}" on port ${port} was reported as ` +
            `${result.service} (auth ${result.auth}, version ${result.version ?? 'null'}, evidence "${result.evidence}").`,
          `Decoy reproduces: ${decoy.source}`,
          'Identify probes it satisfies:',
          ...(await matchingProbes(fetch, catalog)).map((h) => `  - ${h}`),
        ].join('\n')
      : '';
    expect(result, explanation).toBeUndefined();
  });
});
