/**
 * The shape of a fingerprint catalog entry. Entries are data: adding a product is adding one file
 * under `catalog/` and its fixtures under `test/fixtures/http/<service>/`, no engine change.
 *
 * How the engine reads an entry (see `identify.ts`):
 * 1. `identify` probes are tried in order; the product is identified when one probe's matcher
 *    passes. Every matcher must name something specific to the product (a JSON key, a banner,
 *    an `owned_by` value), never just a status code on a common path.
 * 2. `auth` rules are tried in order; the first whose matcher passes decides the auth state.
 *    No rule passing means `unknown`.
 * 3. `version` rules are tried in order; the first that yields a value wins.
 * Responses are cached per endpoint, so probes shared between entries cost one request.
 */

export type AuthState = 'none' | 'required' | 'default-credential' | 'unknown';

/**
 * A harmless read: GET or HEAD. POST exists for one kind of read only: a product's own query that
 * its UI sends without login on every page load, answers from state without changing it, and whose
 * answer no GET gives (Flowise's `POST /api/v1/auth/resolve`: whether an owner exists). Never an
 * inference, login, setup or write endpoint; `body` is then required (fixed, sent as JSON).
 */
export interface ProbeRequest {
  readonly method?: 'GET' | 'HEAD' | 'POST';
  readonly path: string;
  /** Extra request headers (e.g. a documented default credential, opt-in only). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fixed JSON body of a read-only POST (see above), sent with content-type application/json. */
  readonly body?: string;
  /**
   * `form`: `body` is sent as application/x-www-form-urlencoded instead. Only an opt-in
   * default-credential login may use it, for products whose login takes a form (Langflow's OAuth2
   * password form); the validator refuses it anywhere else.
   */
  readonly bodyEncoding?: 'form';
}

/**
 * A JSON check. `path` is a dotted path; `[]` fans out over an array, e.g. `data[].owned_by`.
 * The check passes when any value found at the path satisfies it.
 */
export interface JsonCheck {
  readonly path: string;
  /** Value equals this (strict). */
  readonly equals?: string | number | boolean | null;
  /** String value contains this (case-sensitive). */
  readonly contains?: string;
  /** The path exists (any value, including null). */
  readonly exists?: boolean;
  /** The value is of this JSON type. */
  readonly type?: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';
}

export interface HeaderCheck {
  readonly name: string;
  readonly contains?: string;
  readonly regex?: string;
}

/** All given conditions must hold. */
export interface ResponseMatcher {
  /** Status code, or list of acceptable codes. */
  readonly status?: number | readonly number[];
  /** Body contains every one of these strings. */
  readonly bodyContains?: readonly string[];
  /** Body contains at least one of these strings. */
  readonly bodyContainsAny?: readonly string[];
  /** Body matches this regular expression (JavaScript syntax, no flags unless `bodyRegexFlags`). */
  readonly bodyRegex?: string;
  readonly bodyRegexFlags?: string;
  /** Body does not contain any of these (to reject look-alikes). */
  readonly bodyExcludes?: readonly string[];
  /** Body parses as JSON and every check passes. */
  readonly json?: readonly JsonCheck[];
  /** Every header check passes. */
  readonly headers?: readonly HeaderCheck[];
}

export interface IdentifyProbe {
  readonly request: ProbeRequest;
  readonly match: ResponseMatcher;
  /**
   * A second, independent marker that must hold too (another request, read only once `match`
   * passed): for a state whose first marker alone is not specific enough to name the product,
   * e.g. a locked server whose 401 body is generic and whose public health route is too.
   */
  readonly confirm?: { readonly request: ProbeRequest; readonly match: ResponseMatcher };
}

export interface AuthRule {
  readonly request: ProbeRequest;
  readonly match: ResponseMatcher;
  readonly auth: Exclude<AuthState, 'unknown' | 'default-credential'>;
  /**
   * Evidence template, shown in alerts. Placeholders: `{status}`, `{count:<json path>}` (number of
   * values found at the path), `{json:<json path>}` (first value, capped).
   */
  readonly evidence: string;
}

export interface VersionRule {
  readonly request: ProbeRequest;
  /** Only read the version when this matcher passes (defaults to status 200). */
  readonly match?: ResponseMatcher;
  /** Take the version from this JSON path... */
  readonly json?: string;
  /** ...or from this header... */
  readonly header?: string;
  /** ...or from the body. With `json` or `header`, applied to that value. First capture group wins. */
  readonly regex?: string;
}

/**
 * A credential the product's own docs publish as the default. Checked only when the operator opts
 * in (`--check-default-credentials`) and the endpoint enforces auth: one harmless authenticated
 * read; a pass makes the state `default-credential`.
 */
export interface DefaultCredential {
  /** What it is, for the evidence, e.g. "admin/password1234 (MLflow basic-auth app default)". */
  readonly credential: string;
  /** The request, with the credential in `headers` (e.g. `authorization: Basic ...`). */
  readonly request: ProbeRequest;
  /** What proves the credential worked. */
  readonly match: ResponseMatcher;
}

/** See `CatalogEntry.checkedAgainst`. */
export interface CheckedAgainst {
  readonly evidence: 'recorded' | 'source';
  /** Release, tag or commit, e.g. `3.1.4 and 2.2.8`, `v0.16.0-5-g1263d5c`, `main@8d5b786 (2026-08-22)`. */
  readonly release: string;
}

