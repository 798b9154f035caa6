import type { CatalogEntry } from '../catalog-schema.js';
import { anythingllm } from './anythingllm.js';
import { dify } from './dify.js';
import { flowise } from './flowise.js';
import { kong } from './kong.js';
import { langflow } from './langflow.js';
import { librechat } from './librechat.js';
import { litellm } from './litellm.js';
import { lobechat } from './lobechat.js';
import { mcpServer } from './mcp-server.js';
import { n8n } from './n8n.js';
import { nextchat } from './nextchat.js';
import { onyx } from './onyx.js';
import { openWebui } from './open-webui.js';
import { privategpt } from './privategpt.js';
import { ragflow } from './ragflow.js';
import { sillytavern } from './sillytavern.js';

/**
 * Catalog entries of this group (chat front-ends, RAG apps, agent builders, AI gateways, MCP), in
 * evaluation order (see index.ts). No two entries here answer the same probe alike: the three
 * `/api/config` readers (Open WebUI, LibreChat, NextChat) and the two `/manifest.json` readers
 * (AnythingLLM, SillyTavern) key on disjoint JSON fields, and Kong/LiteLLM/SillyTavern read `/`
 * differently (JSON tagline, Swagger title, 401/403 realm and text). So the order follows cost:
 * entries identified from shared paths first (one cached request serves several), entries that
 * need a path of their own last. Most of these apps are SPAs that answer index.html with 200 for
 * any path: every identify probe here reads JSON or a non-2xx status, never a page title.
 * PrivateGPT `refines` Gradio (0.x mounts its Gradio UI at `/`).
 */
export const aiApps: readonly CatalogEntry[] = [
  openWebui,
  librechat,
  nextchat,
  onyx,
  kong,
  litellm,
  anythingllm,
  sillytavern,
  flowise,
  langflow,
  dify,
  n8n,
  ragflow,
  lobechat,
  privategpt,
  mcpServer,
];
