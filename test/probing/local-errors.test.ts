import { describe, expect, it } from 'vitest';
import { cachingFetch, type HttpResult } from '../../lambdas/core/fingerprint/http-result.js';
import type { HttpSession } from '../../lambdas/core/probing/http-session.js';
import { fetchRootRetryingLocalErrors } from '../../lambdas/core/probing/probe-targets.js';

function session(answers: HttpResult[]): HttpSession & { calls: () => number } {
  let calls = 0;
  return {
    tls: false,
    fetch: async () => answers[Math.min(calls++, answers.length - 1)] as HttpResult,
    post: async () => ({ ok: false, error: 'not used' }),
    delete: async () => ({ ok: false, error: 'not used' }),
    certificate: () => undefined,
    close: async () => undefined,
    calls: () => calls,
  };
}

const ok: HttpResult = { ok: true, status: 200, headers: {}, body: 'Ollama is running', truncated: false };

describe('first request of an endpoint', () => {
  it('is retried while the process is out of file descriptors, and the success is what the cache serves', async () => {
    const s = session([{ ok: false, error: 'EMFILE: too many open files' }, { ok: false, error: 'EMFILE: too many open files' }, ok]);
    const fetch = cachingFetch(s.fetch);
    expect(await fetchRootRetryingLocalErrors(s, fetch)).toEqual(ok);
    expect(s.calls()).toBe(3);
    expect(await fetch({ path: '/' })).toEqual(ok);
    expect(s.calls()).toBe(3);
  });

  it('is not retried when the target itself failed', async () => {
    const s = session([{ ok: false, error: 'ECONNRESET: socket hang up' }, ok]);
    expect((await fetchRootRetryingLocalErrors(s, cachingFetch(s.fetch))).ok).toBe(false);
    expect(s.calls()).toBe(1);
  });
});
