import type { CatalogEntry } from '../catalog-schema.js';

/** Catalog entries of this group, in evaluation order (see index.ts). */
export const aiApps: readonly CatalogEntry[] = [];
