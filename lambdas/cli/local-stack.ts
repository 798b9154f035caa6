import { existsSync } from 'node:fs';
import { startEmbeddedDynamo } from '../adapters/local/embedded-dynamodb.js';
import type { StateStore } from '../core/ports.js';
import { awsCliStore, requireStateTable, resolveAwsTarget } from './aws-target.js';
import type { OptionValues } from './cli-options.js';
import { stateDir } from './cli-options.js';

/**
 * Opens the store a command works on, runs `use`, and always closes it: the embedded store under
 * `--state-dir` by default, or with `--aws` the deployed tables (`--stack` or `--table`).
 */
export async function withStore<T>(
  values: OptionValues,
  use: (store: StateStore) => Promise<T>,
  needs: {
    stateTable?: string;
    /**
     * A command that only reads: on a state directory that does not exist yet it reads an empty
     * store instead of creating the directory, and `onMissing` says so (its output stays well formed).
     */
    readOnly?: { onMissing: (dir: string) => void };
  } = {},
): Promise<T> {
  if (values.aws === true) {
    const target = await resolveAwsTarget(values);
    if (needs.stateTable) requireStateTable(target, needs.stateTable);
    return use(awsCliStore(target));
  }
  const dir = stateDir(values);
  const missing = needs.readOnly !== undefined && !existsSync(dir);
  if (missing) needs.readOnly?.onMissing(dir);
  const dynamo = await startEmbeddedDynamo(missing ? undefined : dir);
  try {
    return await use(dynamo.store);
  } finally {
    await dynamo.close();
  }
}
