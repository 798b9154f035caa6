import { InputError } from '../targets/address.js';

/** Most headers, and bytes of them, one secret may add to every probe request. */
export const MAX_OWNER_HEADERS = 20;
export const MAX_OWNER_HEADER_BYTES = 4096;

/**
 * Headers the probe sets itself or that change how the request is framed: an owner's header may
 * not replace them (a forged Host would probe another name than the row's; framing headers could
 * smuggle a second request).
 */
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'te', 'trailer', 'keep-alive', 'proxy-connection', 'user-agent', 'expect']);

/**
 * Checks the header map of a proxy secret: a JSON object of header names to text values. The
 * error names the secret and the header, never a value (values are secrets).
 */
export function parseOwnerHeaders(raw: unknown, secretName: string): Readonly<Record<string, string>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError(`header secret ${secretName}: expected a JSON object of header names to values`);
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length === 0) throw new InputError(`header secret ${secretName}: holds no header`);
  if (entries.length > MAX_OWNER_HEADERS) throw new InputError(`header secret ${secretName}: ${entries.length} headers, at most ${MAX_OWNER_HEADERS}`);
  const headers: Record<string, string> = {};
  let bytes = 0;
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/.test(name)) throw new InputError(`header secret ${secretName}: "${name.slice(0, 64)}" is not a header name`);
    if (RESERVED.has(lower)) throw new InputError(`header secret ${secretName}: header "${name}" is set by the prober itself and cannot be replaced`);
    if (typeof value !== 'string' || !/^[\x20-\x7e\t]*$/.test(value)) throw new InputError(`header secret ${secretName}: the value of "${name}" must be printable ASCII text on one line`);
    bytes += name.length + value.length;
    headers[lower] = value;
  }
  if (bytes > MAX_OWNER_HEADER_BYTES) throw new InputError(`header secret ${secretName}: ${bytes} bytes of headers, at most ${MAX_OWNER_HEADER_BYTES}`);
  return headers;
}
