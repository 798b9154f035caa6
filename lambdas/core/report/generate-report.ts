import type { CatalogEntry } from '../fingerprint/catalog-schema.js';
import type { StateStore } from '../ports.js';
import { buildReportModel, type ReportModel } from './report-model.js';
import { renderReport } from './render-report.js';

/** Runs and alerts read for a report: 100 runs draw the trend; alerts live 90 days (their TTL). */
const REPORT_RUNS = 100;
const REPORT_ALERTS = 100_000;

/** Reads the state a report needs and renders it: the same code for the CLI and the stack. */
export async function generateReport(
  store: Pick<StateStore, 'listEndpoints' | 'listRecentRuns' | 'listAlerts'>,
  options: { catalog: readonly CatalogEntry[]; now: Date; since?: Date },
): Promise<{ html: string; model: ReportModel }> {
  const [endpoints, runs, alerts] = await Promise.all([store.listEndpoints(), store.listRecentRuns(REPORT_RUNS), store.listAlerts(REPORT_ALERTS)]);
  const model = buildReportModel({ endpoints, runs, alerts: alerts.map((a) => a.event), catalog: options.catalog, now: options.now, ...(options.since ? { since: options.since } : {}) });
  return { html: renderReport(model), model };
}
