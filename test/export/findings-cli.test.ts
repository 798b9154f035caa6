import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { main } from '../../lambdas/cli/main.js';
import { CSV_COLUMNS } from '../../lambdas/core/export/csv.js';
import { captureIo } from '../support/capture-io.js';
import { genericJsonProblems } from './defectdojo-generic-json.js';
import { ALL_RECORDS, hostileRecord, ollamaOpen, qdrantGone } from './sample-records.js';
import { validateSarif } from './sarif-schema.js';

/** `findings --format ...` through the CLI, on a local store holding the sample records. */
const root = mkdtempSync(path.join(os.tmpdir(), 'em-export-'));
const stateDir = path.join(root, 'state');
const emptyStateDir = path.join(root, 'empty');
const OPEN_COUNT = ALL_RECORDS.filter((r) => r.status === 'open').length;

beforeAll(async () => {
  const dynamo = await startEmbeddedDynamo(stateDir);
  try {
    for (const r of ALL_RECORDS) expect(await dynamo.store.writeEndpoint(r, 0)).toBe('applied');
  } finally {
    await dynamo.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main([...argv, ...(argv.includes('--state-dir') ? [] : ['--state-dir', stateDir])], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

function csvRows(text: string): string[][] {
  return parse(text) as string[][];
}

describe('findings --format', () => {
  it('csv: a header and one row per open endpoint; --all adds gone ones; --route keeps to the route', async () => {
    const open = await cli('findings', '--format', 'csv');
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout.endsWith('\r')).toBe(true); // the last CRLF: io.out adds the \n
    const rows = csvRows(`${open.stdout}\n`);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(OPEN_COUNT + 1);
    expect(rows.map((r) => r[0])).not.toContain(`http://${qdrantGone.ip}:6333`);

    const all = csvRows(`${(await cli('findings', '--format', 'csv', '--all')).stdout}\n`);
    expect(all).toHaveLength(ALL_RECORDS.length + 1);
    expect(all.map((r) => r[0])).toContain(`http://${qdrantGone.ip}:6333`);

    const ml = csvRows(`${(await cli('findings', '--format', 'csv', '--route', 'ml')).stdout}\n`);
    expect(ml.slice(1).map((r) => r[0])).toEqual([`http://${ollamaOpen.ip}:11434`]);

    // The hostile record went through the store and out again: still guarded.
    const hostile = rows.find((r) => r[0] === `http://${hostileRecord.ip}:7860`);
    expect(hostile?.[CSV_COLUMNS.indexOf('evidence')]).toMatch(/^'=HYPERLINK\(/);
  });

  it('json: one JSON array of the same objects --json prints one per line (--json unchanged)', async () => {
    const lines = await cli('findings', '--json', '--all');
    expect(lines.code).toBe(0);
    const fromLines = lines.stdout.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fromLines).toHaveLength(ALL_RECORDS.length);
    for (const o of fromLines) {
      expect(o).not.toHaveProperty('rev');
      expect(o).toHaveProperty('suppressedNow');
      expect(o).toHaveProperty('route');
    }
    const doc = await cli('findings', '--format', 'json', '--all');
    expect(doc.code).toBe(0);
    const array = JSON.parse(doc.stdout) as unknown;
    expect(Array.isArray(array)).toBe(true);
    expect(array).toEqual(fromLines);
  });

  it('sarif --out FILE: writes a valid SARIF file readable by its owner only, and says so on stderr', async () => {
    const file = path.join(root, 'findings.sarif');
    const r = await cli('findings', '--format', 'sarif', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`wrote ${OPEN_COUNT} endpoints to ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const log = JSON.parse(readFileSync(file, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(OPEN_COUNT);
  });

  it('--out over an existing world-readable file replaces it and makes it 0600', async () => {
    const file = path.join(root, 'old.json');
    writeFileSync(file, 'x'.repeat(100_000));
    chmodSync(file, 0o644);
    const r = await cli('findings', '--format', 'defectdojo', '--route', 'ml', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`wrote 1 endpoint to ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const report = JSON.parse(readFileSync(file, 'utf8')) as { findings: { unique_id_from_tool: string }[] };
    expect(report.findings.map((f) => f.unique_id_from_tool)).toEqual([`${ollamaOpen.ip}:11434`]);
  });

  it('defectdojo: a report the Generic Findings Import parser accepts, one finding per endpoint', async () => {
    const r = await cli('findings', '--format', 'defectdojo', '--all');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: unknown[] };
    expect(genericJsonProblems(report)).toEqual([]);
    expect(report.findings).toHaveLength(ALL_RECORDS.length);
  });

  it('an empty store gives empty documents', async () => {
    const csv = await cli('findings', '--format', 'csv', '--state-dir', emptyStateDir);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csvRows(`${csv.stdout}\n`)).toEqual([[...CSV_COLUMNS]]);
    const json = await cli('findings', '--format', 'json', '--state-dir', emptyStateDir);
    expect(JSON.parse(json.stdout)).toEqual([]);
    const sarif = await cli('findings', '--format', 'sarif', '--state-dir', emptyStateDir);
    expect(validateSarif(JSON.parse(sarif.stdout))).toBe(true);
  });

  it('table stays the default, and --format table is the same', async () => {
    const table = await cli('findings');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ENDPOINT\s+SERVICE/);
    expect((await cli('findings', '--format', 'table')).stdout).toBe(table.stdout);
  });

  it.each<[string, string[], string[]]>([
    ['an unknown format', ['--format', 'xml'], ['--format', '"xml"']],
    ['--json with --format', ['--json', '--format', 'csv'], ['--json', '--format']],
    ['an empty --out', ['--format', 'csv', '--out='], ['--out']],
    ['--out in a missing directory', ['--format', 'csv', '--out', path.join(root, 'no', 'such', 'dir', 'x.csv')], ['--out', 'no/such/dir/x.csv']],
  ])('bad input exits 2 naming it: %s', async (_name, args, names) => {
    const r = await cli('findings', ...args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: findings: /);
    for (const n of names) expect(r.stderr).toContain(n);
  });
});
