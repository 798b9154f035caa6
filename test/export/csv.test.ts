import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvRow, renderCsv } from '../../lambdas/core/export/csv.js';
import { ALL_RECORDS, hostileRecord, jupyterOpen, mlflowDefault, NOW, ollamaLapsed, ollamaOpen, qdrantGone, vllmLocked } from './sample-records.js';

/** Parses with a real RFC 4180 parser (csv-parse), strict about quotes and column counts. */
function parseCsv(text: string): string[][] {
  return parse(text, { relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
}

function rowsByEndpoint(text: string): Map<string, Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([...CSV_COLUMNS]);
  return new Map(rows.map((r) => [r[0] ?? '', Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i] ?? '']))]));
}

describe('csvCell', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['=HYPERLINK("http://evil","x")', '"\'=HYPERLINK(""http://evil"",""x"")"'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numbers, booleans and missing values', () => {
    expect(csvRow([11434, true, null, undefined, 'x'])).toBe('11434,true,,,x\r\n');
  });

  it('round-trips hostile text through a real CSV parser (guarded cells keep their text after the apostrophe)', () => {
    const values = ['=HYPERLINK("http://evil.example","click")', 'a,b', 'multi\r\nline "quoted"', '@x', '-3', 'plain', ''];
    const [row] = parseCsv(csvRow(values) + csvRow(values));
    expect(row).toEqual(values.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
  });
});

describe('renderCsv', () => {
  const text = renderCsv(ALL_RECORDS, { now: NOW });
  const rows = rowsByEndpoint(text);

  it('has a header and one row per endpoint, CRLF-terminated', () => {
    expect(parseCsv(text)).toHaveLength(ALL_RECORDS.length + 1);
    expect(rows.size).toBe(ALL_RECORDS.length);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(ALL_RECORDS.length + 2);
  });

  it('gives an open endpoint its facts, severity and fix', () => {
    const r = rows.get('http://203.0.113.10:11434');
    expect(r).toMatchObject({
      ip: '203.0.113.10',
      port: '11434',
      tls: 'false',
      service: 'ollama',
      product: 'Ollama',
      auth: 'none',
      version: '0.1.30',
      status: 'open',
      severity: 'critical',
      route: 'ml',
      owner: 'ml-team',
      range: '203.0.113.0/24',
      label: 'gpu lab',
      first_seen: ollamaOpen.firstSeenAt,
      last_seen: ollamaOpen.lastSeenAt,
      suppressed: 'no',
      vulnerabilities: 'CVE-2024-37032 (critical); CVE-2024-45436 (high)',
      listing: '2 models: llama3:8b, qwen2:7b',
      evidence: 'GET /api/tags -> 200, 2 models listed',
      settings: 'OLLAMA_HOST=127.0.0.1:11434',
    });
    expect(r?.fix).toMatch(/^Ollama has no authentication of its own/);
    expect(r?.docs).toMatch(/^https:\/\//);
  });

  it('follows the alert severity rules', () => {
    expect(rows.get(`http://${jupyterOpen.ip}:8888`)?.severity).toBe('critical');
    expect(rows.get(`http://${mlflowDefault.ip}:5000`)?.severity).toBe('critical');
    expect(rows.get(`http://${vllmLocked.ip}:8000`)?.severity).toBe('info');
    expect(rows.get(`http://${qdrantGone.ip}:6333`)).toMatchObject({ severity: 'high', status: 'gone' });
    expect(rows.get(`http://${ollamaLapsed.ip}:11434`)?.severity).toBe('high');
  });

  it('gives a locked endpoint no fix (nothing to close)', () => {
    expect(rows.get(`http://${vllmLocked.ip}:8000`)).toMatchObject({ fix: '', settings: '', docs: '', route: 'default' });
  });

  it('reports suppression: held, lapsed, or none', () => {
    expect(rows.get('https://[2001:db8::5]:11434')).toMatchObject({
      suppressed: 'yes',
      suppressed_by: 'alice',
      suppressed_reason: 'lab box, firewalled upstream',
      suppressed_until: '2099-01-01',
    });
    expect(rows.get(`http://${ollamaLapsed.ip}:11434`)).toMatchObject({ suppressed: 'expired', suppressed_by: 'bob', suppressed_until: '2020-01-01' });
  });

  it('keeps hostile host text inert: no formula starts a cell, no control characters, no extra rows', () => {
    const r = rows.get(`http://${hostileRecord.ip}:7860`);
    expect(r).toBeDefined();
    for (const [column, value] of Object.entries(r ?? {})) {
      expect(value, column).not.toMatch(/^[=+\-@\t\r]/);
      expect(value, column).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    // Each hostile cell is still there, guarded with an apostrophe, quotes and commas intact.
    expect(r?.evidence).toMatch(/^'=HYPERLINK\("http:\/\/evil\.example\/x\?a=1,b=2","click"\), "quoted", line2 red <script>/);
    expect(r?.version).toMatch(/^'\+1=HYPERLINK/);
    expect(r?.label).toMatch(/^'@SUM\(A1:A9\)=HYPERLINK/);
    expect(r?.owner).toMatch(/^'-2\+3=HYPERLINK/);
    expect(r?.suppressed_reason).toMatch(/^'=cmd\|' \/C calc'!A0 =HYPERLINK/);
    expect(r?.suppressed_by).toMatch(/^'=HYPERLINK/);
    expect(r?.listing).toMatch(/^1 app: =HYPERLINK/);
  });

  it('writes only the header when nothing is shown', () => {
    expect(renderCsv([], { now: NOW })).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
