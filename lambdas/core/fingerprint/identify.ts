import { type InventoryItem } from '../inventory/inventory.js';
import { readInventory } from '../inventory/read-inventory.js';
import type { AuthRule, AuthState, CatalogEntry, IdentifyProbe, Remediation, VersionRule } from './catalog-schema.js';
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
  /** How to close it (catalog `remediation`). */
  readonly remediation?: Remediation;
  /** What it lists without credentials, read only when auth is `none` (raw: cleaned by `summarizeInventory`). */
  readonly inventory?: { readonly items: readonly InventoryItem[]; readonly listed: number };
  /** A protocol listing the caller reads with its own requests (catalog `inventoryProtocol`), when open. */
  readonly inventoryProtocol?: 'mcp-tools';
}

const MAX_VERSION_LENGTH = 64;
const MAX_EVIDENCE_VALUE = 60;

/**
 * Paths that many products answer, so one request serves several entries (responses are cached
 * per endpoint): always tried. Besides these, any path that `SHARED_BY` or more catalog entries
 * identify by counts as shared (see `sharedPaths`), so the set follows the catalog. A path fewer
 * products use is tried on their own ports and on the proxy ports only: each shared path is one
 * more request for every open non-AI port.
 */
export const SHARED_PROBE_PATHS: ReadonlySet<string> = new Set(['/', '/v1/models', '/v2', '/info']);
const SHARED_BY = 3;

const sharedByCatalog = new WeakMap<readonly CatalogEntry[], ReadonlySet<string>>();

/** The shared paths of a catalog: the fixed set plus every path `SHARED_BY` or more entries identify by. */
export function sharedPaths(catalog: readonly CatalogEntry[]): ReadonlySet<string> {
  let shared = sharedByCatalog.get(catalog);
  if (!shared) {
    const users = new Map<string, number>();
    for (const entry of catalog) {
      for (const path of new Set(entry.identify.map((p) => p.request.path))) users.set(path, (users.get(path) ?? 0) + 1);
    }
    shared = new Set([...SHARED_PROBE_PATHS, ...[...users].filter(([, n]) => n >= SHARED_BY).map(([path]) => path)]);
    sharedByCatalog.set(catalog, shared);
  }
  return shared;
}

/**
 * Conventional reverse-proxy ports, where any product may hide: every entry's own probes are tried
 * there too. On other ports only the shared paths and the probes of the products that use that
 * port are sent, which keeps an open non-AI port cheap.
 */
export const DEEP_PROBE_PORTS: ReadonlySet<number> = new Set([80, 443, 8080, 8443]);

/** Entries at or above this order are generic fallbacks, tried after every specific entry. */
const GENERIC_ORDER = 1000;

export interface ProbeStage {
  readonly entry: CatalogEntry;
  readonly probes: readonly IdentifyProbe[];
  /** Products built on this one (`refines`), checked only once this one has matched. */
  readonly refiners: readonly CatalogEntry[];
}

/** The identification stages for one port, in the order they are tried. */
export type ProbePlan = readonly ProbeStage[];

/**
 * Builds the probe plan for one port (computed once per port and reused across endpoints):
 * 1. specific entries, port-hinted first (then by `order`, then catalog order): all probes of the
 *    entries that list this port, only shared-path probes of the others;
 * 2. on deep-probe ports, the remaining (product-specific) probes of the other entries;
 * 3. generic fallbacks (e.g. `openai-compatible`), so they never shadow a specific product.
 * An entry that `refines` a platform is tried only after that platform matched, with all its
 * probes: a product built on vLLM or Gradio costs extra requests only where vLLM or Gradio answered.
 */
export function probePlanForPort(catalog: readonly CatalogEntry[], port: number): ProbePlan {
  // The plan depends on the port only through which entries list it and whether it is a deep-probe
  // port, so ports alike share one plan: a sweep over many ports (or blocks) builds a handful, not
  // one per port per block (each sorts and filters the whole catalog).
  const hinted = catalog.map((entry) => entry.ports.includes(port) || (entry.alternatePorts ?? []).includes(port));
  const key = `${DEEP_PROBE_PORTS.has(port) ? 'deep' : 'shallow'}|${hinted.flatMap((h, i) => (h ? [i] : [])).join(',')}`;
  let plans = plansByCatalog.get(catalog);
  if (!plans) {
    plans = new Map();
    plansByCatalog.set(catalog, plans);
  }
  let plan = plans.get(key);
  if (!plan) {
    plan = buildProbePlan(catalog, hinted, DEEP_PROBE_PORTS.has(port));
    plans.set(key, plan);
  }
  return plan;
}

