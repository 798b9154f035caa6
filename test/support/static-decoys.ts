import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_ROOT, type ResponseFixture } from '../../lambdas/local/fixture-fleet.js';

/** Where the static decoys live: non-AI products' answers, one JSON fixture each. */
export const DECOY_DIR = path.join(FIXTURE_ROOT, 'decoys');

/** Every static decoy, by file name without `.json`, in name order (the decoy suite and the eval serve these). */
export function loadStaticDecoys(): { name: string; fixture: ResponseFixture }[] {
  return readdirSync(DECOY_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.json'.length), fixture: JSON.parse(readFileSync(path.join(DECOY_DIR, f), 'utf8')) as ResponseFixture }));
}
