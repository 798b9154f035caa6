import type { CatalogEntry } from '../catalog-schema.js';
import { fastchat } from './fastchat.js';
import { gpt4all } from './gpt4all.js';
import { invokeai } from './invokeai.js';
import { jan } from './jan.js';
import { koboldcpp } from './koboldcpp.js';
import { lmStudio } from './lm-studio.js';
import { localai } from './localai.js';
import { nvidiaNim } from './nvidia-nim.js';
import { openllm } from './openllm.js';
import { sdWebui } from './sd-webui.js';
import { sglang } from './sglang.js';
import { tabby } from './tabby.js';
import { tei } from './tei.js';
import { tensorrtLlm } from './tensorrt-llm.js';
import { textGenerationWebui } from './text-generation-webui.js';
import { tgi } from './tgi.js';
import { xinference } from './xinference.js';

/**
 * Catalog entries of this group, in evaluation order (see index.ts). Entries that share a protocol
 * with an earlier catalog entry carry their own `order`, so port ranking puts them first on every
 * port: sd-webui (80; a Gradio app the generic Gradio entry would claim), LocalAI and SGLang (90;
 * emulate Ollama's /api/tags), OpenLLM and NVIDIA NIM (90; serve vLLM's OpenAI router). The rest follow the
 * cost rule: entries identified from paths every scan already sends (`/`, `/v1/models`, `/info`)
 * first, entries that need a path of their own last, so endpoints matched earlier never pay for them.
 */
export const llmServers: readonly CatalogEntry[] = [
  sdWebui,
  localai,
  openllm,
  nvidiaNim,
  invokeai,
  sglang,
  koboldcpp,
  tensorrtLlm,
  fastchat,
  gpt4all,
  tgi,
  tei,
  xinference,
  textGenerationWebui,
  jan,
  tabby,
  lmStudio,
];
