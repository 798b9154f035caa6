import type { CatalogEntry } from '../fingerprint/catalog-schema.js';
import { cachingFetch, type HttpResponse, type HttpResult } from '../fingerprint/http-result.js';
import { type Identification, identifyEndpoint, type ProbePlan, probePlanForPort } from '../fingerprint/identify.js';
import { endpointBudget, type EndpointBudget, type HttpLimits, type HttpSession, openHttpSession, type TlsCertificateInfo } from './http-session.js';
import { knownVulnerabilities } from '../vulnerabilities/cve-table.js';
import type { KnownVulnerability } from '../vulnerabilities/known-vulnerability.js';
import { matchVulnerabilities } from '../vulnerabilities/match-vulnerabilities.js';
import { type SweepSummary, type SweepTarget, sweep } from './tcp-sweep.js';
import { type InventorySnapshot, summarizeInventory } from '../inventory/inventory.js';
import { readMcpTools } from './mcp-tools.js';

export interface ProbeOptions extends HttpLimits {
  /** TCP connects in flight at once. */
  readonly connectConcurrency: number;
  /** Open endpoints being fingerprinted at once. */
  readonly httpConcurrency: number;
  /** Try documented default credentials on endpoints that enforce auth (opt-in, off by default). */
  readonly checkDefaultCredentials?: boolean;
  /** Threads running TCP connects (1: all in this thread). */
  readonly sweepThreads?: number;
  /** Politeness cap: most TCP connects started per second by this prober (absent: no cap). */
  readonly ratePerSecond?: number;
  /**
   * Time for the whole call. Past it, open ports still waiting are not fingerprinted and ones in
   * progress are cut short; they are counted in `abandoned`, so the caller does not take the block
   * as complete (a half-probed block must never turn its endpoints into "gone").
   */
  readonly blockBudgetMs?: number;
  /**
   * Registered domains: a TLS endpoint reached by address whose certificate names a name under
   * one of them is fingerprinted again under each such name (SNI and Host), at most
   * MAX_CERTIFICATE_NAMES per endpoint, so a name-routed product behind the address is found.
   */
  readonly certificateDomains?: readonly string[];
}

/** Most names taken from one endpoint's certificate for a second look. */
export const MAX_CERTIFICATE_NAMES = 8;

/** The prober's User-Agent without a contact; with one it is `ai-exposure-monitor/0.1 (+<contact>)`. */
export const DEFAULT_USER_AGENT = 'ai-exposure-monitor/0.1 (check for AI services open without authentication; no contact set)';

export const DEFAULT_PROBE_OPTIONS: ProbeOptions = {
  connectConcurrency: 256,
  httpConcurrency: 32,
  connectTimeoutMs: 1_500,
  headersTimeoutMs: 4_000,
  bodyTimeoutMs: 4_000,
  requestTimeoutMs: 8_000,
  maxBodyBytes: 1024 * 1024,
  // What a scanned host's owner sees when the operator set no contact (--contact, scannerContact):
  // what the traffic is, and that no contact was given, rather than a link that leads nowhere.
  userAgent: DEFAULT_USER_AGENT,
};

/** An AI endpoint found by probing. */
export interface Observation extends Omit<Identification, 'inventory' | 'inventoryProtocol'> {
  /** What the open endpoint lists without credentials (absent: locked, or nothing readable). */
  readonly inventory?: InventorySnapshot;
  readonly ip: string;
  readonly port: number;
  /** The DNS name it was reached by (as Host and SNI); absent when reached by address. */
  readonly host?: string;
  readonly tls: boolean;
  readonly certificate?: TlsCertificateInfo;
  /** Known vulnerabilities of this product at this version, worst first. */
  readonly vulnerabilities: readonly VulnerabilityRef[];
  /** HTTP requests sent to this endpoint while fingerprinting. */
  readonly requests: number;
}

export interface VulnerabilityRef {
  readonly id: string;
  readonly severity: KnownVulnerability['severity'];
}

export interface ProbeReport {
  readonly observations: Observation[];
  readonly sweep: SweepSummary;
  /** Open ports that spoke HTTP(S) but matched no catalog entry. */
  readonly unidentified: number;
  /** Open ports that did not speak HTTP or HTTPS. */
  readonly nonHttp: number;
  readonly httpRequests: number;
  /** HTTP requests sent to each open port, in completion order (for requests-per-port figures). */
  readonly requestsPerOpenPort: readonly number[];
  /** Open ports the block budget left unfingerprinted (or cut short). */
  readonly abandoned: number;
}

/** Ports where TLS is tried first: conventional HTTPS ports. */
const TLS_FIRST_PORTS = new Set([443, 8443, 9443, 6443, 4443, 8444]);

/**
 * Sweeps the targets and fingerprints each open port as soon as it is found. A broken target only
 * ever yields "not identified": errors of single endpoints never fail the whole call.
 */
