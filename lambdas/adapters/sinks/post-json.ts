import { isIP } from 'node:net';
import { request } from 'undici';
import { SinkError } from '../../core/alerts/sink-error.js';

/** A webhook URL carries its secret in the path: logs and errors show only scheme and host. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * POSTs JSON and maps the answer to success or a `SinkError`: 429 and 5xx are retryable (429
 * honours Retry-After), other 4xx are permanent, a timeout or connection error is retryable.
 */
export async function postJson(url: string, body: unknown, timeoutMs: number, userAgent: string): Promise<void> {
  // Under the test suite no name is ever resolved (see adapters/dns): a sink whose host is a name
  // fails here, permanently, instead of sending a DNS query off the machine.
  if (process.env.EXPOSURE_MONITOR_NO_SYSTEM_DNS === '1' && isIP(hostOf(url)) === 0) {
    throw new SinkError(`${redactUrl(url)}: not sent, host names are not resolved here (EXPOSURE_MONITOR_NO_SYSTEM_DNS=1)`, undefined, true);
  }
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (err) {
    // "Error: connect ECONNREFUSED ..." says nothing more than the message; a named error (a timeout) keeps its name.
    const { name, message } = err as Error;
    throw new SinkError(`POST ${redactUrl(url)} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${message}`.slice(0, 300));
  }
  const text = (await response.body.text().catch(() => '')).slice(0, 200);
  if (response.statusCode >= 200 && response.statusCode < 300) return;
  const status = response.statusCode;
  const detail = `POST ${redactUrl(url)} -> ${status}${text ? ` ${JSON.stringify(text)}` : ''}`;
  if (status === 429) {
    const header = response.headers['retry-after'];
    const seconds = Number(Array.isArray(header) ? header[0] : header);
    throw new SinkError(detail, Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined);
  }
  throw new SinkError(detail, undefined, status >= 400 && status < 500 && status !== 408);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}
