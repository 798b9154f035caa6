import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localHeaderSecrets, saveLocalHeaderSecret } from '../../lambdas/adapters/local/local-header-secrets.js';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { TerminalSink } from '../../lambdas/adapters/sinks/terminal-sink.js';
import { main } from '../../lambdas/cli/main.js';
import type { Logger } from '../../lambdas/core/ports.js';
import { parseOwnerHeaders } from '../../lambdas/core/probing/request-headers.js';
import { Fleet, fixtureHandler, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { captureIo } from '../support/capture-io.js';
import { freshDynamo } from '../support/dynalite.js';
import { steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';

// An owner's reverse proxy on 127.0.121.10: it mounts Ollama under /ollama/ and answers only
// requests that carry its key header; anything else gets its own 401 (no product marker).
const SECRET_VALUE = 'proxy-key-7f3a91c2e5';
const PROXY = '127.0.121.10';
const fleet = new Fleet();
const ollama = fixtureHandler(loadFixture('ollama', 'none'));
const seenHeaders: string[] = [];
const proxy = (req: http.IncomingMessage, res: http.ServerResponse): void => {
  if (req.headers['x-proxy-key'] !== SECRET_VALUE) {
    res.writeHead(401, { 'content-type': 'text/plain' }).end('proxy: key required');
    return;
  }
  seenHeaders.push(String(req.headers['user-agent']));
  if (!req.url?.startsWith('/ollama/')) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('proxy: no such mount');
    return;
  }
  req.url = req.url.slice('/ollama'.length);
  ollama(req, res);
};
beforeAll(async () => {
  await fleet.start({ host: PROXY, port: 8080, handler: proxy });
});
afterAll(() => fleet.close());

let dynamo: EmbeddedDynamo;
let stateDir: string;
beforeEach(async () => {
  dynamo = await freshDynamo();
  stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-proxy-'));
});
afterEach(() => {
  dynamo.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const SECRET = 'ai-exposure-monitor/headers/lab-proxy';
const logged: string[] = [];
const recordingLogger: Logger = {
  info: (m, d) => logged.push(`${m} ${JSON.stringify(d)}`),
  warn: (m, d) => logged.push(`${m} ${JSON.stringify(d)}`),
  error: (m, d) => logged.push(`${m} ${JSON.stringify(d)}`),
};
const clock = steppingClock();
async function cycle() {
  const terminal = new TerminalSink();
  const result = await runLocalCycle({
    store: dynamo.store,
    settings: testSettings([8080]),
    probe: testProbe,
    catalog: testCatalog,
    sinks: [terminal],
    clock,
    logger: recordingLogger,
    headerSecrets: localHeaderSecrets(stateDir),
    maxReceiveCount: 1,
  });
  return { result, events: terminal.events };
}

describe('behind a proxy: a row names the mount path and the secret holding the proxy headers', () => {
  it('without them the proxy hides the product; with them it is found, and the header value goes nowhere else', async () => {
    await dynamo.store.putRangeRow({ cidr: `${PROXY}/32` });
    expect((await cycle()).events).toEqual([]);

    saveLocalHeaderSecret(stateDir, SECRET, { 'X-Proxy-Key': SECRET_VALUE });
    await dynamo.store.putRangeRow({ cidr: `${PROXY}/32`, pathPrefix: '/ollama/', headersSecret: SECRET });
    const { events } = await cycle();
    expect(events.map((e) => `${e.type} ${e.endpoint?.service}`)).toEqual(['endpoint.new_unauthenticated ollama']);
    // The probe's own User-Agent still goes: owner headers add to it, never replace it.
    expect(seenHeaders.every((ua) => ua.startsWith('ai-exposure-monitor/'))).toBe(true);
    const everything = JSON.stringify([events, await dynamo.store.listEndpoints(), await dynamo.store.listRangeRows(), logged]);
    expect(everything).not.toContain(SECRET_VALUE);
    expect(statSync(path.join(stateDir, 'header-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('a secret that cannot be read fails the block: the run is incomplete and nothing is reported gone', async () => {
    saveLocalHeaderSecret(stateDir, SECRET, { 'X-Proxy-Key': SECRET_VALUE });
    await dynamo.store.putRangeRow({ cidr: `${PROXY}/32`, pathPrefix: '/ollama', headersSecret: SECRET });
    expect((await cycle()).events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);

    rmSync(path.join(stateDir, 'header-secrets.json'));
    const { result, events } = await cycle();
    expect(result.deadLetteredBlocks.map((d) => d.error)).toEqual([expect.stringContaining(`header secret ${SECRET} is not in`)]);
    expect(events.map((e) => e.type)).toEqual(['run.incomplete']);
    expect((await dynamo.store.listEndpoints()).map((e) => e.status)).toEqual(['open']);
  });
});

describe('proxy header secrets are checked, and errors never show a value', () => {
  it.each([
    [{ Host: 'other.test' }, 'set by the prober itself'],
    [{ 'Transfer-Encoding': 'chunked' }, 'set by the prober itself'],
    [{ 'X-Key': 'a\r\nX-Injected: 1' }, 'printable ASCII text on one line'],
    [{ 'Bad Name': 'v' }, 'is not a header name'],
    [{}, 'holds no header'],
    [['X-Key', 'v'], 'expected a JSON object'],
    [{ 'X-Key': 42 }, 'printable ASCII text'],
  ])('%j is refused (%s)', (headers, message) => {
    expect(() => parseOwnerHeaders(headers, SECRET)).toThrow(message);
    try {
      parseOwnerHeaders(headers, SECRET);
    } catch (err) {
      expect((err as Error).message).not.toContain('chunked');
      expect((err as Error).message).not.toContain('other.test');
    }
  });

  it('the CLI stores headers from a file, keeps the row free of them, and a run finds the product', async () => {
    const headersFile = path.join(stateDir, 'proxy-headers.json');
    writeFileSync(headersFile, JSON.stringify({ 'X-Proxy-Key': SECRET_VALUE }));
    const cli = async (...argv: string[]) => {
      const io = captureIo();
      const code = await main([...argv, '--state-dir', stateDir], io);
      return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
    };
    const added = await cli('ranges', 'add', `${PROXY}/32`, '--ports', '8080', '--path-prefix', '/ollama', '--headers-from-file', headersFile);
    expect(added.code, added.err).toBe(0);
    const listed = await cli('ranges', 'list', '--json');
    expect(JSON.parse(listed.out)).toMatchObject({ pathPrefix: '/ollama', headersSecret: `ai-exposure-monitor/headers/${PROXY}_32` });
    const run = await cli('run', '--json');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('"service":"ollama"');
    expect(`${added.out}${added.err}${listed.out}${run.out}${run.err}`).not.toContain(SECRET_VALUE);

    const bad = await cli('ranges', 'add', '127.0.121.11/32', '--path-prefix', '/a/../b');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('field "pathPrefix" must be a path such as /ollama');
  });
});
