import type { CatalogEntry } from '../catalog-schema.js';
import { agentZero } from './agent-zero.js';
import { aphroditeEngine } from './aphrodite-engine.js';
import { argilla } from './argilla.js';
import { astrbot } from './astrbot.js';
import { cognee } from './cognee.js';
import { dagster } from './dagster.js';
import { doccano } from './doccano.js';
import { dtale } from './dtale.js';
import { googleAdk } from './google-adk.js';
import { gpt4free } from './gpt4free.js';
import { huggingfaceChatUi } from './huggingface-chat-ui.js';
import { hayhooks } from './hayhooks.js';
import { infinityEmb } from './infinity-emb.js';
import { kedroViz } from './kedro-viz.js';
import { langbot } from './langbot.js';
import { khoj } from './khoj.js';
import { letta } from './letta.js';
import { llamaFactory } from './llama-factory.js';
import { llamafile } from './llamafile.js';
import { llamaStack } from './llama-stack.js';
import { marimo } from './marimo.js';
import { marqo } from './marqo.js';
import { maxkb } from './maxkb.js';
import { mcpContextforge } from './mcp-contextforge.js';
import { meilisearch } from './meilisearch.js';
import { mem0Server } from './mem0-server.js';
import { neuralSolution } from './neural-solution.js';
import { newApi } from './new-api.js';
import { oneApi } from './one-api.js';
import { lmdeploy } from './lmdeploy.js';
import { openhands } from './openhands.js';
import { opik } from './opik.js';
import { openInterpreter } from './open-interpreter.js';
import { perplexica } from './perplexica.js';
import { portkeyGateway } from './portkey-gateway.js';
import { prefect } from './prefect.js';
import { tabbyapi } from './tabbyapi.js';
import { typesense } from './typesense.js';

/**
 * Catalog entries added from the catalog-expansion research (issue 11), each read from the
 * product's own source (the entry says where and at which release). They run after the older
 * entries: every one of them keys on JSON fields or texts of its own, so the order follows cost
 * as elsewhere (shared paths first, then entries that need a path of their own).
 */
export const expansion: readonly CatalogEntry[] = [
  lmdeploy,
  aphroditeEngine,
  tabbyapi,
  infinityEmb,
  hayhooks,
  letta,
  llamaStack,
  openInterpreter,
  newApi,
  oneApi,
  perplexica,
  khoj,
  astrbot,
  marimo,
  agentZero,
  googleAdk,
  marqo,
  llamafile,
  huggingfaceChatUi,
  mcpContextforge,
  prefect,
  kedroViz,
  gpt4free,
  portkeyGateway,
  maxkb,
  llamaFactory,
  meilisearch,
  dagster,
  openhands,
  neuralSolution,
  dtale,
  argilla,
  opik,
  typesense,
  mem0Server,
  cognee,
  doccano,
  langbot,
];
