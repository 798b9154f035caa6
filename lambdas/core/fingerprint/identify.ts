import type { AuthRule, AuthState, CatalogEntry, VersionRule } from './catalog-schema.js';
import type { HttpFetch, HttpResponse } from './http-result.js';
import { cachedRegex, matches, parseJsonBody, valuesAt } from './match.js';

/** What the engine concluded about one open HTTP(S) endpoint. */
export interface Identification {
  readonly service: string;
  readonly name: string;
  readonly auth: AuthState;
  readonly version: string | null;
  /** Short text saying what proved the auth state, built from the rule's template. */
  readonly evidence: string;
  readonly exposes: string;
  /** Severity of this product when open (catalog `openSeverity`, default high). */
  readonly openSeverity: 'critical' | 'high';
}

const MAX_VERSION_LENGTH = 64;
const MAX_EVIDENCE_VALUE = 60;

/**
 * Orders the catalog for one port: entries that list the port first (their cheap probe is the most
 * likely hit), then the rest; within each group by `order`, then catalog order. Computed once per
 * port and reused across endpoints.
 */
export function orderCatalogForPort(catalog: readonly CatalogEntry[], port: number): CatalogEntry[] {
  const rank = (e: CatalogEntry, i: number): [number, number, number] => [e.ports.includes(port) ? 0 : 1, e.order ?? 100, i];
  return catalog
    .map((entry, i) => ({ entry, key: rank(entry, i) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
    .map((x) => x.entry);
}

/**
 * Identifies the product behind an endpoint and classifies its auth state. `fetch` should cache
 * (see `cachingFetch`) so that probes shared by several entries are sent once. Returns undefined
 * when no entry matches: the endpoint is not a known AI service.
 */
export interface IdentifyOptions {
  /** Try the product's documented default credentials on endpoints that enforce auth (opt-in). */
  readonly checkDefaultCredentials?: boolean;
}

export async function identifyEndpoint(
  fetch: HttpFetch,
  orderedCatalog: readonly CatalogEntry[],
  options: IdentifyOptions = {},
): Promise<Identification | undefined> {
  for (const entry of orderedCatalog) {
    if (!(await isIdentified(fetch, entry))) continue;
    let { auth, evidence } = await classifyAuth(fetch, entry.auth);
    if (auth === 'required' && options.checkDefaultCredentials) {
      for (const candidate of entry.defaultCredentials ?? []) {
        const result = await fetch(candidate.request);
        if (result.ok && matches(result, candidate.match)) {
          auth = 'default-credential';
          evidence = `documented default credential ${candidate.credential} accepted (${candidate.request.method ?? 'GET'} ${candidate.request.path} -> ${result.status}); without it: ${evidence}`;
          break;
        }
      }
    }
    const version = await extractVersion(fetch, entry.version ?? []);
    return {
      service: entry.service,
      name: entry.name,
      auth,
      version,
      evidence,
      exposes: entry.exposes,
      openSeverity: entry.openSeverity ?? 'high',
    };
  }
  return undefined;
}

/**
 * A path no product serves. A server that answers it with the same success as a matching probe is
 * a catch-all (an SPA router, a stub answering 200 to everything): that match proves nothing. An
 * auth wall that answers every path alike (MLflow's basic-auth app) is different: its markers
 * name the product, so non-2xx matches are not second-guessed.
 */
export const CANARY_PATH = '/ai-exposure-monitor-canary-3f9c1e';

async function isIdentified(fetch: HttpFetch, entry: CatalogEntry): Promise<boolean> {
  for (const probe of entry.identify) {
    const result = await fetch(probe.request);
    if (!result.ok || !matches(result, probe.match)) continue;
    if (result.status >= 200 && result.status < 300) {
      const canary = await fetch({ path: CANARY_PATH });
      if (canary.ok && canary.status === result.status && canary.body === result.body) continue;
    }
    return true;
  }
  return false;
}

async function classifyAuth(fetch: HttpFetch, rules: readonly AuthRule[]): Promise<{ auth: AuthState; evidence: string }> {
  for (const rule of rules) {
    const result = await fetch(rule.request);
    if (result.ok && matches(result, rule.match)) {
      return { auth: rule.auth, evidence: renderEvidence(rule.evidence, result) };
    }
  }
  return { auth: 'unknown', evidence: 'identified, but no auth probe gave a conclusive answer' };
}

async function extractVersion(fetch: HttpFetch, rules: readonly VersionRule[]): Promise<string | null> {
  for (const rule of rules) {
    const result = await fetch(rule.request);
    if (!result.ok || !matches(result, rule.match ?? { status: 200 })) continue;
    const value = readVersion(result, rule);
    if (value) return value;
  }
  return null;
}

function readVersion(response: HttpResponse, rule: VersionRule): string | null {
  let text: string | undefined;
  if (rule.json !== undefined) {
    const parsed = parseJsonBody(response);
    const value = parsed ? valuesAt(parsed.value, rule.json)[0] : undefined;
    if (typeof value === 'string' || typeof value === 'number') text = String(value);
  } else if (rule.header !== undefined) {
    text = response.headers[rule.header.toLowerCase()];
  } else {
    text = response.body;
  }
  if (text === undefined) return null;
  if (rule.regex !== undefined) {
    const m = cachedRegex(rule.regex).exec(text);
    text = m?.[1] ?? undefined;
  }
  const version = text?.trim();
  if (!version) return null;
  // Version strings go into alerts and the database: keep them short and printable.
  return version.replace(/[^\x21-\x7e]/g, '').slice(0, MAX_VERSION_LENGTH) || null;
}

/** Fills `{status}`, `{count:path}` and `{json:path}` in an evidence template. */
export function renderEvidence(template: string, response: HttpResponse): string {
  return template.replace(/\{(status|count|json)(?::([^}]*))?\}/g, (_all, kind: string, path: string | undefined) => {
    if (kind === 'status') return String(response.status);
    const parsed = parseJsonBody(response);
    const values = parsed ? valuesAt(parsed.value, path ?? '') : [];
    if (kind === 'count') return String(values.length);
    const first = values[0];
    return typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean'
      ? String(first).slice(0, MAX_EVIDENCE_VALUE)
      : '?';
  });
}
