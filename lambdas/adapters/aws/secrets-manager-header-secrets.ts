import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { HeaderSecrets } from '../../core/ports.js';
import { parseOwnerHeaders } from '../../core/probing/request-headers.js';

/** How long a warm prober keeps a header map: a rotated secret is picked up within this time. */
const CACHE_MS = 5 * 60_000;

/**
 * Proxy headers from Secrets Manager: the secret's string is a JSON object of header names to
 * values. The prober's role may read secrets under HEADER_SECRET_PREFIX only (see the stack).
 */
export function secretsManagerHeaderSecrets(client: SecretsManagerClient, now: () => number = Date.now): HeaderSecrets {
  const cache = new Map<string, { at: number; headers: Promise<Readonly<Record<string, string>>> }>();
  return {
    headers(secretName: string) {
      const hit = cache.get(secretName);
      if (hit && now() - hit.at < CACHE_MS) return hit.headers;
      const headers = (async () => {
        const out = await client.send(new GetSecretValueCommand({ SecretId: secretName }));
        let parsed: unknown;
        try {
          parsed = JSON.parse(out.SecretString ?? '');
        } catch {
          // The value is a secret: the error names the secret, never what it holds.
          throw new Error(`header secret ${secretName} does not hold JSON`);
        }
        return parseOwnerHeaders(parsed, secretName);
      })();
      // A failed read is not cached: the next block asks again.
      headers.catch(() => cache.delete(secretName));
      cache.set(secretName, { at: now(), headers });
      return headers;
    },
  };
}
