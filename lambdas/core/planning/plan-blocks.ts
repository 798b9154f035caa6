import { formatAddress } from '../targets/address.js';
import type { MonitoredRange } from '../targets/range-row.js';
import { BLOCK_SCHEMA, type BlockMessage } from './block-message.js';

/** Default addresses per block: 256 addresses x 16 ports fits one prober invocation comfortably. */
export const DEFAULT_BLOCK_SIZE = 256;

/**
 * Splits ranges into block messages. Blocks never cross an interval boundary, so an excluded
 * address is never inside any block. Output order (and so `blockId`) is deterministic for the
 * same ranges, which lets a run recompute its plan instead of storing it.
 */
export function* planBlocks(
  ranges: readonly MonitoredRange[],
  runId: string,
  blockSize: number = DEFAULT_BLOCK_SIZE,
): Generator<BlockMessage> {
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new RangeError(`block size must be a positive integer, got ${blockSize}`);
  const size = BigInt(blockSize);
  let blockId = 0;
  for (const range of ranges) {
    for (const interval of range.intervals) {
      for (let first = interval.first; first <= interval.last; first += size) {
        const remaining = interval.last - first + 1n;
        const count = Number(remaining < size ? remaining : size);
        yield {
          schema: BLOCK_SCHEMA,
          runId,
          blockId: blockId++,
          range: range.cidr.text,
          ...(range.label ? { label: range.label } : {}),
          ...(range.muted ? { muted: true as const } : {}),
          ...(range.rate ? { rate: range.rate } : {}),
          ...(range.owner ? { owner: range.owner } : {}),
          ...(range.route ? { route: range.route } : {}),
          start: formatAddress({ family: interval.family, value: first }),
          count,
          ports: range.ports,
        };
      }
    }
  }
}
