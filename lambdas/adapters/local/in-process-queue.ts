import type { BlockMessage } from '../../core/planning/block-message.js';
import type { BlockQueue } from '../../core/ports.js';

/**
 * The local stand-in for the probe queue. Messages are kept as serialised bodies, exactly what
 * SQS would carry, so the prober's parser sees the real message schema.
 */
export class InProcessQueue implements BlockQueue {
  private readonly bodies: string[] = [];

  async sendBlocks(blocks: readonly BlockMessage[]): Promise<void> {
    for (const block of blocks) this.bodies.push(JSON.stringify(block));
  }

  /** Takes the next message body, or undefined when the queue is empty. */
  receive(): string | undefined {
    return this.bodies.shift();
  }

  get depth(): number {
    return this.bodies.length;
  }
}
