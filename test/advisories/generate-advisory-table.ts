/**
 * `npm run advisories`: regenerates the advisory table from the recorded advisory records, offline.
 * Prints what it made and every problem in the data (the bad item is left out, the rest is written);
 * exits 1 when there was a problem.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAdvisoryRows, GENERATED_MODULE, loadAdvisoryData, renderAdvisoryModule } from './advisory-records.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { data, problems: loadProblems } = loadAdvisoryData(join(root, 'data', 'advisories'));
const result = buildAdvisoryRows(data);
writeFileSync(join(root, GENERATED_MODULE), renderAdvisoryModule(result));
const problems = [...loadProblems, ...result.problems];
const services = new Set(result.rows.map((r) => r[0]));
const advisories = new Set(result.rows.map((r) => `${r[0]} ${r[1]}`));
console.log(`wrote ${GENERATED_MODULE}: ${result.rows.length} rows, ${advisories.size} advisories, ${services.size} products`);
if (result.skippedUnfixed.length > 0) console.log(`skipped (no closed range): ${result.skippedUnfixed.join('; ')}`);
for (const p of problems) console.error(`problem: ${p}`);
process.exitCode = problems.length > 0 ? 1 : 0;