const plansByCatalog = new WeakMap<readonly CatalogEntry[], Map<string, ProbePlan>>();

function buildProbePlan(catalog: readonly CatalogEntry[], hintedAt: readonly boolean[], deep: boolean): ProbePlan {
  const ranked = catalog
    .map((entry, i) => ({ entry, hinted: hintedAt[i] === true, order: entry.order ?? 100, i }))
    .sort((a, b) => Number(b.hinted) - Number(a.hinted) || a.order - b.order || a.i - b.i);
  const specific = ranked.filter((r) => r.order < GENERIC_ORDER);
  const generic = ranked.filter((r) => r.order >= GENERIC_ORDER);
  const shared = sharedPaths(catalog);
  const isShared = (p: IdentifyProbe): boolean => shared.has(p.request.path);
  const plan: ProbeStage[] = [];
  const refinersOf = (service: string): CatalogEntry[] => catalog.filter((e) => e.refines === service);
  const push = (entry: CatalogEntry, probes: readonly IdentifyProbe[]): void => {
    if (probes.length > 0) plan.push({ entry, probes, refiners: refinersOf(entry.service) });
  };
  for (const r of specific) push(r.entry, r.hinted ? r.entry.identify : r.entry.identify.filter(isShared));
  if (deep) {
    for (const r of specific) if (!r.hinted) push(r.entry, r.entry.identify.filter((p) => !isShared(p)));
  }
  for (const r of generic) push(r.entry, r.entry.identify);
  return plan;
}

export interface IdentifyOptions {
  /** Try the product's documented default credentials on endpoints that enforce auth (opt-in). */
  readonly checkDefaultCredentials?: boolean;
}

/**
 * Identifies the product behind an endpoint and classifies its auth state, following the port's
 * probe plan. `fetch` should cache (see `cachingFetch`) so that probes shared by several entries
 * are sent once. Returns undefined when no entry matches: the endpoint is not a known AI service.
 */
export async function identifyEndpoint(fetch: HttpFetch, plan: ProbePlan, options: IdentifyOptions = {}): Promise<Identification | undefined> {
  for (const stage of plan) {
    if (!(await anyProbeMatches(fetch, stage.probes))) continue;
    let entry = stage.entry;
    for (const refiner of stage.refiners) {
      if (await anyProbeMatches(fetch, refiner.identify)) {
        entry = refiner;
        break;
      }
    }
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
    const inventory = auth === 'none' && entry.inventory ? await readInventory(fetch, entry.inventory) : undefined;
    return {
      service: entry.service,
      name: entry.name,
      auth,
      version,
      evidence,
      exposes: entry.exposes,
      openSeverity: entry.openSeverity ?? 'high',
      ...(entry.remediation ? { remediation: entry.remediation } : {}),
      ...(inventory ? { inventory } : {}),
      ...(auth === 'none' && entry.inventoryProtocol ? { inventoryProtocol: entry.inventoryProtocol } : {}),
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

async function anyProbeMatches(fetch: HttpFetch, probes: readonly IdentifyProbe[]): Promise<boolean> {
  for (const probe of probes) {
    const result = await fetch(probe.request);
    if (!result.ok || !matches(result, probe.match)) continue;
    if (result.status >= 200 && result.status < 300) {
      const canary = await fetch({ path: CANARY_PATH });
      if (canary.ok && canary.status === result.status && canary.body === result.body) continue;
    }
    if (probe.confirm) {
      const second = await fetch(probe.confirm.request);
      if (!second.ok || !matches(second, probe.confirm.match)) continue;
      if (second.status >= 200 && second.status < 300) {
        const canary = await fetch({ path: CANARY_PATH });
        if (canary.ok && canary.status === second.status && canary.body === second.body) continue;
      }
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
  // A count of one takes the singular: "{count:models[]} models" reads "1 model", not "1 models".
  const singular = template.replace(/(\{count:([^}]*)\}) ([a-z]+)s\b/g, (all, placeholder: string, path: string, noun: string) => {
    const parsed = parseJsonBody(response);
    return parsed && valuesAt(parsed.value, path).length === 1 ? `${placeholder} ${noun}` : all;
  });
  return singular.replace(/\{(status|count|json)(?::([^}]*))?\}/g, (_all, kind: string, path: string | undefined) => {
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
