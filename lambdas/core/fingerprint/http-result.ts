import type { ProbeRequest } from './catalog-schema.js';

/** One HTTP answer as the fingerprint engine sees it: already size-capped, never a stream. */
export interface HttpResponse {
  readonly ok: true;
  readonly status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The body was cut at the size cap. */
  readonly truncated: boolean;
}

/** A request that got no usable answer (timeout, reset, TLS failure, not HTTP). */
export interface HttpFailure {
  readonly ok: false;
  readonly error: string;
}

export type HttpResult = HttpResponse | HttpFailure;

/** Sends one harmless request to the endpoint under test. Never throws: failures are data. */
export type HttpFetch = (request: ProbeRequest) => Promise<HttpResult>;

export function requestKey(request: ProbeRequest): string {
  const headers = request.headers ? JSON.stringify(request.headers) : '';
  return `${request.method ?? 'GET'} ${request.path}${headers}${request.body === undefined ? '' : ` ${request.bodyEncoding ?? 'json'} ${request.body}`}`;
}

/** Wraps a fetch so each distinct request is sent at most once per endpoint. */
export function cachingFetch(fetch: HttpFetch): HttpFetch & { readonly sent: () => number; prime(request: ProbeRequest, result: HttpResult): void } {
  const cache = new Map<string, Promise<HttpResult>>();
  const wrapped = (request: ProbeRequest): Promise<HttpResult> => {
    const key = requestKey(request);
    let pending = cache.get(key);
    if (!pending) {
      pending = fetch(request);
      cache.set(key, pending);
    }
    return pending;
  };
  return Object.assign(wrapped, {
    sent: () => cache.size,
    /** Replaces a cached answer (a retried request's final result). */
    prime: (request: ProbeRequest, result: HttpResult): void => void cache.set(requestKey(request), Promise.resolve(result)),
  });
}
