import type { CatalogEntry } from '../catalog-schema.js';
import { validateCatalog } from '../validate-catalog.js';
import { comfyui } from './comfyui.js';
import { gradio } from './gradio.js';
import { agents } from './group-agents.js';
import { aiApps } from './group-ai-apps.js';
import { expansion } from './group-expansion.js';
import { inferenceGateways } from './group-inference-gateways.js';
import { llmServers } from './group-llm-servers.js';
import { mlPlatforms } from './group-ml-platforms.js';
import { mlopsData } from './group-mlops-data.js';
import { ragChat } from './group-rag-chat.js';
import { jupyter } from './jupyter.js';
import { llamaCpp } from './llama-cpp.js';
import { mcpInspector } from './mcp-inspector.js';
import { mlflow } from './mlflow.js';
import { ollama } from './ollama.js';
import { openaiCompatible } from './openai-compatible.js';
import { qdrant } from './qdrant.js';
import { ray } from './ray.js';
import { tfServing } from './tf-serving.js';
import { triton } from './triton.js';
import { vllm } from './vllm.js';

/**
 * Every fingerprint the engine knows. Catalog order breaks ties after port hints and `order`
 * (see `probePlanForPort`); the generic OpenAI-compatible fallback stays last. Validated when it
 * loads: an entry that names a never-request path (never-request.ts) stops the program here.
 */
export const catalog: readonly CatalogEntry[] = validateCatalog([
  ollama,
  vllm,
  llamaCpp,
  triton,
  tfServing,
  jupyter,
  gradio,
  comfyui,
  ray,
  mlflow,
  qdrant,
  ...llmServers,
  ...mlPlatforms,
  ...aiApps,
  ...expansion,
  ...agents,
  ...mlopsData,
  ...ragChat,
  ...inferenceGateways,
  mcpInspector,
  openaiCompatible,
]);
