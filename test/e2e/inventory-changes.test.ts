import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { TerminalSink } from '../../lambdas/adapters/sinks/terminal-sink.js';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { renderEmail } from '../../lambdas/core/alerts/render-email.js';
import { renderSlackMessage } from '../../lambdas/core/alerts/render-slack.js';
import { renderTeamsMessage } from '../../lambdas/core/alerts/render-teams.js';
import { renderTerminalTable } from '../../lambdas/core/alerts/render-terminal.js';
import { Fleet, loadFixture, type ResponseFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';

// Inventory fleet on 127.0.87.x, on the products' own ports.
const fleet = new Fleet();
const OLLAMA = { host: '127.0.87.10', port: 11434 };
const MCP = { host: '127.0.87.11', port: 3000 };
const VLLM = { host: '127.0.87.12', port: 8000 };
const PORTS = [3000, 8000, 11434];
afterAll(() => fleet.close());

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
  await dynamo.store.putRangeRow({ cidr: '127.0.87.0/28', ports: PORTS });
});
afterEach(async () => {
  await dynamo.close();
  await fleet.close();
});

/** Ollama listing these models (the recorded fixture's model entry, renamed). */
function ollamaWith(names: readonly string[]): ResponseFixture {
  const base = loadFixture('ollama', 'none');
  return {
    ...base,
    responses: base.responses.map((r) => {
      if (r.request !== 'GET /api/tags') return r;
      const model = (r.body as { models: Record<string, unknown>[] }).models[0] as Record<string, unknown>;
      return { ...r, body: { models: names.map((name) => ({ ...model, name, model: name })) } };
    }),
  };
}

/** The MCP reference server with extra tools. */
function mcpWith(extra: readonly string[]): ResponseFixture {
  const base = loadFixture('mcp-server', 'none');
  const rpc = base.jsonRpc as NonNullable<ResponseFixture['jsonRpc']>;
  const tools = (rpc.results['tools/list'] as { tools: { name: string }[] }).tools;
  return { ...base, jsonRpc: { ...rpc, results: { ...rpc.results, 'tools/list': { tools: [...tools, ...extra.map((name) => ({ name, inputSchema: { type: 'object' } }))] } } } };
}

async function cycle(): Promise<AlertEvent[]> {
  const terminal = new TerminalSink();
  await runLocalCycle({ store: dynamo.store, settings: testSettings(PORTS), probe: testProbe, catalog: testCatalog, sinks: [terminal], clock: steppingClock(Date.now()), logger: quiet });
  return [...terminal.events];
}

const ofType = (events: readonly AlertEvent[], type: AlertEvent['type']) => events.filter((e) => e.type === type);

