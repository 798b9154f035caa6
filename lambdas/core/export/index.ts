import type { EndpointRecord } from '../state/endpoint-record.js';
import { renderCsv } from './csv.js';
import { renderDefectDojo } from './defectdojo.js';
import type { ExportContext } from './export-finding.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';

/**
 * Exports of the known endpoints for other tools (`findings --format`). Pure: records in, one
 * document out (ending with a line break), no I/O.
 */
export const EXPORT_FORMATS = ['json', 'csv', 'sarif', 'defectdojo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function renderExport(format: ExportFormat, records: readonly EndpointRecord[], context: ExportContext): string {
  switch (format) {
    case 'json':
      return renderJson(records, context.now);
    case 'csv':
      return renderCsv(records, context);
    case 'sarif':
      return renderSarif(records, context);
    case 'defectdojo':
      return renderDefectDojo(records, context);
  }
}

export type { ExportContext, ExportFinding } from './export-finding.js';
