import type { CatalogEntry } from '../catalog-schema.js';
import { basetenTruss } from './baseten-truss.js';
import { deepspeedMii } from './deepspeed-mii.js';
import { instructlab } from './instructlab.js';
import { kubeai } from './kubeai.js';
import { mlcLlm } from './mlc-llm.js';
import { tensorzero } from './tensorzero.js';

/**
 * AI inference servers and AI gateways added for Catalog 2.0 (issue 11), each read from the
 * product's own source (the entry says where and at which release). Shared paths first
 * (`/v1/models`, `/openapi.json`, `/health`, `/`), entries that need a path of their own last.
 */
export const inferenceGateways: readonly CatalogEntry[] = [mlcLlm, deepspeedMii, instructlab, basetenTruss, tensorzero, kubeai];
