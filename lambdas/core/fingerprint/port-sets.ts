import type { PortSets } from '../targets/ports.js';
import { catalogPorts } from './catalog-ports.js';
import type { CatalogEntry } from './catalog-schema.js';

/**
 * Named port sets, usable wherever ports are given (`--ports ai`, a range row's `ports`, the
 * `ports` context): `catalog`, `ai` (the default) and `all`.
 */
export const PORT_SET_NAMES = ['catalog', 'ai', 'all'] as const;
export type PortSetName = (typeof PORT_SET_NAMES)[number];

/** The set swept when neither the row nor the deployment names ports (chosen from the bench's port-set table). */
export const DEFAULT_PORT_SET: PortSetName = 'ai';

/**
 * Ports where self-hosted AI services land besides their documented defaults, and why:
 * - 3000-3010: Node dev servers and the MCP TypeScript SDK's example servers (3000); a second
 *   server on the host takes the next one (an MCP server on 3001, AnythingLLM's 3001).
 * - 5000-5010: Flask/BentoML/MLflow-style Python servers (5000) and their neighbours.
 * - 8000-8010, 8080-8090: uvicorn/FastAPI (vLLM, FastMCP, NIM: 8000) and Java/Go services (8080),
 *   with the next ports that a second instance on the same host is given.
 * - 9000-9010: home-made OpenAI-compatible gateways and proxies (9000 is the usual free port
 *   after 8000-8999 on ML hosts), also MinIO-style consoles that sit next to MLOps stacks.
 * The products that move on their own (TensorBoard, Gradio, Jupyter, Streamlit) name their
 * neighbour ports in their catalog entry (`alternatePorts`), with the source that says so.
 */
export const DEV_PORT_RANGES: readonly (readonly [number, number])[] = [
  [3000, 3010],
  [5000, 5010],
  [8000, 8010],
  [8080, 8090],
  [9000, 9010],
];

const computed = new WeakMap<readonly CatalogEntry[], PortSets>();

/**
 * The sets for a catalog: `catalog` its ports, `ai` those plus alternates and dev ports, `all`
 * 1-65535. Computed once per catalog (settings are loaded per handler call and per CLI option).
 */
export function portSets(catalog: readonly CatalogEntry[]): PortSets {
  let sets = computed.get(catalog);
  if (!sets) {
    sets = computePortSets(catalog);
    computed.set(catalog, sets);
  }
  return sets;
}

function computePortSets(catalog: readonly CatalogEntry[]): PortSets {
  const catalogSet = catalogPorts(catalog);
  const ai = new Set<number>(catalogSet);
  for (const entry of catalog) for (const port of entry.alternatePorts ?? []) ai.add(port);
  for (const [lo, hi] of DEV_PORT_RANGES) for (let p = lo; p <= hi; p++) ai.add(p);
  return Object.freeze({
    catalog: Object.freeze(catalogSet),
    ai: Object.freeze([...ai].sort((a, b) => a - b)),
    all: Object.freeze(Array.from({ length: 65535 }, (_, i) => i + 1)),
  });
}