describe('what an open endpoint lists, and when it changes', () => {
  it('a model pulled into an open Ollama: one low inventory_changed naming it; nothing on an unchanged listing', async () => {
    await fleet.start({ ...OLLAMA, fixture: ollamaWith(['llama3.2:latest']) });
    const first = await cycle();
    const opened = ofType(first, 'endpoint.new_unauthenticated')[0];
    expect(opened?.inventory).toEqual({ total: 1, items: [{ kind: 'model', name: 'llama3.2:latest' }] });
    expect(opened?.remediation?.docs).toMatch(/^https:\/\/github\.com\/ollama\//);

    expect(await cycle()).toEqual([]);

    await fleet.replace({ ...OLLAMA, fixture: ollamaWith(['llama3.2:latest', 'deepseek-r1:70b']) });
    const changed = await cycle();
    expect(changed.map((e) => `${e.type} ${e.severity}`)).toEqual(['endpoint.inventory_changed low']);
    expect(changed[0]?.inventory).toEqual({ total: 2, added: [{ kind: 'model', name: 'deepseek-r1:70b' }], removed: [] });
    expect(changed[0]?.remediation?.settings).toContain('OLLAMA_HOST=127.0.0.1:11434');

    const removed = (await (async () => {
      await fleet.replace({ ...OLLAMA, fixture: ollamaWith(['deepseek-r1:70b']) });
      return cycle();
    })())[0];
    expect(removed?.inventory?.removed).toEqual([{ kind: 'model', name: 'llama3.2:latest' }]);
    expect(removed?.severity).toBe('low');
  });

  it('a tool added to an open MCP server is read over tools/list; a code-running tool makes it high', async () => {
    await fleet.start({ ...MCP, fixture: loadFixture('mcp-server', 'none') });
    const first = await cycle();
    const opened = ofType(first, 'endpoint.new_unauthenticated')[0];
    expect(opened?.endpoint?.service).toBe('mcp-server');
    expect(opened?.inventory?.items?.map((i) => i.name)).toEqual(['add', 'echo', 'getTinyImage', 'longRunningOperation', 'printEnv', 'sampleLLM']);

    await fleet.replace({ ...MCP, fixture: mcpWith(['get_weather']) });
    const harmless = await cycle();
    expect(harmless.map((e) => `${e.type} ${e.severity}`)).toEqual(['endpoint.inventory_changed low']);

    await fleet.replace({ ...MCP, fixture: mcpWith(['get_weather', 'execute_command']) });
    const risky = await cycle();
    expect(risky.map((e) => `${e.type} ${e.severity}`)).toEqual(['endpoint.inventory_changed high']);
    expect(risky[0]?.inventory?.added).toEqual([{ kind: 'tool', name: 'execute_command' }]);
    expect(risky[0]?.inventory?.addsCapabilities).toContain('run-code');

    const record = await dynamo.store.getEndpoint(MCP.host, MCP.port);
    expect(record?.inventory?.total).toBe(8);
  });

  it('reads nothing from a locked endpoint, and a locked endpoint never reports a listing change', async () => {
    await fleet.start({ ...VLLM, fixture: loadFixture('vllm', 'required') });
    const first = await cycle();
    expect(first.map((e) => e.type)).toEqual(['endpoint.new_authenticated']);
    expect(first[0]?.inventory).toBeUndefined();
    expect((await dynamo.store.getEndpoint(VLLM.host, VLLM.port))?.inventory).toBeUndefined();
    expect(await cycle()).toEqual([]);
  });

  it('a listing that cannot be read this time is kept, not reported as everything removed', async () => {
    await fleet.start({ ...MCP, fixture: loadFixture('mcp-server', 'none') });
    await cycle();
    // Still an open MCP server (GET /mcp answers from the transport), but tools/list now fails.
    const base = loadFixture('mcp-server', 'none');
    const rpc = base.jsonRpc as NonNullable<ResponseFixture['jsonRpc']>;
    await fleet.replace({ ...MCP, fixture: { ...base, jsonRpc: { ...rpc, results: { initialize: rpc.results.initialize } } } });
    const events = await cycle();
    expect(events).toEqual([]);
    expect((await dynamo.store.getEndpoint(MCP.host, MCP.port))?.inventory?.total).toBe(6);
  });

  it('hostile model names are capped, cleaned and escaped in every rendering', async () => {
    const hostile = `<!channel> <at>everyone</at> [click](http://evil.example) \u001b[31mred\u001b[0m \u202eevil ${'x'.repeat(500)}`;
    await fleet.start({ ...OLLAMA, fixture: ollamaWith([hostile, 'ok-model']) });
    const [opened] = await cycle();
    const names = opened?.inventory?.items?.map((i) => i.name) ?? [];
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name).not.toMatch(/[\u0000-\u001f\u202e]/);
    }
    const event = opened as AlertEvent;
    const slack = JSON.stringify(renderSlackMessage(event));
    expect(slack).not.toContain('<!channel>');
    expect(slack).toContain('&lt;!channel&gt;');
    const teams = JSON.stringify(renderTeamsMessage(event));
    expect(teams).not.toContain('<at>');
    expect(teams).not.toContain('[click](');
    const email = renderEmail(event).body;
    expect(email).not.toMatch(/[\u001b\u202e]/);
    expect(email).toContain('How to fix:');
    const terminal = renderTerminalTable([event]);
    expect(terminal).not.toMatch(/[\u001b\u202e]/);
    expect(terminal).toContain('fix: ');
  });
});
