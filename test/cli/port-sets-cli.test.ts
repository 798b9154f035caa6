import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';

// Products on the ports where a second instance, or a home-made service, really lands: all on
// 127.0.95.x, none on its product's default port.
const fleet = new Fleet();
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-portsets-'));
const NEIGHBOURS = [
  { host: '127.0.95.2', port: 6007, service: 'tensorboard', state: 'none' }, // a second TensorBoard
  { host: '127.0.95.3', port: 3001, service: 'mcp-server', state: 'none' }, // an MCP server next to 3000
  { host: '127.0.95.4', port: 9000, service: 'openai-compatible', state: 'none' }, // a home-made gateway
  { host: '127.0.95.5', port: 7862, service: 'gradio', state: 'none' }, // the third Gradio app on the host
  { host: '127.0.95.6', port: 8890, service: 'jupyter', state: 'none' }, // Jupyter after port_retries
];
beforeAll(async () => {
  for (const n of NEIGHBOURS) await fleet.start({ host: n.host, port: n.port, fixture: loadFixture(n.service, n.state) });
});
afterAll(async () => {
  await fleet.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main([...argv, '--state-dir', stateDir], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

const found = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { ip: string; port: number; service: string })
    .map((e) => `${e.ip}:${e.port} ${e.service}`)
    .sort();

/** The services of the alerts `run --json` printed, sorted. */
const alertedServices = (stdout: string): (string | undefined)[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { endpoint?: { service: string } }).endpoint?.service)
    .sort();

describe('port sets from the CLI', () => {
  it('a range scan with the ai set finds each product on its neighbour port', async () => {
    const r = await cli('scan', '127.0.95.0/29', '--ports', 'ai', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(found(r.stdout)).toEqual(NEIGHBOURS.map((n) => `${n.host}:${n.port} ${n.service}`).sort());
  });

  it('the catalog set (scan\'s default, by its contract) misses them: that is why ranges default to ai', async () => {
    const r = await cli('scan', '127.0.95.0/29', '--json');
    expect(r.code, r.stderr).toBe(0);
    // 3001 (AnythingLLM's) and 9000 (whisper-asr-webservice's) are catalog ports already; the other
    // three are outside the catalog set.
    expect(found(r.stdout)).toEqual(['127.0.95.3:3001 mcp-server', '127.0.95.4:9000 openai-compatible']);
  });

  it('a range with no ports is swept with the default set (ai): run finds every product', async () => {
    // Its own state directory: the next test's first cycle must find every product new again.
    const own = mkdtempSync(path.join(os.tmpdir(), 'em-portsets-default-'));
    const inOwn = async (...argv: string[]) => {
      const io = captureIo();
      const code = await main([...argv, '--state-dir', own], io);
      return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
    };
    expect((await inOwn('ranges', 'add', '127.0.95.0/29')).code).toBe(0);
    const run = await inOwn('run', '--json');
    rmSync(own, { recursive: true, force: true });
    expect(run.code, run.stderr).toBe(0);
    expect(alertedServices(run.stdout)).toEqual(NEIGHBOURS.map((n) => n.service).sort());
  });

  it('a range row keeps a set by name, and run finds the products through it', async () => {
    expect((await cli('ranges', 'add', '127.0.95.0/29', '--ports', 'ai,9443')).code).toBe(0);
    const listed = JSON.parse((await cli('ranges', 'list', '--json')).stdout.split('\n')[0] ?? '{}') as { ports: unknown };
    expect(listed.ports).toEqual(['ai', 9443]);
    const run = await cli('run', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(alertedServices(run.stdout)).toEqual(NEIGHBOURS.map((n) => n.service).sort());
    const bad = await cli('ranges', 'add', '127.0.95.8/29', '--ports', 'everything');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"everything" is not a port number or a port set (catalog, ai, all)');
  });
});
