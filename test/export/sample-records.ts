import type { EndpointRecord } from '../../lambdas/core/state/endpoint-record.js';

/** Export tests run at this instant: suppressions until 2099 hold, until 2020 have lapsed. */
export const NOW = '2026-05-01T12:00:00.000Z';

/** Text a hostile host (or a careless operator) could put in a record: quotes, commas, line breaks, formulas, escapes. */
export const HOSTILE = '=HYPERLINK("http://evil.example/x?a=1,b=2","click"),\r\n"quoted", line2\n\u001b[31mred\u001b[0m <script>alert(1)</script>';

function record(over: Partial<EndpointRecord> & Pick<EndpointRecord, 'ip' | 'port' | 'service' | 'auth'>): EndpointRecord {
  return {
    tls: false,
    version: null,
    evidence: 'GET /api/tags -> 200',
    range: '203.0.113.0/24',
    status: 'open',
    firstSeenAt: '2026-04-01T10:00:00.000Z',
    lastSeenAt: '2026-04-30T10:00:00.000Z',
    lastSeenRunId: 'run-2',
    missCount: 0,
    rev: 3,
    ...over,
  };
}

/** Ollama, open, with two known CVEs (critical raises the product's high). */
export const ollamaOpen = record({
  ip: '203.0.113.10',
  port: 11434,
  service: 'ollama',
  auth: 'none',
  version: '0.1.30',
  evidence: 'GET /api/tags -> 200, 2 models listed',
  vulnerabilities: [
    { id: 'CVE-2024-37032', severity: 'critical' },
    { id: 'CVE-2024-45436', severity: 'high' },
  ],
  inventory: { digest: 'd1', total: 2, items: [{ kind: 'model', name: 'llama3:8b' }, { kind: 'model', name: 'qwen2:7b' }], truncated: false },
  label: 'gpu lab',
  owner: 'ml-team',
  route: 'ml',
  openAlertId: 'a1',
});

/** Jupyter, open: the catalog says critical (runs code). */
export const jupyterOpen = record({ ip: '203.0.113.11', port: 8888, service: 'jupyter', auth: 'none', evidence: 'GET /api/kernels -> 200' });

/** MLflow behind its documented default credential: critical. */
export const mlflowDefault = record({ ip: '203.0.113.12', port: 5000, service: 'mlflow', auth: 'default-credential', evidence: 'admin/password1234 accepted' });

/** vLLM that enforces auth: informational. */
export const vllmLocked = record({ ip: '203.0.113.13', port: 8000, service: 'vllm', auth: 'required', version: '0.6.0', evidence: 'GET /v1/models -> 401' });

/** Qdrant, open, gone since. */
export const qdrantGone = record({ ip: '203.0.113.14', port: 6333, service: 'qdrant', auth: 'none', status: 'gone', missCount: 2 });

/** Ollama over IPv6 and TLS, suppressed until 2099 by alice. */
export const ollamaSuppressed = record({
  ip: '2001:db8::5',
  port: 11434,
  tls: true,
  service: 'ollama',
  auth: 'none',
  range: '2001:db8::/120',
  suppressed: { reason: 'lab box, firewalled upstream', by: 'alice', until: '2099-01-01', at: '2026-04-02T00:00:00.000Z' },
});

/** Suppressed until 2020: no longer suppressed. */
export const ollamaLapsed = record({
  ip: '203.0.113.16',
  port: 11434,
  service: 'ollama',
  auth: 'none',
  suppressed: { reason: 'temporary', by: 'bob', until: '2020-01-01', at: '2019-12-01T00:00:00.000Z' },
});

/** Every field a host or an operator controls holds hostile text. */
export const hostileRecord = record({
  ip: '203.0.113.66',
  port: 7860,
  service: 'gradio',
  auth: 'none',
  version: `+1${HOSTILE}`,
  evidence: HOSTILE,
  label: `@SUM(A1:A9)${HOSTILE}`,
  owner: `-2+3${HOSTILE}`,
  inventory: { digest: 'd2', total: 1, items: [{ kind: 'app', name: HOSTILE }], truncated: false },
  suppressed: { reason: `=cmd|' /C calc'!A0 ${HOSTILE}`, by: `\t${HOSTILE}`, until: '2099-01-01', at: '2026-04-02T00:00:00.000Z' },
  vulnerabilities: [{ id: 'GHSA-xxxx-yyyy-zzzz', severity: 'medium' }],
});

export const ALL_RECORDS: readonly EndpointRecord[] = [ollamaOpen, jupyterOpen, mlflowDefault, vllmLocked, qdrantGone, ollamaSuppressed, ollamaLapsed, hostileRecord];
