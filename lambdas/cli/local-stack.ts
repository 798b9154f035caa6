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
  needs: { stateTable?: string } = {},
): Promise<T> {
  if (values.aws === true) {
    const target = await resolveAwsTarget(values);
    if (needs.stateTable) requireStateTable(target, needs.stateTable);
    return use(awsCliStore(target));
  }
  const dynamo = await startEmbeddedDynamo(stateDir(values));
  try {
    return await use(dynamo.store);
  } finally {
    await dynamo.close();
  }
}
