import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HeaderSecrets } from '../../core/ports.js';
import { parseOwnerHeaders } from '../../core/probing/request-headers.js';

/** The local counterpart of Secrets Manager for proxy headers: one file, readable by its owner only. */
export const HEADER_SECRETS_FILE = 'header-secrets.json';

function readAll(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: expected a JSON object of secret names to header maps`);
  return parsed as Record<string, unknown>;
}

/** Header secrets of a local state directory (`<state-dir>/header-secrets.json`, mode 0600). */
export function localHeaderSecrets(stateDir: string): HeaderSecrets {
  const file = path.join(stateDir, HEADER_SECRETS_FILE);
  return {
    async headers(secretName: string) {
      const all = readAll(file);
      if (!Object.hasOwn(all, secretName)) throw new Error(`header secret ${secretName} is not in ${file} (set it with: exposure-monitor ranges add ... --headers-from-file FILE)`);
      return parseOwnerHeaders(all[secretName], secretName);
    },
  };
}

/** Stores one header map (checked first) under its secret name; the file stays 0600. */
export function saveLocalHeaderSecret(stateDir: string, secretName: string, headers: unknown): void {
  const file = path.join(stateDir, HEADER_SECRETS_FILE);
  const checked = parseOwnerHeaders(headers, secretName);
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const all = { ...readAll(file), [secretName]: checked };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
