import type { CatalogEntry } from '../catalog-schema.js';
import { airflow } from './airflow.js';
import { argoWorkflows } from './argo-workflows.js';
import { cvat } from './cvat.js';
import { daskDashboard } from './dask-dashboard.js';
import { determined } from './determined.js';
import { evidently } from './evidently.js';
import { feastUi } from './feast-ui.js';
import { flyte } from './flyte.js';
import { labelStudioMlBackend } from './label-studio-ml-backend.js';
import { mageAi } from './mage-ai.js';
import { metaflowService } from './metaflow-service.js';
import { mlrun } from './mlrun.js';
import { uptrain } from './uptrain.js';
import { zeppelin } from './zeppelin.js';

/**
 * MLOps and data tools (issue 11, "Catalog 2.0"): experiment tracking, evaluation / monitoring,
 * training platforms, ML workflow engines and notebooks, each read from the product's own source
 * (the entry says where and at which release). Entries that identify on paths the catalog already
 * sends (`/info`, `/api/version`, `/api/status`, `/`) come first; those that need a path of their
 * own follow, so an open non-AI port costs them nothing.
 */
export const mlopsData: readonly CatalogEntry[] = [zeppelin, evidently, mageAi, uptrain, feastUi, labelStudioMlBackend, determined, daskDashboard, argoWorkflows, flyte, mlrun, airflow, cvat, metaflowService];
