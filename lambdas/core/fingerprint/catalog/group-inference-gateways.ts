import type { CatalogEntry } from '../catalog-schema.js';
import { basetenTruss } from './baseten-truss.js';
import { bifrost } from './bifrost.js';
import { deepspeedMii } from './deepspeed-mii.js';
import { gpustack } from './gpustack.js';
import { instructlab } from './instructlab.js';
import { kubeai } from './kubeai.js';
import { llamaSwap } from './llama-swap.js';
import { mistralRs } from './mistral-rs.js';
import { mlcLlm } from './mlc-llm.js';
import { ninerouter } from './ninerouter.js';
import { nvidiaDynamo } from './nvidia-dynamo.js';
import { openvinoModelServer } from './openvino-model-server.js';
import { sub2api } from './sub2api.js';
import { tensorzero } from './tensorzero.js';

/**
 * AI inference servers and AI gateways added for Catalog 2.0 (issue 11), each read from the
 * product's own source (the entry says where and at which release). Shared paths first
 * (`/v1/models`, `/openapi.json`, `/health`, `/api/config`, `/`), entries that need a path of their own last.
 */
export const inferenceGateways: readonly CatalogEntry[] = [
  mlcLlm,
  deepspeedMii,
  instructlab,
  basetenTruss,
  llamaSwap,
  mistralRs,
  nvidiaDynamo,
  gpustack,
  openvinoModelServer,
  tensorzero,
  bifrost,
  sub2api,
  kubeai,
  ninerouter,
];
