import { cleanText } from '../core/alerts/sanitize.js';
import type { Logger } from '../core/ports.js';
import type { CliIo } from './cli-io.js';

/**
 * Warnings and errors go to stderr as one readable line; info stays quiet in the CLI.
 * `reportedByCommand`: messages the command reports itself, in more detail (each undelivered
 * alert with its endpoint and what to do): logging them too would say everything twice.
 */
export function cliLogger(io: CliIo, options: { reportedByCommand?: readonly string[] } = {}): Logger {
  const skip = new Set(options.reportedByCommand ?? []);
  const line = (level: string, message: string, data?: Record<string, unknown>): void => {
    if (skip.has(message)) return;
    const details = data ? Object.entries(data).map(([k, v]) => `${k}=${cleanText(typeof v === 'string' ? v : JSON.stringify(v), 300)}`) : [];
    io.err(`${level}: ${message}${details.length ? ` (${details.join(', ')})` : ''}`);
  };
  return {
    info: () => undefined,
    warn: (message, data) => line('warning', message, data),
    error: (message, data) => line('error', message, data),
  };
}
