export interface SweepTarget {
  readonly host: string;
  readonly port: number;
}
export type PortState = 'open' | 'closed' | 'filtered';
export interface SweepSummary {
  attempted: number;
  open: number;
  closed: number;
  filtered: number;
  /** Attempts retried because the process ran out of file descriptors (never counted as closed). */
  descriptorRetries: number;
}
export function connectOnce(host: string, port: number, timeoutMs: number): Promise<PortState | { localError: string }>;
export function sweepTargets(
  targets: Iterable<SweepTarget> | (() => SweepTarget | undefined | Promise<SweepTarget | undefined>),
  options: { concurrency: number; connectTimeoutMs: number; onOpen?: (target: SweepTarget) => void; ratePerSecond?: number },
): Promise<SweepSummary>;
