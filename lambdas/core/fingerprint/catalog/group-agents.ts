import type { CatalogEntry } from '../catalog-schema.js';
import { agentscopeStudio } from './agentscope-studio.js';
import { autogenStudio } from './autogen-studio.js';
import { crawl4ai } from './crawl4ai.js';
import { f5Tts } from './f5-tts.js';
import { gptSovits } from './gpt-sovits.js';
import { kokoroFastapi } from './kokoro-fastapi.js';
import { langserve } from './langserve.js';
import { mcpo } from './mcpo.js';
import { n8nMcp } from './n8n-mcp.js';
import { openedaiSpeech } from './openedai-speech.js';
import { pythonMcpProxy } from './python-mcp-proxy.js';
import { speaches } from './speaches.js';
import { whisperAsrWebservice } from './whisper-asr-webservice.js';
import { xttsApiServer } from './xtts-api-server.js';

/**
 * Agent servers, agent builders, MCP servers/proxies and speech UIs/APIs (issue 11, catalog 2.0),
 * each read from the product's own source (the entry says where and at which release). Entries
 * keyed on shared paths (`/openapi.json`, `/`, `/health`, `/v1/models`, `/config`) come first;
 * the Gradio-based ones refine the Gradio entry, the Python mcp-proxy the generic MCP one.
 */
export const agents: readonly CatalogEntry[] = [
  langserve,
  mcpo,
  speaches,
  whisperAsrWebservice,
  kokoroFastapi,
  openedaiSpeech,
  xttsApiServer,
  autogenStudio,
  n8nMcp,
  crawl4ai,
  agentscopeStudio,
  gptSovits,
  f5Tts,
  pythonMcpProxy,
];
