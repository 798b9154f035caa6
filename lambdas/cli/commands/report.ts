import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalog } from '../../core/fingerprint/catalog/index.js';
import { generateReport } from '../../core/report/generate-report.js';
import { InputError } from '../../core/targets/address.js';
import type { CliIo } from '../cli-io.js';
import { type OptionValues, stateDir } from '../cli-options.js';
import { withStore } from '../local-stack.js';

/** `report [--out FILE] [--since YYYY-MM-DD]`: the HTML report of the local (or, with --aws, the deployed) state. */
export async function reportCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new InputError(`report: unexpected argument ${JSON.stringify(positionals[0])}`);
  const since = sinceOption(values);
  const out = typeof values.out === 'string' ? path.resolve(values.out) : path.join(stateDir(values), 'report.html');
  const { html, model } = await withStore(values, (store) => generateReport(store, { catalog, now: new Date(), ...(since ? { since } : {}) }), { stateTable: 'report' });
  writeFileSync(out, html, { mode: 0o600 });
  io.out(`wrote ${out}: ${model.figures.openTotal} open of ${model.figures.knownTotal} known AI endpoints, ${model.runs.length} runs (${Math.round(Buffer.byteLength(html) / 1024)} KB)`);
  return 0;
}

export function sinceOption(values: OptionValues): Date | undefined {
  if (values.since === undefined) return undefined;
  const text = typeof values.since === 'string' ? values.since.trim() : '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) throw new InputError(`--since "${String(values.since)}" is not a date (use YYYY-MM-DD)`);
  return day;
}
