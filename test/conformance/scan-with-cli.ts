import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const REPOSITORY = path.resolve(import.meta.dirname, '../..');

/** One endpoint the CLI reported: the fields of its JSON line that a verdict compares. */
export interface Found {
  readonly ip: string;
  readonly port: number;
  readonly service: string;
  readonly auth: string;
}

/** Runs the repository's real CLI, as a user would, and reads its JSON lines. */
export async function scanWithCli(target: string): Promise<Found[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(REPOSITORY, 'bin/exposure-monitor.mjs'), 'scan', target, '--json'], {
    cwd: REPOSITORY,
    // No DNS query may leave: the targets are addresses, and the resolver refuses if asked.
    env: { ...process.env, EXPOSURE_MONITOR_NO_SYSTEM_DNS: '1' },
    timeout: 5 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Found)
    .map(({ ip, port, service, auth }) => ({ ip, port, service, auth }));
}

export const describeFound = (found: readonly Found[]): string => (found.length === 0 ? '-' : found.map((f) => `${f.service}/${f.auth}`).join(', '));
