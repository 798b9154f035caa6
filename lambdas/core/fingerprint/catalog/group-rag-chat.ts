import type { CatalogEntry } from '../catalog-schema.js';
import { bisheng } from './bisheng.js';
import { chuanhuChat } from './chuanhu-chat.js';
import { cozeStudio } from './coze-studio.js';
import { devika } from './devika.js';
import { docsgpt } from './docsgpt.js';
import { fastgpt } from './fastgpt.js';
import { gptAcademic } from './gpt-academic.js';
import { h2ogpt } from './h2ogpt.js';
import { kotaemon } from './kotaemon.js';
import { lightrag } from './lightrag.js';
import { qanything } from './qanything.js';
import { vectoradmin } from './vectoradmin.js';
import { weknora } from './weknora.js';

/**
 * RAG apps, chat UIs, knowledge-base and LLM app platforms added for issue 11 (Catalog 2.0), each
 * read from the product's own source (the entry says where and at which release). Entries that key
 * on shared paths (`/openapi.json`, `/api/config`, `/api/status`, `/`) come first; Gradio apps
 * refine the Gradio entry and cost no request of their own where Gradio answered.
 */
export const ragChat: readonly CatalogEntry[] = [lightrag, docsgpt, devika, weknora, bisheng, fastgpt, cozeStudio, vectoradmin, qanything, kotaemon, chuanhuChat, gptAcademic, h2ogpt];
