import type { CatalogEntry } from '../catalog-schema.js';

/**
 * mcp-proxy, the Python one (PyPI `mcp-proxy`, sparfenyuk/mcp-proxy; not the npm package of the
 * same name that the generic MCP entry describes) in its stdio-to-SSE/Streamable-HTTP mode: it runs
 * local MCP servers (`mcp-proxy --port=8080 uvx mcp-server-fetch`, or `--named-server`s) and
 * publishes them over HTTP with no authentication of its own (its auth options, `--headers`,
 * `--client-id`/`--token-url`, are for the client mode only). A default server answers at `/sse`
 * and `/mcp`, named ones under `/servers/<name>/`.
 * - `GET /sse` (the generic MCP entry's marker, shared): the Python SDK's `SseServerTransport
 *   ("/messages/")` stream, whose first event is `endpoint` with `/messages/?session_id=<hex>`;
 * - `GET /status` (confirms): the proxy's own status document `{"api_last_activity": "<ISO
 *   time>", "server_instances": {"default": "configured", ...}}`.
 * It refines the generic MCP entry: where that one matched, this one names the product.
 * No version is exposed.
 * Read from source at v0.10.0-19-ga6720cc (sparfenyuk/mcp-proxy, 2026-03-14): src/mcp_proxy/mcp_server.py
 * (`_global_status`, `_handle_status`, `create_single_instance_routes`: /mcp, /sse, /messages/; `run_mcp_server`:
 * /status route, `server_instances`), src/mcp_proxy/__main__.py (`--port` default random, `--host` 127.0.0.1),
 * README.md (`--port=8080` examples, named servers).
 */
export const pythonMcpProxy: CatalogEntry = {
  service: 'python-mcp-proxy',
  name: 'mcp-proxy (Python, stdio to SSE/HTTP)',
  category: 'agent-builder',
  ports: [8080],
  refines: 'mcp-server',
  openSeverity: 'critical',
  sources: [
    'https://github.com/sparfenyuk/mcp-proxy/blob/main/src/mcp_proxy/mcp_server.py',
    'https://github.com/sparfenyuk/mcp-proxy/blob/main/src/mcp_proxy/__main__.py',
    'https://github.com/sparfenyuk/mcp-proxy#readme',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.10.0-19-ga6720cc (a6720cc, 2026-03-14)' },
  exposes: 'the tools of the local MCP servers it runs (fetch, files, shell, SaaS APIs) to anyone who opens a session',
  identify: [
    {
      request: { path: '/sse' },
      match: { status: 200, headers: [{ name: 'content-type', contains: 'text/event-stream' }], bodyRegex: '^event: endpoint\\r?\\ndata: /messages/\\?session_id=' },
      confirm: {
        request: { path: '/status' },
        match: { status: 200, json: [{ path: 'api_last_activity', type: 'string' }, { path: 'server_instances', type: 'object' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/sse' },
      match: { status: 200, headers: [{ name: 'content-type', contains: 'text/event-stream' }], bodyRegex: '^event: endpoint\\r?\\n' },
      auth: 'none',
      evidence: 'GET /sse -> {status} MCP session opened without credentials (mcp-proxy has no server-side auth)',
    },
  ],
  // README "stdio to SSE/StreamableHTTP": `--host` defaults to 127.0.0.1; nothing authenticates incoming clients.
  remediation: {
    fix: 'mcp-proxy has no server-side authentication: keep --host at its default 127.0.0.1 (never --host=0.0.0.0 on a reachable interface) and put an authenticating reverse proxy in front if remote clients need it.',
    settings: ['--host 127.0.0.1', 'authenticating reverse proxy'],
    docs: 'https://github.com/sparfenyuk/mcp-proxy#1-stdio-to-ssestreamablehttp',
    allows: ['run-code', 'read-data', 'spend-api-keys'],
  },
};
