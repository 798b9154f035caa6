import { describe, expect, it } from 'vitest';
import { formatTable, visibleLength } from '../../../lambdas/core/alerts/text-table.js';

const ESC = '\u001b';
const HEADERS = ['SEVERITY', 'ENDPOINT', 'EVIDENCE'];
const ROWS = [
  ['CRITICAL', 'http://127.0.0.1:11434', 'GET /api/tags -> 200 with 3 models: llama3, mistral, phi3'],
  ['INFO', 'http://127.0.0.2:8000', 'GET /v1/models -> 401'],
];
// The natural width: 8 + 2 + 22 + 2 + 57.
const NATURAL = 91;

const lineWidths = (table: string) => table.split('\n').map(visibleLength);
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('formatTable', () => {
  it('without options: columns padded to their widest cell, two spaces apart, no trailing space', () => {
    expect(formatTable(['A', 'BB', 'C'], [['xyz', '', ''], ['1', '22', '3']])).toBe(['A    BB  C', 'xyz', '1    22  3'].join('\n'));
    const table = formatTable(HEADERS, ROWS);
    expect(Math.max(...lineWidths(table))).toBe(NATURAL);
    expect(table).toContain(ROWS[0]?.[2]);
    // A cell beyond the headers is printed as it is, also when fitting.
    expect(formatTable(['A'], [['x', 'extra']], { width: 3 })).toBe('A\nx  extra');
    // A width the table already fits changes nothing.
    expect(formatTable(HEADERS, ROWS, { width: NATURAL })).toBe(table);
  });

  it('fits the width by truncating the last column with an ellipsis', () => {
    const table = formatTable(HEADERS, ROWS, { width: 60 });
    expect(lineWidths(table).every((w) => w <= 60)).toBe(true);
    expect(Math.max(...lineWidths(table))).toBe(60);
    const [, critical, info] = table.split('\n');
    expect(critical).toBe(`CRITICAL  http://127.0.0.1:11434  ${ROWS[0]?.[2]?.slice(0, 25)}…`);
    // A cell that already fits is left whole.
    expect(info).toBe('INFO      http://127.0.0.2:8000   GET /v1/models -> 401');
  });

  it('shrinks the columns named by shrink, in order, each down to 12 characters at most', () => {
    const rows = [['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)]];
    const table = formatTable(['X', 'Y', 'Z'], rows, { width: 60, shrink: [1, 0] });
    // 34 over: Y gives 18 (down to 12), then X the remaining 16; Z is not on the list.
    expect(table.split('\n')[1]).toBe(`${'a'.repeat(13)}…  ${'b'.repeat(11)}…  ${'c'.repeat(30)}`);
    expect(lineWidths(table)[1]).toBe(60);
  });

  it('never drops a column or cuts a header: a table that cannot fit stays wider than asked', () => {
    const table = formatTable(['SEVERITY', 'ENDPOINT', 'A LONG HEADER NAME'], ROWS, { width: 20 });
    const [header, critical] = table.split('\n');
    expect(header).toBe('SEVERITY  ENDPOINT                A LONG HEADER NAME');
    expect(critical).toBe(`CRITICAL  http://127.0.0.1:11434  ${ROWS[0]?.[2]?.slice(0, 17)}…`);
    expect(Math.max(...lineWidths(table))).toBe(8 + 2 + 22 + 2 + 18);
  });

  it('colours the header and the styled cells, and keeps columns aligned on visible width', () => {
    const style = (row: number, column: number) => (column === 0 ? (row === 0 ? 'boldRed' : 'dim') : undefined);
    const coloured = formatTable(HEADERS, ROWS, { color: true, style, width: 60 });
    const lines = coloured.split('\n');
    expect(lines[0]).toBe(`${ESC}[1mSEVERITY  ENDPOINT                EVIDENCE${ESC}[0m`);
    // Only the text is painted; the padding after it is plain.
    expect(lines[1]?.startsWith(`${ESC}[1;31mCRITICAL${ESC}[0m  http`)).toBe(true);
    expect(lines[2]?.startsWith(`${ESC}[2mINFO${ESC}[0m      http`)).toBe(true);
    // Escape codes take no width: the coloured table is the plain one, painted.
    expect(plain(coloured)).toBe(formatTable(HEADERS, ROWS, { width: 60 }));
    expect(lineWidths(coloured).every((w) => w <= 60)).toBe(true);
  });

  it('measures cells that already hold escape codes by what they show', () => {
    const red = `${ESC}[31mred${ESC}[0m`;
    expect(formatTable(['C', 'D'], [[red, 'x'], ['longer', 'y']])).toBe(['C       D', `${red}     x`, 'longer  y'].join('\n'));
  });

  it('style is ignored without colour', () => {
    expect(formatTable(HEADERS, ROWS, { color: false, style: () => 'red' })).toBe(formatTable(HEADERS, ROWS));
  });
});
