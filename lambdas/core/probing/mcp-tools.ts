import type { HttpResult } from '../fingerprint/http-result.js';
import type { InventoryItem } from '../inventory/inventory.js';
import { MAX_READ_ITEMS } from '../inventory/inventory.js';

/**
 * Reads an open MCP server's tool names the way any MCP client starts: `initialize`, the
 * `notifications/initialized` notification, one `tools/list` (first page only), then `DELETE` of
 * the session. Names only: never `tools/call`, never a resource read. Called only for endpoints
 * already classified open (the transport answered without credentials).
 *
 * Streamable HTTP answers a POST either as JSON or as an SSE stream of `data:` lines carrying the
 * JSON-RPC response; both are read. A stateful server returns `Mcp-Session-Id` on `initialize`
 * and requires it on every later request.
 * Sources: MCP specification 2025-06-18 basic/lifecycle (initialize, initialized), basic/transports
 * (Streamable HTTP: Accept both types, session header, DELETE ends the session), server/tools
 * (`tools/list` result `{tools: [{name, ...}], nextCursor}`); typescript-sdk
 * packages/server/src/server/streamableHttp.ts (SSE framing `event: message\ndata: ...`).
 */
export type McpPost = (path: string, body: string, headers: Readonly<Record<string, string>>) => Promise<HttpResult>;

const PROTOCOL_VERSION = '2025-06-18';

export async function readMcpTools(post: McpPost, path = '/mcp', del?: (path: string, headers: Readonly<Record<string, string>>) => Promise<unknown>): Promise<{ items: InventoryItem[]; listed: number } | undefined> {
  const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const init = await post(
    path,
    JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'ai-exposure-monitor', version: '0.1' } },
    }),
    base,
  );
  const initResult = rpcResult(init, 1);
  if (!init.ok || !initResult || typeof initResult !== 'object') return undefined;
  const session = init.headers['mcp-session-id'];
  const negotiated = (initResult as { protocolVersion?: unknown }).protocolVersion;
  const headers = {
    ...base,
    ...(session ? { 'mcp-session-id': session.slice(0, 200) } : {}),
    ...(typeof negotiated === 'string' && /^[\w.-]{1,20}$/.test(negotiated) ? { 'mcp-protocol-version': negotiated } : {}),
  };
  try {
    await post(path, JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }), headers);
    const list = await post(path, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }), headers);
    const result = rpcResult(list, 2);
    const tools = result && typeof result === 'object' ? (result as { tools?: unknown }).tools : undefined;
    if (!Array.isArray(tools)) return undefined;
    const items: InventoryItem[] = [];
    for (const tool of tools) {
      if (items.length >= MAX_READ_ITEMS) break;
      const name = tool && typeof tool === 'object' ? (tool as { name?: unknown }).name : undefined;
      if (typeof name === 'string') items.push({ kind: 'tool', name });
    }
    return { items, listed: tools.length };
  } finally {
    if (session && del) await del(path, { 'mcp-session-id': session.slice(0, 200) }).catch(() => undefined);
  }
}

/** The `result` of the JSON-RPC response with this id, from a JSON or an SSE body. */
export function rpcResult(response: HttpResult, id: number): unknown {
  if (!response.ok || response.status < 200 || response.status >= 300 || response.truncated) return undefined;
  const candidates = (response.headers['content-type'] ?? '').includes('text/event-stream')
    ? response.body
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
    : [response.body];
  for (const text of candidates) {
    try {
      const message = JSON.parse(text) as { id?: unknown; result?: unknown };
      if (message && typeof message === 'object' && message.id === id && 'result' in message) return message.result;
    } catch {
      // Not JSON: another SSE line, or not an MCP server after all.
    }
  }
  return undefined;
}
