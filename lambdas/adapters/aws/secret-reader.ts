import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Reads a webhook URL from Secrets Manager. The secret may hold the URL itself or JSON with a
 * `url` (or `webhookUrl`) field. The value is returned to the caller only: never logged.
 */
export async function readWebhookSecret(client: SecretsManagerClient, secretId: string): Promise<string> {
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const raw = out.SecretString?.trim() ?? '';
  let url = raw;
  if (raw.startsWith('{')) {
    const parsed = parseSecretJson(raw, secretId);
    const candidate = parsed.url ?? parsed.webhookUrl;
    url = typeof candidate === 'string' ? candidate : '';
  }
  if (!/^https:\/\//.test(url)) throw new Error(`secret ${secretId.replace(/-[A-Za-z0-9]{6}$/, '')} does not hold an https webhook URL`);
  return url;
}

/**
 * Reads a PagerDuty Events API v2 routing (integration) key from Secrets Manager: the key itself,
 * or JSON with `routingKey` (or `integrationKey`) and optionally `url` (another https Events API
 * endpoint, e.g. the EU service region's). The key is returned to the caller only: never logged.
 */
export async function readPagerDutySecret(client: SecretsManagerClient, secretId: string): Promise<{ routingKey: string; url?: string }> {
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const raw = out.SecretString?.trim() ?? '';
  const name = secretId.replace(/-[A-Za-z0-9]{6}$/, '');
  let routingKey = raw;
  let url: unknown;
  if (raw.startsWith('{')) {
    const parsed = parseSecretJson(raw, secretId);
    const candidate = parsed.routingKey ?? parsed.integrationKey;
    routingKey = typeof candidate === 'string' ? candidate : '';
    url = parsed.url;
  }
  if (!/^[\w-]{8,64}$/.test(routingKey)) throw new Error(`secret ${name} does not hold a PagerDuty routing key (8-64 letters, digits, "-" or "_")`);
  if (url !== undefined && (typeof url !== 'string' || !/^https:\/\//.test(url))) throw new Error(`secret ${name}: "url" is not an https URL`);
  return { routingKey, ...(typeof url === 'string' ? { url } : {}) };
}

/** JSON.parse quotes the start of its input in its error: a secret's must not reach a log. */
function parseSecretJson(raw: string, secretId: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
  } catch {
    // fall through: the message must not carry the value
  }
  throw new Error(`secret ${secretId.replace(/-[A-Za-z0-9]{6}$/, '')} starts with "{" but is not a JSON object`);
}
