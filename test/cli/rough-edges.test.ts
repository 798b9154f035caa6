import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { stateDir } from '../../lambdas/cli/cli-options.js';
import { main } from '../../lambdas/cli/main.js';
import { captureIo } from '../support/capture-io.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'em-edges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main([...argv, '--state-dir', dir], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('CLI rough edges from the newcomer trial', () => {
  it('ranges add on a registered range refuses to replace it silently; --replace says it replaced', async () => {
    expect((await cli('ranges', 'add', '127.0.97.0/24', '--label', 'lab', '--owner', 'secops')).stdout).toBe('added 127.0.97.0/24 (lab)');
    const again = await cli('ranges', 'add', '127.0.97.0/24', '--label', 'dup');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('127.0.97.0/24 is already registered; pass --replace');
    const list = await cli('ranges', 'list', '--json');
    expect(JSON.parse(list.stdout)).toMatchObject({ label: 'lab', owner: 'secops' });
    const replaced = await cli('ranges', 'add', '127.0.97.0/24', '--label', 'dup', '--replace');
    expect(replaced.stdout).toBe('replaced 127.0.97.0/24 (dup)');
  });

  it('a loopback /8 is refused as too large, naming the option that raises the limit', async () => {
    const r = await cli('ranges', 'add', '127.0.0.0/8');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/127\.0\.0\.0\/8 is too large.*--max-range-prefix/);
  });

  it('suppress takes the endpoint as findings prints it (a URL), and says what it wants otherwise', async () => {
    const unknown = await cli('suppress', 'http://127.0.97.10:11434', '--reason', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('127.0.97.10:11434 is not a known endpoint');
    const bad = await cli('suppress', 'http://not-an-endpoint', '--reason', 'x');
    expect(bad.stderr).toContain('is not an endpoint (use ip:port, or the URL findings prints)');
  });

  it('--version prints the package version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^exposure-monitor \d+\.\d+\.\d+$/);
  });

  it('a reader that closes the pipe early ends the CLI quietly', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const { stdout, stderr } = await promisify(execFile)('bash', ['-o', 'pipefail', '-c', 'node bin/exposure-monitor.mjs catalog --json | head -c 100 >/dev/null; echo "cli exit ${PIPESTATUS[0]}"'], { cwd: root, timeout: 60_000 });
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(stdout.trim()).toMatch(/^cli exit (0|141)$/);
  });

  it.each([
    ['no region', {}, 'error: no AWS region: set AWS_REGION'],
    ['an empty region', { AWS_REGION: '' }, 'error: no AWS region: set AWS_REGION'],
    // Instance metadata off: the credential chain must not reach for 169.254.169.254 from a test.
    ['no credentials', { AWS_REGION: 'eu-west-1', AWS_EC2_METADATA_DISABLED: 'true' }, 'error: no AWS credentials found: set AWS_PROFILE'],
  ])('--aws with %s says what to set, in one line', async (_name, env, message) => {
    const root = path.resolve(import.meta.dirname, '../..');
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    const run = promisify(execFile)('node', ['bin/exposure-monitor.mjs', 'ranges', 'list', '--aws', '--table', 't'], {
      cwd: root,
      timeout: 60_000,
      env: { ...clean, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', ...env },
    });
    const failure = (await run.then(() => undefined, (err: { code: number; stderr: string }) => err)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure.stderr).toContain(message);
  });

  it('the default state directory is the repository root\'s, from any folder of the repository', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const before = process.cwd();
    try {
      process.chdir(path.join(root, 'lambdas', 'core'));
      expect(stateDir({})).toBe(path.join(root, '.exposure-monitor'));
      process.chdir(os.tmpdir());
      expect(stateDir({})).toBe(path.join(os.tmpdir(), '.exposure-monitor'));
      expect(stateDir({ 'state-dir': 'x' })).toBe(path.join(os.tmpdir(), 'x'));
    } finally {
      process.chdir(before);
    }
  });
});
