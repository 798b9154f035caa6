import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/fingerprint/catalog/index.js';
import { cachingFetch } from '../../../lambdas/core/fingerprint/http-result.js';
import { identifyEndpoint, probePlanForPort } from '../../../lambdas/core/fingerprint/identify.js';
import { summarizeInventory } from '../../../lambdas/core/inventory/inventory.js';
import { listFixtures } from '../../../lambdas/local/fixture-fleet.js';
import { fixtureFetch } from '../../support/fixture-fetch.js';

const fixtures = listFixtures();
const SERVICE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('fingerprint catalog', () => {
  it('has unique kebab-case service ids, sources, ports and probes for every entry', () => {
    const ids = catalog.map((e) => e.service);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of catalog) {
      expect(entry.service).toMatch(SERVICE_ID);
      expect(entry.sources.length, entry.service).toBeGreaterThan(0);
      if (entry.category !== 'generic') expect(entry.ports.length, entry.service).toBeGreaterThan(0);
      expect(entry.identify.length, entry.service).toBeGreaterThan(0);
      expect(entry.auth.length, entry.service).toBeGreaterThan(0);
    }
  });

  it('covers the first products the pipeline promises, each with an auth-off fixture', () => {
    const required = ['ollama', 'vllm', 'openai-compatible', 'llama-cpp', 'triton', 'tf-serving', 'jupyter', 'gradio', 'comfyui', 'ray', 'mlflow', 'qdrant'];
    for (const service of required) {
      expect(catalog.some((e) => e.service === service), service).toBe(true);
      expect(fixtures.some((f) => f.service === service && f.state === 'none'), `${service}/none.json`).toBe(true);
    }
  });

  it('has fixtures only for catalog services, each naming its source', () => {
    for (const f of fixtures) {
      expect(catalog.some((e) => e.service === f.service), f.service).toBe(true);
      expect(f.fixture.service).toBe(f.service);
      expect(f.fixture.auth).toBe(f.state);
      expect(f.fixture.source.length).toBeGreaterThan(10);
    }
  });
});

describe.each(fixtures.map((f) => [`${f.service}/${f.state}`, f] as const))('fixture %s', (_name, f) => {
  const entry = catalog.find((e) => e.service === f.service);
  // Its own ports and the reverse-proxy ports: it must be identified there, exactly.
  const ports = [...new Set([...(entry?.ports ?? []), 80, 443, 8080])];

  it.each(ports)('is identified with its auth state and version on port %i', async (port) => {
    const sent: string[] = [];
    // Default credentials are tried on every fixture: they must turn only the default-credential ones.
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(f.fixture, sent)), probePlanForPort(catalog, port), { checkDefaultCredentials: true });
    expect(result?.service).toBe(f.fixture.service);
    expect(result?.auth).toBe(f.fixture.auth);
    expect(result?.version ?? null).toBe(f.fixture.version);
    expect(result?.evidence).not.toMatch(/\{(status|count|json)/);
  });

  it('on an unrelated port is identified exactly, as a generic OpenAI-style API, or not at all: never as another product', async () => {
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(f.fixture)), probePlanForPort(catalog, 31337), { checkDefaultCredentials: true });
    if (result) {
      expect([f.fixture.service, 'openai-compatible']).toContain(result.service);
      expect(result.auth).toBe(f.fixture.auth);
    }
  });

  it('reads what the open product lists without credentials, exactly as recorded', async () => {
    const result = await identifyEndpoint(cachingFetch(fixtureFetch(f.fixture)), probePlanForPort(catalog, ports[0] as number));
    const expected = f.fixture.inventory;
    if (f.fixture.auth !== 'none' || (entry?.inventory ?? []).length === 0) {
      expect(result?.inventory).toBeUndefined();
      return;
    }
    expect(expected, `${f.service}/none.json needs an "inventory" list: the entry has inventory rules`).toBeDefined();
    const snapshot = result?.inventory ? summarizeInventory(result.inventory.items, result.inventory.listed) : undefined;
    expect(snapshot?.items.map((i) => ({ kind: i.kind, name: i.name }))).toEqual(expected);
  });

  it('never sends a credential unless asked to', async () => {
    // A product's own non-secret UI header (Flowise's x-request-from) may be sent; a credential never.
    // A credential travels in headers (an API key) or in a login body (One API's root/123456).
    const signature = (r: { method?: string; path: string; headers?: Readonly<Record<string, string>>; body?: string }): string =>
      JSON.stringify([r.method ?? 'GET', r.path, r.headers ?? {}, r.body ?? null]);
    const credentials = new Set(catalog.flatMap((e) => (e.defaultCredentials ?? []).map((c) => signature(c.request))));
    const credentialHeader = /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i;
    const credentialsSent: string[] = [];
    const fetch = fixtureFetch(f.fixture);
    const spy = cachingFetch(async (request) => {
      const sent = signature(request);
      if (credentials.has(sent) || Object.keys(request.headers ?? {}).some((k) => credentialHeader.test(k))) credentialsSent.push(sent);
      return fetch(request);
    });
    const result = await identifyEndpoint(spy, probePlanForPort(catalog, ports[0] as number));
    expect(credentialsSent).toEqual([]);
    expect(result?.auth).toBe(f.fixture.auth === 'default-credential' ? 'required' : f.fixture.auth);
  });
});
