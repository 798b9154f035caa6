import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the installed CLI exactly as a user would (`npx exposure-monitor ...`). */
async function exposureMonitor(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['--no-install', 'exposure-monitor', ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

// Servers on 127.0.61.x.
const fleet = new Fleet();
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-cli-'));
let ollamaPort: number;
let jupyterPort: number;
beforeAll(async () => {
  // On their products' ports, where every probe of theirs is sent.
  ollamaPort = (await fleet.start({ host: '127.0.61.2', port: 11434, fixture: loadFixture('ollama', 'none') })).member.port;
  jupyterPort = (await fleet.start({ host: '127.0.61.3', port: 8888, fixture: loadFixture('jupyter', 'required') })).member.port;
});
afterAll(async () => {
  await fleet.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('npx exposure-monitor', () => {
  it('prints help', async () => {
    const r = await exposureMonitor('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exposure-monitor scan <target>');
  });

  it('scan --json prints one contract line per AI endpoint found', async () => {
    const r = await exposureMonitor('scan', '127.0.61.0/28', '--ports', `${ollamaPort},${jupyterPort}`, '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ ip: '127.0.61.2', port: ollamaPort, tls: false, service: 'ollama', auth: 'none', version: '0.5.7' }),
      expect.objectContaining({ ip: '127.0.61.3', port: jupyterPort, tls: false, service: 'jupyter', auth: 'required' }),
    ]);
    expect(r.stderr).not.toMatch(/error|warning:/);
    expect(r.stderr).toMatch(/scan: 32 probes, 2 open, 0 filtered, 2 AI endpoints/);
  });

  it.each([
    [['scan', '192.0.2.0/33'], /192\.0\.2\.0\/33.*prefix length/],
    [['scan', '192.0.2.0/24'], /192\.0\.2\.0\/24 is refused: .*documentation/],
    [['ranges', 'add', '10.0.0.0/8'], /10\.0\.0\.0\/8 is too large/],
    [['scan', '127.0.0.1', '--ports', '70000'], /70000 is out of range/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 naming the problem for %j', async (args, message) => {
    const r = await exposureMonitor(...args, '--state-dir', stateDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
