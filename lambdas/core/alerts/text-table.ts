/**
 * Fixed-width text tables: columns padded to their widest cell, two spaces apart.
 *
 * On a terminal the caller may pass its width, to which the table is fitted by truncating some
 * columns, and ask for colour. Without options the text is plain and every cell whole: piped
 * output, files and tests get exactly what scripts parsing it have always seen.
 */

const GAP = '  ';
/** A truncated column keeps at least this many characters (and its whole header). */
const MIN_TRUNCATED_WIDTH = 12;
// CSI sequences (colours among them): not visible, so they take no width.
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]/g;

/** The SGR styles a table may use. */
const SGR = { bold: '1', dim: '2', red: '31', boldRed: '1;31', yellow: '33', cyan: '36' } as const;
export type CellStyle = keyof typeof SGR;

export interface TableOptions {
  /** Fit every line into this many visible characters, as far as truncating `shrink` columns can. */
  readonly width?: number;
  /** Columns that may be truncated to fit, first choice first (default: the last column). */
  readonly shrink?: readonly number[];
  /** Colour: the header bold, and body cells as `style` says. */
  readonly color?: boolean;
  /** The style of a body cell (row and column counted from 0), used only with `color`. */
  readonly style?: (row: number, column: number, text: string) => CellStyle | undefined;
}

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const natural = headers.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const widths = options.width === undefined ? natural : fitWidths(natural, headers, options.width, options.shrink ?? [headers.length - 1]);
  const style = options.color ? options.style : undefined;
  const line = (cells: readonly string[], row: number): string =>
    cells.map((text, column) => renderCell(text, widths[column], style?.(row, column, text))).join(GAP).trimEnd();
  const header = headers.map((text, column) => renderCell(text, widths[column], undefined)).join(GAP).trimEnd();
  return [options.color ? paint(header, 'bold') : header, ...rows.map(line)].join('\n');
}

/** Text wrapped in an SGR style and a reset. */
export function paint(text: string, style: CellStyle): string {
  return `\u001b[${SGR[style]}m${text}\u001b[0m`;
}

/** Characters a terminal shows: escape sequences take no room. */
export function visibleLength(text: string): number {
  return text.replace(CSI, '').length;
}

/**
 * Narrows the `shrink` columns in turn, each down to its floor, until the table fits `width`. A
 * table that still does not fit is left wider: dropping a column would hide data silently.
 */
function fitWidths(natural: readonly number[], headers: readonly string[], width: number, shrink: readonly number[]): number[] {
  const widths = [...natural];
  let excess = tableWidth(widths) - width;
  for (const column of shrink) {
    const current = widths[column];
    if (excess <= 0 || current === undefined) continue;
    const floor = Math.min(current, Math.max(MIN_TRUNCATED_WIDTH, visibleLength(headers[column] ?? '')));
    const cut = Math.min(excess, current - floor);
    widths[column] = current - cut;
    excess -= cut;
  }
  return widths;
}

function tableWidth(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w, 0) + GAP.length * Math.max(0, widths.length - 1);
}

/**
 * A cell cut to `width` and padded to it; only the text is coloured, so padding stays plain. A cell
 * beyond the headers has no width and is printed as it is.
 */
function renderCell(text: string, width: number | undefined, style: CellStyle | undefined): string {
  if (width === undefined) return text;
  const fitted = truncate(text, width);
  const padding = ' '.repeat(Math.max(0, width - visibleLength(fitted)));
  return (style && fitted ? paint(fitted, style) : fitted) + padding;
}

function truncate(text: string, width: number): string {
  if (visibleLength(text) <= width) return text;
  return `${text.replace(CSI, '').slice(0, Math.max(0, width - 1))}…`;
}
