/**
 * Paths whose GET changes state on some product: shutting it down, restarting it, killing work,
 * flushing caches or editing data. The scanner must never send them, whatever product it thinks
 * it is talking to (a wrong guess, a proxy routing to another backend, or a catalog entry written
 * carelessly must not be able to stop someone's server). Two enforcement points use this list:
 * - `validateCatalog` (validate-catalog.ts) refuses, at load, a catalog entry whose requests name
 *   one of these paths;
 * - the HTTP session (probing/http-session.ts) refuses to send one, for every method.
 *
 * Every row names the product, the route and the source where its GET handler was read.
 */
export interface NeverRequestRule {
  /** The path as the product routes it, without query. */
  readonly path: string;
  /** `exact`: that path (a trailing slash, a query, case and dot segments do not escape it); `prefix`: any path starting with it. */
  readonly match: 'exact' | 'prefix';
  readonly product: string;
  /** What a GET does there. */
  readonly effect: string;
  /** Where the GET handler was read (file at release/commit). */
  readonly source: string;
}

const LMDEPLOY = 'InternLM/lmdeploy lmdeploy/serve/openai/endpoints/management.py, read from source at v0.16.0-5-g1263d5c';
const LMDEPLOY_PROXY = 'InternLM/lmdeploy lmdeploy/serve/proxy/proxy.py, read from source at v0.16.0-5-g1263d5c';
const SGLANG = 'sgl-project/sglang python/sglang/srt/entrypoints/http_server.py (`@app.api_route(..., methods=["GET", "POST"])`), read from source at main (2026)';
const DTALE_APP = 'man-group/dtale dtale/app.py, read from source at v3.22.0 (d34f0a5)';
const DTALE_VIEWS = 'man-group/dtale dtale/views.py (blueprint mounted at /dtale, routes without methods= answer GET), read from source at v3.22.0 (d34f0a5)';
const RAY = 'ray-project/ray python/ray/dashboard/modules/actor/actor_head.py / api_head (`@routes.get("/api/actors/kill")`), read from source at master (2025)';
const GPT_SOVITS_V2 = 'RVC-Boss/GPT-SoVITS api_v2.py (`@APP.get("/control")` -> `handle_control`: os.execl / os.kill SIGTERM; `@APP.get("/set_*")`), read from source at 20250606v2pro-80-g48b1a01';
const GPT_SOVITS_V1 = 'RVC-Boss/GPT-SoVITS api.py (`@app.get("/control")`, `@app.get("/set_model")`, `@app.get("/change_refer")`), read from source at 20250606v2pro-80-g48b1a01';
const VECTOR_ADMIN = 'Mintplex-Labs/vector-admin backend/endpoints/system.js (mounted under /api by backend/index.js), read from source at 5cd91c3';
const COZE_STUDIO = 'coze-dev/coze-studio backend/api/router/coze/api.go (`_logout.GET`, `_reset.GET`) and backend/application/user/user.go (`PassportWebEmailPasswordResetGet` calls ResetPassword), read from source at v0.5.1-5-g4f786d6a9';
const LLAMA_SWAP = 'mostlygeek/llama-swap internal/server/server.go (`mux.Handle("GET /unload", ...)`, `/upstream/{upstreamPath...}` for every method), read from source at v250-5-g0bdb3720';
const COMFY_MANAGER = 'Comfy-Org/ComfyUI-Manager glob/manager_server.py (`@routes.get("/manager/reboot")`, os.execv), read from source at main (2025); ComfyUI also serves every route under /api';

