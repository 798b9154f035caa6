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
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const candidate = parsed.url ?? parsed.webhookUrl;
    url = typeof candidate === 'string' ? candidate : '';
  }
  if (!/^https:\/\//.test(url)) throw new Error(`secret ${secretId.replace(/-[A-Za-z0-9]{6}$/, '')} does not hold an https webhook URL`);
  return url;
}
