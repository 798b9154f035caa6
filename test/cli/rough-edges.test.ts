import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { probeOptions, stateDir } from '../../lambdas/cli/cli-options.js';
import { main } from '../../lambdas/cli/main.js';
import { DEFAULT_PROBE_OPTIONS, DEFAULT_USER_AGENT } from '../../lambdas/core/probing/probe-targets.js';
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
    expect(bad.stderr).toContain('is not an endpoint (use ip:port, name:port, or the URL findings prints)');
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

describe('CLI rough edges from the newcomer trial, the rest (problems 19, 22, 24, 27, 30)', () => {
  it('an unknown option is named plainly, with the closest real one, not parseArgs\' text', async () => {
    const r = await cli('scan', '127.0.0.1', '--contcat', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: unknown option --contcat (did you mean --contact?)');
    expect(r.stderr).not.toMatch(/positional argument|-- "/);
  });

  it('a negative number is checked as the option\'s value, not called ambiguous', async () => {
    for (const argv of [['--timeout', '-5'], ['-p', '-5']]) {
      const r = await cli('scan', '127.0.0.1', ...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('ambiguous');
    }
    expect((await cli('scan', '127.0.0.1', '--timeout', '-5')).stderr).toContain('--timeout: "-5" must be a whole number from 50 to 60000');
  });

  it('an option without its value says so', async () => {
    expect((await cli('ranges', 'add', '127.0.97.0/24', '--label')).stderr).toContain('error: --label needs a value');
    expect((await cli('scan', '127.0.0.1', '--timeout', '--json')).stderr).toContain('error: --timeout needs a value (a value that starts with "-" is written --timeout=VALUE)');
  });

  it('no command is a mistake: usage on stderr, exit 2; --help still prints it on stdout, exit 0', async () => {
    const io = captureIo();
    expect(await main([], io)).toBe(2);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(/^error: give a command\n\nexposure-monitor: .*\n\nUsage:/);
    expect((await cli('--help')).code).toBe(0);
  });

  it('ranges without an action asks for one, not for action ""', async () => {
    const r = await cli('ranges');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: ranges: give an action: add, list or remove (e.g. exposure-monitor ranges list)');
  });

  it('the help names the commands that take each option', async () => {
    const help = (await cli('--help')).stdout;
    expect(help).toMatch(/--allow-private\s+scan, run, ranges add:/);
    expect(help).toMatch(/--max-range-prefix N\s+scan, run, ranges add:/);
    expect(help).toMatch(/--gone-after N\s+run:/);
    expect(help).toMatch(/--contact URL\s+scan, run:/);
  });

  it('a private range too large names both rules at once (one round trip, not two)', async () => {
    const r = await cli('ranges', 'add', '10.0.0.0/8');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/10\.0\.0\.0\/8 is too large: .*--max-range-prefix.*; it is also private \(RFC 1918\) \(10\.0\.0\.0\/8\): pass --allow-private/);
    expect((await cli('ranges', 'add', '10.0.0.0/8', '--allow-private')).stderr).not.toContain('allow-private');
  });

  it('an exclusion outside its range, or covering all of it, is refused naming it', async () => {
    const outside = await cli('ranges', 'add', '127.0.96.0/24', '--exclude', '127.0.56.0/24');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--exclude 127.0.56.0/24 is outside 127.0.96.0/24');
    const all = await cli('ranges', 'add', '127.0.96.0/24', '--exclude', '127.0.96.0/28,127.0.0.0/16');
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('--exclude 127.0.0.0/16 covers all of 127.0.96.0/24');
    expect((await cli('ranges', 'add', '127.0.96.0/24', '--exclude', '127.0.96.0/28')).code).toBe(0);
  });

  it('ranges list says "no" for a range that is not muted, as it says "yes" for one that is enabled', async () => {
    const list = (await cli('ranges', 'list')).stdout;
    expect(list).toMatch(/127\.0\.96\.0\/24 .*\byes\s+no\b/);
  });

  it('run exits 1 when it scanned nothing, saying why, so a scheduler notices', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'em-edges-empty-'));
    try {
      const io = captureIo();
      expect(await main(['run', '--state-dir', empty], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain('error: this run scanned nothing: no range is registered; add one with: exposure-monitor ranges add <cidr>');
      // A loopback row registered under a wider size cap, then a run with the default cap: every
      // row refused (loopback, so even a policy bug could send nothing off the machine).
      // One port: the row must pass the per-row probe cap, whatever size the default port set grows to.
      expect(await main(['ranges', 'add', '127.0.0.0/15', '--max-range-prefix', '15', '--ports', '11434', '--state-dir', empty], captureIo())).toBe(0);
      const refused = captureIo();
      expect(await main(['run', '--state-dir', empty], refused)).toBe(1);
      expect(refused.stderr.join('\n')).toContain('error: this run scanned nothing: every registered range was refused');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('the scanner\'s default User-Agent says what it is and that no contact is set; --contact names one', () => {
    expect(DEFAULT_PROBE_OPTIONS.userAgent).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).not.toMatch(/https?:|github/);
    expect(DEFAULT_USER_AGENT).toMatch(/^ai-exposure-monitor\/0\.1 \(.*AI services open without authentication.*no contact set\)$/);
    expect(probeOptions({ contact: 'https://security.example/scanner' }).userAgent).toBe('ai-exposure-monitor/0.1 (+https://security.example/scanner)');
  });
});

describe('read-only commands on a state directory that does not exist yet', () => {
  it('findings, ranges list and sinks list read an empty store, say so, and create nothing', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'em-nostate-'));
    const dir = path.join(parent, 'never-made');
    try {
      for (const argv of [['findings'], ['findings', '--format', 'json'], ['ranges', 'list'], ['sinks', 'list']]) {
        const io = captureIo();
        const code = await main([...argv, '--state-dir', dir], io);
        expect(code, argv.join(' ')).toBe(0);
        expect(existsSync(dir), argv.join(' ')).toBe(false);
      }
      const io = captureIo();
      await main(['findings', '--format', 'json', '--state-dir', dir], io);
      expect(JSON.parse(io.stdout.join('\n'))).toEqual([]);
      expect(io.stderr.join('\n')).toContain(`note: nothing recorded yet in ${dir}`);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
