import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import type { BlockMessage } from '../../core/planning/block-message.js';
import type { BlockQueue } from '../../core/ports.js';

/** SQS allows at most 10 entries per SendMessageBatch. */
const BATCH_LIMIT = 10;
/** Batches in flight at once: planning a /12 sends ~410 batches; parallel sends keep it short. */
const PARALLEL_BATCHES = 16;
const MAX_ATTEMPTS = 5;

export interface SqsBlockQueueOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The probe queue on SQS. Entries that SendMessageBatch reports as failed are re-sent (with
 * backoff) until they are accepted or the attempts run out, so a partial failure never drops a
 * block silently: the call throws, naming how many blocks could not be queued.
 */
export class SqsBlockQueue implements BlockQueue {
  private readonly sleep: (ms: number) => Promise<void>;
  /** SendMessageBatch calls made so far (for the planner's cost figures). */
  batchCalls = 0;

  constructor(private readonly options: SqsBlockQueueOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async sendBlocks(blocks: readonly BlockMessage[]): Promise<void> {
    const batches: SendMessageBatchRequestEntry[][] = [];
    for (let i = 0; i < blocks.length; i += BATCH_LIMIT) {
      batches.push(blocks.slice(i, i + BATCH_LIMIT).map((b, j) => ({ Id: String(j), MessageBody: JSON.stringify(b) })));
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        const batch = batches[next++] as SendMessageBatchRequestEntry[];
        await this.sendBatch(batch);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, worker));
  }

  private async sendBatch(entries: SendMessageBatchRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 1; pending.length > 0; attempt++) {
      this.batchCalls++;
      const out = await this.options.client.send(new SendMessageBatchCommand({ QueueUrl: this.options.queueUrl, Entries: pending }));
      const failedIds = new Set((out.Failed ?? []).map((f) => f.Id));
      const senderFault = (out.Failed ?? []).find((f) => f.SenderFault);
      if (senderFault) throw new Error(`probe queue refused a block message: ${senderFault.Code}: ${senderFault.Message}`);
      pending = pending.filter((e) => failedIds.has(e.Id));
      if (pending.length === 0) return;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`probe queue: ${pending.length} block messages still failed after ${attempt} attempts`);
      await this.sleep(100 * 2 ** attempt);
    }
  }
}
