// One conformance case, run by run-conformance.ts inside its own `unshare -rn` network namespace
// (only a loopback interface exists there): starts the product, scans it with the real CLI in the
// address:port and the range form, records what the catalog's reads get, stops the product, and
// prints one JSON line for the caller. Refuses to run where any other interface exists.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { CASES, type ConformanceCase, type SetupRequest } from './cases.js';
import { caseNodeDir, installDir } from './install-cache.js';
import { recordResponses } from './record-responses.js';
import { scanWithCli } from './scan-with-cli.js';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 120_000; // a Node product's first start on a loaded 2-core machine

/** Interfaces of this process's network namespace (/proc/self/net follows it; /sys/class/net does not). */
function interfaces(): string[] {
  return readFileSync('/proc/self/net/dev', 'utf8')
    .split('\n')
    .slice(2)
    .map((l) => l.split(':')[0]?.trim() ?? '')
    .filter(Boolean);
}

function startProduct(c: ConformanceCase, home: string): { child: ChildProcess; log: () => string } {
  const nodeDir = caseNodeDir(c);
  const debian = c.package.registry === 'debian';
  // npm: the package's bin under the case's Node, from its cache prefix; Debian: the program itself.
  const caseArgs = c.args.map((a) => a.replaceAll('{home}', home).replaceAll('{prefix}', installDir(c.package)));
  const [program, args] = debian ? [c.bin, caseArgs] : [path.join(nodeDir, 'node'), [path.join(installDir(c.package), 'node_modules', '.bin', c.bin), ...caseArgs]];
  const child = spawn(program, args, {
    cwd: debian ? home : installDir(c.package),
    // Its own HOME: nothing the product writes lands in the operator's home.
    env: { PATH: `${nodeDir}:${process.env.PATH ?? ''}`, HOME: home, ...c.env },
    detached: true, // its own process group: launchers (Inspector's) start children, stopped together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (b: Buffer): void => void (tail = (tail + b.toString('utf8')).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log: () => tail };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before listening on ${port}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: HOST, port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not listening on ${port} after ${START_TIMEOUT_MS} ms`);
}

/** One request to the product on loopback: status and body (for the error when a step fails). */
function request(port: number, method: string, p: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, method, path: p, headers, timeout: 30_000 }, (res) => {
      let text = '';
      res.on('data', (b: Buffer) => void (text = (text + b.toString('utf8')).slice(0, 2000)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${p}: no answer in 30 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls `ready.path` until it answers `ready.status`: a product may listen before it has finished starting. */
async function waitForReady(port: number, ready: NonNullable<ConformanceCase['ready']>, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before ${ready.path} answered ${ready.status}`);
    try {
      const r = await request(port, 'GET', ready.path);
      if (r.status === ready.status) return;
      last = `${r.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`GET ${ready.path} did not answer ${ready.status} after ${START_TIMEOUT_MS} ms (last: ${last})`);
}

/** Puts the product in the configuration under test; a step answered otherwise than expected fails the case. */
async function runSetup(port: number, steps: readonly SetupRequest[]): Promise<void> {
  for (const s of steps) {
    const body = s.body === undefined ? undefined : JSON.stringify(s.body);
    const headers = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...s.headers };
    const r = await request(port, s.method, s.path, headers, body);
    if (r.status !== s.expectStatus) throw new Error(`setup ${s.method} ${s.path} answered ${r.status}, expected ${s.expectStatus}: ${r.body.slice(0, 500)}`);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const group = -child.pid;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(group, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

async function main(): Promise<void> {
  const c = CASES.find((k) => k.id === process.argv[2]);
  if (!c) throw new Error(`unknown case ${process.argv[2]}`);
  const others = interfaces().filter((i) => i !== 'lo');
  if (others.length > 0) throw new Error(`refusing to run outside a loopback-only network namespace (interfaces: ${others.join(', ')})`);
  execFileSync('ip', ['link', 'set', 'lo', 'up']);
  const home = mkdtempSync(path.join(os.tmpdir(), 'em-conformance-'));
  const { child, log } = startProduct(c, home);
  try {
    await waitForPort(c.port, child);
    if (c.ready) await waitForReady(c.port, c.ready, child);
    if (c.setup) await runSetup(c.port, c.setup);
    const atPort = await scanWithCli(`${HOST}:${c.port}`);
    const range = await scanWithCli(`${HOST}/32`);
    const recorded = await recordResponses(HOST, c.port, catalog, c.alsoRecord);
    process.stdout.write(`${JSON.stringify({ atPort, range, recorded })}\n`);
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ error: `${(err as Error).message}\n${log()}` })}\n`);
  } finally {
    await stop(child);
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
