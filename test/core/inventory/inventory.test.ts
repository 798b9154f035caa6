import { describe, expect, it } from 'vitest';
import { diffInventory, itemCapabilities, MAX_NAME_LENGTH, MAX_STORED_ITEMS, summarizeInventory } from '../../../lambdas/core/inventory/inventory.js';
import { readMcpTools, rpcResult } from '../../../lambdas/core/probing/mcp-tools.js';

const models = (...names: string[]) => names.map((name) => ({ kind: 'model' as const, name }));

describe('inventory snapshots', () => {
  it('the digest depends on the names, not their order or duplicates', () => {
    const a = summarizeInventory(models('b', 'a', 'a'));
    const b = summarizeInventory(models('a', 'b'));
    expect(a.digest).toBe(b.digest);
    expect(a.items.map((i) => i.name)).toEqual(['a', 'b']);
    expect(summarizeInventory(models('a', 'c')).digest).not.toBe(a.digest);
  });

  it('is bounded: names capped and cleaned, at most MAX_STORED_ITEMS kept, the total still counted', () => {
    const many = summarizeInventory(models(...Array.from({ length: 1000 }, (_, i) => `model-${i}`), `bad\u0007${'y'.repeat(300)}`));
    expect(many.items).toHaveLength(MAX_STORED_ITEMS);
    expect(many.truncated).toBe(true);
    expect(many.total).toBe(1001);
    const odd = summarizeInventory(models(`bad\u0007${'y'.repeat(300)}`));
    expect(odd.items[0]?.name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(odd.items[0]?.name).not.toContain('\u0007');
  });

  it('diffs added and removed names; an unchanged listing is no change', () => {
    const before = summarizeInventory(models('a', 'b'));
    expect(diffInventory(before, summarizeInventory(models('b', 'a')))).toBeUndefined();
    const change = diffInventory(before, summarizeInventory(models('b', 'c')));
    expect(change?.added.map((i) => i.name)).toEqual(['c']);
    expect(change?.removed.map((i) => i.name)).toEqual(['a']);
    expect(change?.addsCapabilities).toEqual([]);
  });

  it('names past a truncated listing are not reported removed', () => {
    const names = Array.from({ length: MAX_STORED_ITEMS + 10 }, (_, i) => `m${String(i).padStart(4, '0')}`);
    const before = summarizeInventory(models(...names));
    const after = summarizeInventory(models('a-first', ...names));
    const change = diffInventory(before, after);
    expect(change?.added.map((i) => i.name)).toEqual(['a-first']);
    // The last stored name of `before` fell past `after`'s cut: unknown, not removed.
    expect(change?.removed).toEqual([]);
  });

  it('tool names that run code or write data bring those capabilities; models bring none', () => {
    const tool = (name: string) => itemCapabilities({ kind: 'tool', name });
    expect(tool('execute_command')).toContain('run-code');
    expect(tool('runPython')).toContain('run-code');
    expect(tool('shell')).toContain('run-code');
    expect(tool('write_file')).toEqual(['write-data']);
    expect(tool('get_weather')).toEqual([]);
    expect(tool('echo')).toEqual([]);
    expect(itemCapabilities({ kind: 'model', name: 'python-coder' })).toEqual([]);
  });
});

describe('MCP tools/list reader', () => {
  const json = (body: unknown, headers: Record<string, string> = {}) => ({ ok: true as const, status: 200, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), truncated: false });

  it('runs initialize, initialized, tools/list with the session id, and ends the session', async () => {
    const sent: { body: string; headers: Readonly<Record<string, string>> }[] = [];
    const deleted: string[] = [];
    const result = await readMcpTools(
      async (_path, body, headers) => {
        sent.push({ body, headers });
        const { id, method } = JSON.parse(body) as { id?: number; method: string };
        if (method === 'initialize') return json({ jsonrpc: '2.0', id, result: { protocolVersion: '2025-03-26' } }, { 'mcp-session-id': 's-1' });
        if (method === 'tools/list') return json({ jsonrpc: '2.0', id, result: { tools: [{ name: 'a' }, { name: 7 }, { name: 'b' }] } });
        return { ok: true, status: 202, headers: {}, body: '', truncated: false };
      },
      '/mcp',
      async (_path, headers) => void deleted.push(headers['mcp-session-id'] ?? ''),
    );
    expect(result).toEqual({ items: [{ kind: 'tool', name: 'a' }, { kind: 'tool', name: 'b' }], listed: 3 });
    expect(sent.map((s) => (JSON.parse(s.body) as { method: string }).method)).toEqual(['initialize', 'notifications/initialized', 'tools/list']);
    expect(sent[2]?.headers['mcp-session-id']).toBe('s-1');
    expect(sent[2]?.headers['mcp-protocol-version']).toBe('2025-03-26');
    expect(sent.some((s) => s.body.includes('tools/call'))).toBe(false);
    expect(deleted).toEqual(['s-1']);
  });

  it('reads a response framed as SSE, and gives nothing for an error or a stranger', () => {
    const sse = { ok: true as const, status: 200, headers: { 'content-type': 'text/event-stream' }, body: 'event: message\ndata: {"jsonrpc":"2.0","id":2,"result":{"tools":[]}}\n\n', truncated: false };
    expect(rpcResult(sse, 2)).toEqual({ tools: [] });
    expect(rpcResult(sse, 3)).toBeUndefined();
    expect(rpcResult(json({ jsonrpc: '2.0', id: 2, error: { code: -32601 } }), 2)).toBeUndefined();
    expect(rpcResult({ ok: true, status: 401, headers: {}, body: '{}', truncated: false }, 2)).toBeUndefined();
    expect(rpcResult({ ok: false, error: 'reset' }, 2)).toBeUndefined();
  });
});
