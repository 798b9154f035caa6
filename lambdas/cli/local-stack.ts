import { type EmbeddedDynamo, startEmbeddedDynamo } from '../adapters/local/embedded-dynamodb.js';
import type { OptionValues } from './cli-options.js';
import { stateDir } from './cli-options.js';

/** Opens the embedded store under `--state-dir`, runs `use`, and always closes it. */
export async function withLocalStore<T>(values: OptionValues, use: (dynamo: EmbeddedDynamo) => Promise<T>): Promise<T> {
  const dynamo = await startEmbeddedDynamo(stateDir(values));
  try {
    return await use(dynamo);
  } finally {
    await dynamo.close();
  }
}
