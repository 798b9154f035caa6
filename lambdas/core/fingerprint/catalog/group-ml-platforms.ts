import type { CatalogEntry } from '../catalog-schema.js';
import { aim } from './aim.js';
import { arizePhoenix } from './arize-phoenix.js';
import { bentoml } from './bentoml.js';
import { chroma } from './chroma.js';
import { clearml } from './clearml.js';
import { h2o } from './h2o.js';
import { jupyterhub } from './jupyterhub.js';
import { kserve } from './kserve.js';
import { kubeflow } from './kubeflow.js';
import { labelStudio } from './label-studio.js';
import { langfuse } from './langfuse.js';
import { milvus } from './milvus.js';
import { mlserver } from './mlserver.js';
import { streamlit } from './streamlit.js';
import { tensorboard } from './tensorboard.js';
import { torchserve } from './torchserve.js';
import { weaviate } from './weaviate.js';
import { zenml } from './zenml.js';

/**
 * Catalog entries of this group, in evaluation order (see index.ts). All but the last four identify
 * from answers earlier entries already asked for (`/`, `/api`, `/api/version`, `/v2`, `/metrics`,
 * `/docs.json`, `/openapi.json`), so an endpoint that is none of them pays no extra request for
 * them; Milvus, Label Studio, Langfuse and Streamlit need one path of their own each and go last.
 * SPA products (Kubeflow, Aim, Phoenix, ZenML, Streamlit) answer every unknown path with their
 * page, which the engine's canary check discards, so they identify from an API answer instead.
 * No two entries here can match the same answer: `/v2` is told apart by `name` (kserve, mlserver;
 * Triton's "triton" is matched earlier by its own entry) and every other matcher needs the
 * product's own error type, header, title or JSON.
 */
export const mlPlatforms: readonly CatalogEntry[] = [
  torchserve,
  kserve,
  mlserver,
  weaviate,
  h2o,
  jupyterhub,
  clearml,
  kubeflow,
  tensorboard,
  bentoml,
  arizePhoenix,
  aim,
  zenml,
  chroma,
  milvus,
  labelStudio,
  langfuse,
  streamlit,
];
