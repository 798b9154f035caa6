import type { CliIo } from '../../lambdas/cli/cli-io.js';

/**
 * Captures what a CLI command prints. Like piped output by default (no terminal width, no colour);
 * a test can give it a width and colour to see what a terminal would get.
 */
export function captureIo(terminal: { columns?: number; color?: boolean } = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false, columns: terminal.columns, color: terminal.color ?? false };
}
