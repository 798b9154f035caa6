import { formatAddress } from '../targets/address.js';
import { MAX_PORTS } from '../targets/ports.js';
import type { MonitoredRange } from '../targets/range-row.js';
import { BLOCK_SCHEMA, type BlockMessage } from './block-message.js';

/** Default addresses per block: 256 addresses x 16 ports fits one prober invocation comfortably. */
export const DEFAULT_BLOCK_SIZE = 256;

/**
 * Most ports one block message carries: a port set such as `all` is cut into chunks of this many,
 * so a message stays small (about 12 KB of JSON; ten fit an SQS batch) and a block's work bounded.
 */
export const MAX_PORTS_PER_BLOCK = 2048;

/**
 * How a range's ports and addresses are cut into blocks. Up to MAX_PORTS ports (any hand-written
 * list) a block is `blockSize` addresses on every port, as always; a larger set (`ai`, `all`)
 * takes fewer addresses per block so that a block holds about as many probes as
 * `blockSize` x MAX_PORTS, and at most MAX_PORTS_PER_BLOCK ports.
 */
export function blockShape(portCount: number, blockSize: number): { addresses: number; portsPerBlock: number } {
  if (portCount <= MAX_PORTS) return { addresses: blockSize, portsPerBlock: portCount };
  const portsPerBlock = Math.min(portCount, MAX_PORTS_PER_BLOCK);
  return { addresses: Math.max(1, Math.floor((blockSize * MAX_PORTS) / portsPerBlock)), portsPerBlock };
}

/**
 * How many block messages `planBlocks` yields for these ranges, without making them: a range's
 * blocks are its intervals cut by the block shape, times its port chunks.
 */
export function countBlocks(ranges: readonly MonitoredRange[], blockSize: number = DEFAULT_BLOCK_SIZE): number {
  let blocks = 0;
  for (const range of ranges) {
    const shape = blockShape(range.ports.length, blockSize);
    const portChunks = Math.ceil(range.ports.length / shape.portsPerBlock);
    for (const interval of range.intervals) {
      const size = interval.last - interval.first + 1n;
      blocks += Number((size + BigInt(shape.addresses) - 1n) / BigInt(shape.addresses)) * portChunks;
    }
  }
  return blocks;
}

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
  let blockId = 0;
  for (const range of ranges) {
    const shape = blockShape(range.ports.length, blockSize);
    const size = BigInt(shape.addresses);
    const portChunks: (readonly number[])[] = [];
    for (let i = 0; i < range.ports.length; i += shape.portsPerBlock) portChunks.push(range.ports.slice(i, i + shape.portsPerBlock));
    for (const interval of range.intervals) {
      for (let first = interval.first; first <= interval.last; first += size) {
        const remaining = interval.last - first + 1n;
        const count = Number(remaining < size ? remaining : size);
        for (const ports of portChunks) yield {
          schema: BLOCK_SCHEMA,
          runId,
          blockId: blockId++,
          range: range.host ?? range.cidr.text,
          ...(range.host ? { host: range.host } : {}),
          ...(range.domains ? { domains: range.domains } : {}),
          ...(range.pathPrefix ? { pathPrefix: range.pathPrefix } : {}),
          ...(range.headersSecret ? { headersSecret: range.headersSecret } : {}),
          ...(range.label ? { label: range.label } : {}),
          ...(range.muted ? { muted: true as const } : {}),
          ...(range.rate ? { rate: range.rate } : {}),
          ...(range.discovered ? { discovered: range.discovered } : {}),
          ...(range.owner ? { owner: range.owner } : {}),
          ...(range.route ? { route: range.route } : {}),
          start: formatAddress({ family: interval.family, value: first }),
          count,
          ports,
        };
      }
    }
  }
}
