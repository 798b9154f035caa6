import { type EmbeddedDynamo, startEmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';

/** A fresh in-memory dynalite with the monitor's tables, for one test file or case. */
export async function freshDynamo(): Promise<EmbeddedDynamo> {
  return startEmbeddedDynamo();
}