export const NEVER_REQUEST: readonly NeverRequestRule[] = [
  { path: '/terminate', match: 'exact', product: 'LMDeploy api_server', effect: 'kills the server (SIGTERM) when started with --allow-terminate-by-client', source: LMDEPLOY },
  { path: '/nodes/terminate_all', match: 'exact', product: 'LMDeploy proxy', effect: 'terminates every api_server node behind the proxy', source: LMDEPLOY_PROXY },
  { path: '/flush_cache', match: 'exact', product: 'SGLang', effect: 'flushes the radix/KV cache', source: SGLANG },
  { path: '/clear_hicache_storage_backend', match: 'exact', product: 'SGLang', effect: 'clears the hierarchical cache storage backend', source: SGLANG },
  { path: '/start_profile', match: 'exact', product: 'SGLang', effect: 'starts the torch profiler (slows the server, writes traces to disk)', source: SGLANG },
  { path: '/stop_profile', match: 'exact', product: 'SGLang', effect: 'stops a running profile and dumps it', source: SGLANG },
  { path: '/set_trace_level', match: 'exact', product: 'SGLang', effect: 'changes the global trace level', source: SGLANG },
  { path: '/freeze_gc', match: 'exact', product: 'SGLang', effect: 'freezes Python garbage collection', source: SGLANG },
  { path: '/start_expert_distribution_record', match: 'exact', product: 'SGLang', effect: 'starts recording (and clears) the MoE expert distribution', source: SGLANG },
  { path: '/stop_expert_distribution_record', match: 'exact', product: 'SGLang', effect: 'stops the expert distribution record', source: SGLANG },
  { path: '/dump_expert_distribution_record', match: 'exact', product: 'SGLang', effect: 'dumps the expert distribution record to disk', source: SGLANG },
  { path: '/shutdown', match: 'exact', product: 'D-Tale', effect: 'shuts the server down', source: DTALE_APP },
  { path: '/dtale/cleanup-datasets', match: 'exact', product: 'D-Tale', effect: 'drops loaded datasets', source: DTALE_VIEWS },
  { path: '/dtale/update-', match: 'prefix', product: 'D-Tale', effect: 'changes settings, formats, column positions, locks or selections', source: DTALE_VIEWS },
  { path: '/dtale/delete-col/', match: 'prefix', product: 'D-Tale', effect: 'deletes a column', source: DTALE_VIEWS },
  { path: '/dtale/rename-col/', match: 'prefix', product: 'D-Tale', effect: 'renames a column', source: DTALE_VIEWS },
  { path: '/dtale/duplicate-col/', match: 'prefix', product: 'D-Tale', effect: 'duplicates a column', source: DTALE_VIEWS },
  { path: '/dtale/edit-cell/', match: 'prefix', product: 'D-Tale', effect: 'edits a cell', source: DTALE_VIEWS },
  { path: '/dtale/build-column/', match: 'prefix', product: 'D-Tale', effect: 'adds a computed column', source: DTALE_VIEWS },
  { path: '/dtale/build-replacement/', match: 'prefix', product: 'D-Tale', effect: 'replaces values in a column', source: DTALE_VIEWS },
  { path: '/dtale/reshape/', match: 'prefix', product: 'D-Tale', effect: 'reshapes a dataset into a new one', source: DTALE_VIEWS },
  { path: '/dtale/duplicates/', match: 'prefix', product: 'D-Tale', effect: 'removes duplicate rows/columns', source: DTALE_VIEWS },
  { path: '/dtale/drop-filtered-rows/', match: 'prefix', product: 'D-Tale', effect: 'drops rows', source: DTALE_VIEWS },
  { path: '/dtale/save-column-filter/', match: 'prefix', product: 'D-Tale', effect: 'saves a column filter', source: DTALE_VIEWS },
  { path: '/api/actors/kill', match: 'exact', product: 'Ray dashboard', effect: 'kills an actor (actor_id query)', source: RAY },
  { path: '/unload', match: 'exact', product: 'llama-swap', effect: 'stops every running model process', source: LLAMA_SWAP },
  { path: '/upstream/', match: 'prefix', product: 'llama-swap', effect: 'proxies to the named model, starting (swapping in) its process and unloading others', source: LLAMA_SWAP },
  { path: '/manager/reboot', match: 'exact', product: 'ComfyUI-Manager', effect: 'restarts ComfyUI (os.execv)', source: COMFY_MANAGER },
  { path: '/api/manager/reboot', match: 'exact', product: 'ComfyUI-Manager', effect: 'restarts ComfyUI (the same route under /api)', source: COMFY_MANAGER },
  { path: '/v2/manager/reboot', match: 'exact', product: 'ComfyUI-Manager', effect: 'restarts ComfyUI (manager v2 route)', source: COMFY_MANAGER },
  { path: '/api/v2/manager/reboot', match: 'exact', product: 'ComfyUI-Manager', effect: 'restarts ComfyUI (manager v2 route under /api)', source: COMFY_MANAGER },
  { path: '/control', match: 'exact', product: 'GPT-SoVITS API (api.py, api_v2.py)', effect: 'restarts (command=restart, os.execl) or kills (command=exit) the server', source: GPT_SOVITS_V2 },
  { path: '/set_gpt_weights', match: 'exact', product: 'GPT-SoVITS API v2', effect: 'loads other GPT weights (weights_path query)', source: GPT_SOVITS_V2 },
  { path: '/set_sovits_weights', match: 'exact', product: 'GPT-SoVITS API v2', effect: 'loads other SoVITS weights (weights_path query)', source: GPT_SOVITS_V2 },
  { path: '/set_refer_audio', match: 'exact', product: 'GPT-SoVITS API v2', effect: 'replaces the reference audio', source: GPT_SOVITS_V2 },
  { path: '/set_model', match: 'exact', product: 'GPT-SoVITS API v1', effect: 'loads other GPT/SoVITS weights', source: GPT_SOVITS_V1 },
  { path: '/change_refer', match: 'exact', product: 'GPT-SoVITS API v1', effect: 'replaces the default reference audio and text', source: GPT_SOVITS_V1 },
  { path: '/api/migrate', match: 'exact', product: 'VectorAdmin', effect: 'runs `npx prisma migrate deploy` on the database', source: VECTOR_ADMIN },
  { path: '/api/env-dump', match: 'exact', product: 'VectorAdmin', effect: 'rewrites the server .env file from the process environment (production)', source: VECTOR_ADMIN },
  { path: '/api/passport/web/logout', match: 'exact', product: 'Coze Studio', effect: 'logs the session out (clears the session)', source: COZE_STUDIO },
  { path: '/api/passport/web/email/password/reset', match: 'exact', product: 'Coze Studio', effect: 'resets the signed-in user\'s password from the query (email, password)', source: COZE_STUDIO },
];