export async function probeTargets(
  targets: Iterable<SweepTarget>,
  catalog: readonly CatalogEntry[],
  options: ProbeOptions,
  /**
   * The names an open address:port is fingerprinted under, each as its own endpoint (`undefined`:
   * by address). Absent: by address only. One connect per address:port, however many names.
   */
  namesOf?: (host: string, port: number) => readonly (string | undefined)[],
): Promise<ProbeReport> {
  const observations: Observation[] = [];
  let unidentified = 0;
  let nonHttp = 0;
  let httpRequests = 0;
  const requestsPerOpenPort: number[] = [];
  let abandoned = 0;
  const blockDeadline = options.blockBudgetMs ? AbortSignal.timeout(options.blockBudgetMs) : undefined;
  const planByPort = new Map<number, ProbePlan>();
  const waiting: { target: SweepTarget; name: string | undefined }[] = [];
  const running = new Set<Promise<void>>();

  const fingerprint = async (target: SweepTarget, name: string | undefined): Promise<void> => {
    let plan = planByPort.get(target.port);
    if (!plan) {
      plan = probePlanForPort(catalog, target.port);
      planByPort.set(target.port, plan);
    }
    if (blockDeadline?.aborted) {
      abandoned++;
      return;
    }
    const result = await fingerprintEndpoint(target, plan, options, blockDeadline, name);
    if (name === undefined) lookAgainByCertificateNames(target, result.kind === 'identified' ? result.observation.certificate : result.certificate);
    if (blockDeadline?.aborted && result.kind !== 'identified') {
      abandoned++;
      return;
    }
    httpRequests += result.requests;
    requestsPerOpenPort.push(result.requests);
    if (result.kind === 'identified') observations.push(result.observation);
    else if (result.kind === 'unidentified') unidentified++;
    else nonHttp++;
  };

  // Names each address:port has been (or will be) fingerprinted under, so a name is tried once.
  const namesTried = new Map<string, Set<string | undefined>>();
  const derived = new Set<string>();
  const lookAgainByCertificateNames = (target: SweepTarget, certificate: TlsCertificateInfo | undefined): void => {
    const domains = options.certificateDomains ?? [];
    if (domains.length === 0 || !certificate?.names) return;
    const tried = namesTried.get(`${target.host}|${target.port}`) ?? new Set<string | undefined>();
    const fresh = certificate.names
      .filter((n) => !n.includes('*') && domains.some((d) => n === d || n.endsWith(`.${d}`)) && !tried.has(n))
      .slice(0, MAX_CERTIFICATE_NAMES);
    for (const name of fresh) {
      tried.add(name);
      derived.add(`${target.host}|${target.port}|${name}`);
      waiting.push({ target, name });
    }
    namesTried.set(`${target.host}|${target.port}`, tried);
    pump();
  };

  const pump = (): void => {
    while (running.size < options.httpConcurrency && waiting.length > 0) {
      const { target, name } = waiting.shift() as { target: SweepTarget; name: string | undefined };
      const task = fingerprint(target, name).finally(() => {
        running.delete(task);
        pump();
      });
      running.add(task);
    }
  };

  const summary = await sweep(targets, {
    concurrency: options.connectConcurrency,
    connectTimeoutMs: options.connectTimeoutMs,
    threads: options.sweepThreads ?? 1,
    ...(options.ratePerSecond ? { ratePerSecond: options.ratePerSecond } : {}),
    onOpen: (target) => {
      const names = namesOf ? namesOf(target.host, target.port) : [undefined];
      // Only needed to try a certificate name once per address:port.
      if (options.certificateDomains?.length) namesTried.set(`${target.host}|${target.port}`, new Set(names));
      for (const name of names) waiting.push({ target, name });
      pump();
    },
  });
  while (running.size > 0) await Promise.all([...running]);
  // A certificate name that leads to the product the address already showed is the same service,
  // not a second one: only names that reach something else are kept.
  const byAddress = new Set(observations.filter((o) => o.host === undefined).map((o) => `${o.ip}|${o.port}|${o.service}`));
  const kept = observations.filter((o) => !(o.host !== undefined && derived.has(`${o.ip}|${o.port}|${o.host}`) && byAddress.has(`${o.ip}|${o.port}|${o.service}`)));
  observations.length = 0;
  observations.push(...kept);
  observations.sort((a, b) => compareEndpoint(a, b));
  return { observations, sweep: summary, unidentified, nonHttp, httpRequests, requestsPerOpenPort, abandoned };
}

type EndpointResult =
  | { kind: 'identified'; observation: Observation; requests: number }
  | { kind: 'unidentified' | 'non-http'; requests: number; certificate?: TlsCertificateInfo };

