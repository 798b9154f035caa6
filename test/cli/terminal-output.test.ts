import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorWanted } from '../../lambdas/cli/cli-io.js';
import { main } from '../../lambdas/cli/main.js';
import { visibleLength } from '../../lambdas/core/alerts/text-table.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';

// Issue #14: on a terminal, tables fit its width and the severity is coloured; piped, nothing changes.
// The fleet of this file lives on 127.0.114.x.
const RANGE = '127.0.114.0/24';
const fleet = new Fleet();
const root = mkdtempSync(path.join(os.tmpdir(), 'em-terminal-'));
/** Each state directory sees the fleet for the first time, so each first run alerts on both endpoints. */
const plainState = path.join(root, 'plain');
const terminalState = path.join(root, 'terminal');
const ENDPOINTS = ['http://127.0.114.10:11434', 'http://127.0.114.11:8000'];
const ESC = '\u001b';
const SGR_OF_SEVERITY: Record<string, string> = { CRITICAL: '1;31', HIGH: '31', MEDIUM: '33', LOW: '36', INFO: '2' };

type Terminal = { columns?: number; color?: boolean };

async function cli(stateDir: string, terminal: Terminal, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo(terminal);
  const code = await main([...argv, '--state-dir', stateDir], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
/** The alert table of a run's output: from its header to the blank line before the notes. */
const alertTable = (stdout: string) => stdout.slice(stdout.search(/^(\u001b\[1m)?SEVERITY /m)).split('\n\n')[0]?.split('\n') ?? [];
const widest = (lines: readonly string[]) => Math.max(...lines.map(visibleLength));

let plainRun: string;
let terminalRun: string;

beforeAll(async () => {
  const ports = [11434, 8000];
  await fleet.start({ host: '127.0.114.10', port: 11434, fixture: loadFixture('ollama', 'none') });
  await fleet.start({ host: '127.0.114.11', port: 8000, fixture: loadFixture('vllm', 'required') });
  for (const state of [plainState, terminalState]) {
    const added = await cli(state, {}, 'ranges', 'add', RANGE, '--label', 'terminal output lab, second floor rack 4', '--owner', 'secops', '--ports', ports.join(','));
    expect(added.code, added.stderr).toBe(0);
  }
  const first = await cli(plainState, {}, 'run');
  expect(first.code, first.stderr).toBe(0);
  plainRun = first.stdout;
  const second = await cli(terminalState, { columns: 100, color: true }, 'run');
  expect(second.code, second.stderr).toBe(0);
  terminalRun = second.stdout;
});
afterAll(async () => {
  await fleet.close();
  rmSync(root, { recursive: true, force: true });
});

describe('CLI tables', () => {
  it('piped (no width, no colour): the run table is plain and every cell whole', () => {
    const table = alertTable(plainRun);
    expect(plainRun).not.toContain(ESC);
    expect(table).toHaveLength(3);
    expect(table.join('\n')).toContain('(vLLM --api-key)');
    // Wider than the terminal of the next test, so that test shows the fitting.
    expect(widest(table)).toBeGreaterThan(100);
  });

  it('on a terminal: the run table fits its 100 columns, the header bold, the severity coloured by severity', () => {
    const table = alertTable(terminalRun);
    const [header, ...rows] = table;
    expect(rows).toHaveLength(2);
    expect(widest(table)).toBeLessThanOrEqual(100);
    expect(header?.startsWith(`${ESC}[1mSEVERITY `)).toBe(true);
    for (const row of rows) {
      const severity = plain(row).split(' ')[0] as string;
      expect(row.startsWith(`${ESC}[${SGR_OF_SEVERITY[severity]}m${severity}${ESC}[0m  `), row).toBe(true);
      expect(row.match(/\u001b/g), 'only the severity cell is painted').toHaveLength(2);
    }
    expect(rows.map((r) => plain(r).split(/ +/)[0])).toEqual(['CRITICAL', 'INFO']);
    // Aligned as the piped table is, up to the evidence, which alone was cut.
    const piped = alertTable(plainRun);
    const evidenceAt = piped[0]?.indexOf('EVIDENCE') ?? -1;
    expect(evidenceAt).toBeGreaterThan(0);
    expect(table.map((l) => plain(l).slice(0, evidenceAt))).toEqual(piped.map((l) => l.slice(0, evidenceAt)));
    expect(plain(rows[1] as string).endsWith('…')).toBe(true);
    for (const endpoint of ENDPOINTS) expect(plain(terminalRun)).toContain(`  ${endpoint}  `);
  });

  it('findings: fitted to the width; escape codes only with colour, and then only the bold header', async () => {
    const piped = (await cli(plainState, {}, 'findings')).stdout;
    expect(widest(piped.split('\n'))).toBeGreaterThan(160);
    const fitted = (await cli(plainState, { columns: 160 }, 'findings')).stdout;
    expect(fitted).not.toContain(ESC);
    expect(widest(fitted.split('\n'))).toBeLessThanOrEqual(160);
    expect(fitted.split('\n')[1]).toContain('…');
    const coloured = (await cli(plainState, { columns: 160, color: true }, 'findings')).stdout;
    expect(coloured.split('\n')[0]).toMatch(/^\u001b\[1mENDPOINT .*\u001b\[0m$/);
    expect(plain(coloured)).toBe(fitted);
  });

  it('findings: a width no table can fit keeps every column, the URLs and the times whole', async () => {
    const piped = (await cli(plainState, {}, 'findings')).stdout.split('\n');
    const narrow = (await cli(plainState, { columns: 80 }, 'findings')).stdout.split('\n');
    expect(narrow[0]?.split(/ {2,}/)).toEqual(['ENDPOINT', 'SERVICE', 'AUTH', 'VERSION', 'STATUS', 'FIRST SEEN (UTC)', 'LAST SEEN (UTC)', 'RANGE', 'ROUTE', 'LISTS', 'ADVISORIES', 'SUPPRESSED']);
    expect(narrow.slice(1).map((l) => l.split(/ +/)[0])).toEqual(ENDPOINTS);
    expect(narrow[1]).toMatch(/ open {4}\d{4}-\d\d-\d\d \d\d:\d\d {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}/);
    // As narrow as truncating allows: narrower than piped, wider than asked.
    expect(widest(narrow)).toBeGreaterThan(80);
    expect(widest(narrow)).toBeLessThan(widest(piped));
  });

  it('ranges list and catalog fit a 100-column terminal', async () => {
    for (const argv of [['ranges', 'list'], ['catalog']]) {
      const piped = (await cli(plainState, {}, ...argv)).stdout.split('\n');
      const fitted = (await cli(plainState, { columns: 100 }, ...argv)).stdout.split('\n');
      expect(widest(piped), argv.join(' ')).toBeGreaterThan(100);
      expect(widest(fitted), argv.join(' ')).toBeLessThanOrEqual(100);
      expect(fitted).toHaveLength(piped.length);
      // The first column (the CIDR, the product) is never cut.
      expect(fitted.map((l) => l.split(' ')[0])).toEqual(piped.map((l) => l.split(' ')[0]));
    }
  });

  it('scan: the evidence gives way on a narrow terminal', async () => {
    const piped = (await cli(plainState, {}, 'scan', '127.0.114.10:11434')).stdout.split('\n');
    const fitted = (await cli(plainState, { columns: 70 }, 'scan', '127.0.114.10:11434')).stdout.split('\n');
    expect(widest(piped)).toBeGreaterThan(70);
    expect(widest(fitted)).toBeLessThanOrEqual(70);
    expect(fitted[1]).toMatch(/^http:\/\/127\.0\.114\.10:11434 +ollama +none .*…$/);
  });
});

describe('colour choice (https://no-color.org)', () => {
  it('colours a terminal unless NO_COLOR is set to something non-empty; never a pipe', () => {
    expect(colorWanted(true, {})).toBe(true);
    expect(colorWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(true, { NO_COLOR: '0' })).toBe(false);
    expect(colorWanted(false, {})).toBe(false);
    expect(colorWanted(undefined, {})).toBe(false);
  });
});
