import type { CatalogEntry } from './catalog-schema.js';

/** Every port some catalog entry lists: the default sweep when a range names no ports. */
export function catalogPorts(catalog: readonly CatalogEntry[]): number[] {
  return [...new Set(catalog.flatMap((e) => e.ports))].sort((a, b) => a - b);
}