/** Finds the protocol (HTTP or HTTPS) an open port speaks, then runs the catalog over it. */
export async function fingerprintEndpoint(
  target: SweepTarget,
  plan: ProbePlan,
  limits: HttpLimits & { readonly checkDefaultCredentials?: boolean },
  blockDeadline?: AbortSignal,
  name?: string,
): Promise<EndpointResult> {
  const order = TLS_FIRST_PORTS.has(target.port) ? [true, false] : [false, true];
  // One time and body budget for the whole endpoint, both protocols (see HttpLimits.endpointTimeoutMs
  // and maxEndpointBodyBytes): a hostile host otherwise multiplies the per-request limits by ~40.
  const budget = endpointBudget(limits, blockDeadline);
  try {
    return await fingerprintWithBudget(target, plan, limits, budget, order, name);
  } finally {
    budget.release();
  }
}

async function fingerprintWithBudget(
  target: SweepTarget,
  plan: ProbePlan,
  limits: HttpLimits & { readonly checkDefaultCredentials?: boolean },
  budget: EndpointBudget,
  order: readonly boolean[],
  name: string | undefined,
): Promise<EndpointResult> {
  let requests = 0;
  for (const tls of order) {
    const session = openHttpSession(target.host, target.port, tls, limits, budget, name);
    try {
      const fetch = cachingFetch(session.fetch);
      const root = await fetchRootRetryingLocalErrors(session, fetch);
      if (!root.ok || (!tls && looksLikeHttpsPort(root))) {
        requests += fetch.sent();
        continue;
      }
      let identification: Identification | undefined;
      try {
        identification = await identifyEndpoint(fetch, plan, { checkDefaultCredentials: limits.checkDefaultCredentials === true });
      } catch {
        // Why: hostile answers reach matcher code paths no product answer does (test/hostile found
        // a RangeError from a 400k-item JSON array). An exception here used to reject the whole
        // `probeTargets` call, losing every other endpoint of the block; it now only means
        // "not identified", as the contract above promises.
        identification = undefined;
      }
      requests += fetch.sent();
      if (!identification) {
        const certificate = session.certificate();
        return { kind: 'unidentified', requests, ...(certificate ? { certificate } : {}) };
      }
      const { inventory: listed, inventoryProtocol, ...identified } = identification;
      let raw = listed;
      if (inventoryProtocol === 'mcp-tools') {
        let posts = 0;
        const counted = (path: string, body: string, headers: Readonly<Record<string, string>>) => (posts++, session.post(path, body, headers));
        raw = await readMcpTools(counted, '/mcp', (path, headers) => (posts++, session.delete(path, headers))).catch(() => undefined);
        requests += posts;
      }
      const certificate = session.certificate();
      return {
        kind: 'identified',
        requests,
        observation: {
          ip: target.host,
          port: target.port,
          ...(name !== undefined ? { host: name } : {}),
          tls,
          ...identified,
          ...(raw ? { inventory: summarizeInventory(raw.items, raw.listed) } : {}),
          ...(certificate ? { certificate } : {}),
          vulnerabilities: matchVulnerabilities(knownVulnerabilities, identification.service, identification.version).map((v) => ({ id: v.id, severity: v.severity })),
          requests,
        },
      };
    } finally {
      await closeQuietly(session);
    }
  }
  return { kind: 'non-http', requests };
}

/** Errors of this process, not of the target: out of file descriptors or local ports. */
const LOCAL_ERROR = /^(EMFILE|ENFILE|EADDRNOTAVAIL|ENOBUFS)\b/;
const LOCAL_ERROR_RETRIES = 20;

/**
 * The first request of an endpoint, retried while it fails for a local reason: a prober out of
 * file descriptors must not record a live service as "not HTTP" (the sweep does the same for
 * connects). The caching fetch would replay the failure, so retries go to the session directly.
 */
export async function fetchRootRetryingLocalErrors(session: HttpSession, fetch: ReturnType<typeof cachingFetch>): Promise<HttpResult> {
  let root = await fetch({ path: '/' });
  for (let attempt = 1; !root.ok && LOCAL_ERROR.test(root.error) && attempt <= LOCAL_ERROR_RETRIES; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    root = await session.fetch({ path: '/' });
  }
  if (root.ok) fetch.prime({ path: '/' }, root);
  return root;
}

/** Plain HTTP sent to a TLS port: nginx, Apache and Go answer 400 with these texts. */
function looksLikeHttpsPort(response: HttpResponse): boolean {
  return (
    response.status === 400 &&
    /plain HTTP request was sent to HTTPS port|Client sent an HTTP request to an HTTPS server|speaking plain HTTP to an SSL-enabled server/i.test(
      response.body,
    )
  );
}

async function closeQuietly(session: HttpSession): Promise<void> {
  try {
    await session.close();
  } catch {
    // A session that fails to close has nothing left to give us.
  }
}

export function compareEndpoint(a: { ip: string; port: number; host?: string }, b: { ip: string; port: number; host?: string }): number {
  if (a.ip !== b.ip) return a.ip.localeCompare(b.ip, 'en', { numeric: true });
  // By address first, then by name (the endpoint reached by address before those reached by name).
  return a.port - b.port || (a.host ?? '').localeCompare(b.host ?? '');
}
