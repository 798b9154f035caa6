import { Eta } from 'eta';
import { allowsText } from '../alerts/describe-event.js';
import type { ReportModel } from './report-model.js';
import { REPORT_TEMPLATE } from './report-template.js';
import { trendChart } from './trend-chart.js';

// Eta escapes every `<%= %>` value (& < > " '); the template never inserts raw text.
const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], useWith: false, cache: false });

/** The report as one self-contained HTML page. */
export function renderReport(model: ReportModel): string {
  const widest = Math.max(1, ...model.byProduct.map((g) => g.open), ...model.byOwner.map((g) => g.open));
  const hours = model.figures.meanHoursToFix;
  return eta.renderString(REPORT_TEMPLATE, {
    ...model,
    chart: trendChart(model.trend),
    mttf: hours === null ? '-' : hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} d`,
    barWidth: (n: number) => Math.round((100 * n) / widest),
    allows: allowsText,
    // Catalog doc links only, and only https: nothing else becomes a link.
    docsUrl: (url: string) => (/^https:\/\/[^\s"'<>]+$/.test(url) ? url : '#'),
  });
}
