// SQS batch of block messages -> processBlock (core) per record -> batchItemFailures.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { catalog } from '../core/fingerprint/catalog/index.js';
import { systemClock } from '../core/pipeline/monitor-settings.js';
import { type ProcessBlockDeps, processBlock } from '../core/pipeline/process-block.js';
import { awsStateStore } from '../shared/aws-stores.js';
import { loadMonitorSettings, loadProbeOptions } from '../shared/config.js';
import { lambdaLogger } from '../shared/lambda-logger.js';
import { countMetric, lambdaMetrics } from '../shared/metrics.js';
import { systemResolver } from '../adapters/dns/system-resolver.js';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { secretsManagerHeaderSecrets } from '../adapters/aws/secrets-manager-header-secrets.js';
import { awsDiscovery, loadDiscoverySettings } from '../shared/discovery-config.js';

export interface ProberDeps extends ProcessBlockDeps {
  readonly metrics?: Metrics;
}

export const makeHandler =
  (getDeps: () => ProberDeps) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const deps = getDeps();
    // A failed record (bad message, store error) is reported alone; SQS retries it and, after
    // maxReceiveCount, moves it to the dead-letter queue. The rest of the batch is kept.
    const processor = new BatchProcessor(EventType.SQS);
    const recordHandler = async (record: SQSRecord): Promise<void> => {
      try {
        const outcome = await processBlock(record.body, deps);
        if (deps.metrics && outcome.report) {
          countMetric(deps.metrics, 'Probes', outcome.report.sweep.attempted);
          countMetric(deps.metrics, 'AiEndpoints', outcome.observations.length);
        }
      } catch (err) {
        deps.logger.error('block failed', { messageId: record.messageId, error: (err as Error).message });
        throw err;
      }
    };
    const response = await processPartialResponse(event, recordHandler, processor, { throwOnFullBatchFailure: false });
    deps.metrics?.publishStoredMetrics();
    return response;
  };

let deps: ProberDeps | undefined;
function awsDeps(): ProberDeps {
  const discovery = loadDiscoverySettings(process.env);
  deps ??= {
    store: awsStateStore(process.env),
    // Discovered rows' endpoints are re-checked against the inventory before they alert.
    ...(discovery ? { ownership: awsDiscovery(discovery, systemResolver).ownership } : {}),
    catalog,
    // Proxy headers a range row names (its headersSecret): read here, never carried in messages.
    headerSecrets: secretsManagerHeaderSecrets(new SecretsManagerClient({})),
    probe: loadProbeOptions(process.env),
    settings: loadMonitorSettings(process.env),
    clock: systemClock,
    logger: lambdaLogger('prober'),
    metrics: lambdaMetrics('prober'),
  };
  return deps;
}

export const handler = makeHandler(awsDeps);