/**
 * The path a server would route, for comparison: query and fragment dropped, dot segments
 * resolved and percent-escapes decoded (as servers do before routing), repeated slashes folded,
 * trailing slashes dropped, lower-cased (a case-insensitive router, or a proxy in front of one,
 * must not be a way round the list).
 */
export function normalizeRequestPath(path: string): string {
  // Repeated slashes folded first: `//x` would otherwise parse as a host name.
  const raw = (path.split(/[?#]/, 1)[0] ?? '').replace(/\/+/g, '/');
  let resolved: string;
  try {
    resolved = new URL(raw.startsWith('/') ? raw : `/${raw}`, 'http://never-request.invalid').pathname;
  } catch {
    resolved = raw;
  }
  let decoded = resolved;
  // Twice: a double-encoded %252F is decoded by some proxy chains.
  for (let i = 0; i < 2; i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  // Decoding may reveal new dot segments (%2e%2e): resolve once more.
  try {
    decoded = new URL(decoded.replace(/\/+/g, '/'), 'http://never-request.invalid').pathname;
  } catch {
    /* keep as is */
  }
  const folded = decoded.replace(/\/+/g, '/').replace(/(.)\/+$/, '$1');
  return folded.toLowerCase();
}

/**
 * Verdicts by path as sent: the session asks for every request, and an endpoint's probes repeat
 * the catalog's few hundred paths (normalising one costs two URL parses and two decodes). Bounded,
 * since some paths come from what a scanned host answered.
 */
const verdicts = new Map<string, NeverRequestRule | null>();
const MAX_VERDICTS = 4096;

/** The rule that forbids this request path, if any. */
export function neverRequestRule(path: string): NeverRequestRule | undefined {
  let verdict = verdicts.get(path);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdict = findNeverRequestRule(path) ?? null;
    verdicts.set(path, verdict);
  }
  return verdict ?? undefined;
}

function findNeverRequestRule(path: string): NeverRequestRule | undefined {
  const p = normalizeRequestPath(path);
  return NEVER_REQUEST.find((rule) => {
    const r = rule.path.toLowerCase();
    return rule.match === 'exact' ? p === r.replace(/(.)\/+$/, '$1') : p.startsWith(r) || p === r.replace(/\/+$/, '');
  });
}
