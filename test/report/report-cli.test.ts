import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import { captureIo } from '../support/capture-io.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'em-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exposure-monitor report', () => {
  it('writes the report of the local state where --out says, readable only by its owner', async () => {
    const io = captureIo();
    const out = path.join(dir, 'r.html');
    expect(await main(['report', '--out', out, '--state-dir', path.join(dir, 'state')], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^wrote .*r\.html: 0 open of 0 known AI endpoints, 0 runs/);
    expect(readFileSync(out, 'utf8')).toContain('No AI endpoints known.');
    expect(statSync(out).mode & 0o077).toBe(0);
  });

  it('refuses a --since that is not a date, naming it', async () => {
    const io = captureIo();
    expect(await main(['report', '--since', '2026-02-30', '--state-dir', path.join(dir, 'state')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--since "2026-02-30"');
  });
});