export type ServiceCategory =
  | 'llm-server'
  | 'model-server'
  | 'notebook'
  | 'ml-platform'
  | 'demo-ui'
  | 'image-generation'
  | 'chat-ui'
  | 'agent-builder'
  | 'ai-gateway'
  | 'vector-database'
  | 'generic';

export interface CatalogEntry {
  /** Contract service id (design section 4): lower-case kebab-case, never renamed. */
  readonly service: string;
  /** Human name for renderings. */
  readonly name: string;
  readonly category: ServiceCategory;
  /** Default and conventional ports; also the port hints that put this entry first. */
  readonly ports: readonly number[];
  /**
   * Ports the product moves to on its own when its default is taken (auto-increment), with the
   * source in the entry's comment. Swept by the `ai` port set and hinted like `ports`, so the
   * entry's own probes run there; not swept by the `catalog` set.
   */
  readonly alternatePorts?: readonly number[];
  /** The product's own source or docs the entry was read from. */
  readonly sources: readonly string[];
  /**
   * What the entry's markers were last checked against: `recorded`, answers recorded from the
   * running product by `npm run conformance` (test/fixtures/real/<service>/, and `release` names
   * every recorded version), or `source`, the product's own source or docs at the named release,
   * tag or commit. Absent on entries read from source before each entry named its release and not
   * yet audited: `catalog` shows them as "unaudited".
   */
  readonly checkedAgainst?: CheckedAgainst;
  readonly identify: readonly IdentifyProbe[];
  readonly auth: readonly AuthRule[];
  readonly version?: readonly VersionRule[];
  readonly defaultCredentials?: readonly DefaultCredential[];
  /**
   * The service id of a platform this product is built on and answers like (e.g. `sd-webui`
   * refines `gradio`, `openllm` serves vLLM's API): whenever the platform is identified, this
   * entry's probes are tried too, and a match reports this product instead.
   */
  readonly refines?: string;
  /** Lower runs earlier among equally hinted entries; generic fallbacks use a high number. */
  readonly order?: number;
  /** What the product exposes when open, for alert text ("model list", "code execution"). */
  readonly exposes: string;
  /**
   * Severity of an open instance. `critical` for products whose open API runs code or reads
   * files on the host (notebooks, job runners); `high` otherwise (the default).
   */
  readonly openSeverity?: 'critical' | 'high';
  /** How to close an open instance, from the product's own docs (`test/core/fingerprint/remediation.test.ts` checks each). */
  readonly remediation: Remediation;
  /** Listings an open instance gives without credentials (see `InventoryRule`). */
  readonly inventory?: readonly InventoryRule[];
  /**
   * A protocol-level listing the engine reads with its own harmless request sequence, for
   * products whose listing is not a GET: `mcp-tools` is MCP's `initialize` + `tools/list`
   * (names only, never `tools/call`).
   */
  readonly inventoryProtocol?: 'mcp-tools';
}

/**
 * What an open instance lets anyone on the internet do. Alerts list these so the reader knows
 * what is at stake without knowing the product.
 * - `run-code`: execute code or shell commands on the host (notebooks, job runners, code tools);
 * - `read-data`: read documents, datasets, chats, experiment data, vectors or files;
 * - `write-data`: change or delete that data (upload, overwrite, drop collections);
 * - `spend-api-keys`: make calls billed to the organisation's upstream provider keys;
 * - `pull-models`: download, load or delete models on the host (disk, bandwidth, supply chain);
 * - `run-inference`: use the organisation's GPUs/CPUs for free inference;
 * - `admin`: change the product's own settings, users or credentials (take it over).
 */
export type ExposureCapability = 'run-code' | 'read-data' | 'write-data' | 'spend-api-keys' | 'pull-models' | 'run-inference' | 'admin';

export const EXPOSURE_CAPABILITIES: readonly ExposureCapability[] = ['run-code', 'read-data', 'write-data', 'spend-api-keys', 'pull-models', 'run-inference', 'admin'];

/**
 * How to close an open instance, from the product's own docs. Rendered in every alert about an
 * open endpoint and listed by `catalog --json`.
 */
export interface Remediation {
  /**
   * The fix, one or two imperative sentences: turn on the product's own auth (or, where the
   * product has none, bind it to localhost / put an authenticating proxy in front).
   */
  readonly fix: string;
  /** The exact settings the fix names: flags, env vars or config keys, e.g. `OLLAMA_HOST=127.0.0.1`. */
  readonly settings: readonly string[];
  /** The product's own doc for the fix (https URL). */
  readonly docs: string;
  /** What an open instance allows. At least one. */
  readonly allows: readonly ExposureCapability[];
}

/** What kind of thing an inventory listing names. */
export type InventoryKind = 'model' | 'notebook' | 'kernel' | 'session' | 'collection' | 'workflow' | 'tool' | 'app' | 'experiment' | 'dataset' | 'project' | 'deployment';

/**
 * A listing an open instance gives without credentials (model names, collections, workflows...):
 * one harmless GET, read only when the endpoint's auth is `none`. Names are untrusted text: the
 * engine caps and cleans them. Prefer a path the entry already requests (answers are cached).
 */
export interface InventoryRule {
  readonly kind: InventoryKind;
  readonly request: ProbeRequest;
  /** Read only when this matcher passes (defaults to status 200). */
  readonly match?: ResponseMatcher;
  /** JSON path to the names, e.g. `models[].name` or `data[].id`. */
  readonly json: string;
}
