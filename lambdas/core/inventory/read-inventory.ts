import type { InventoryRule } from '../fingerprint/catalog-schema.js';
import type { HttpFetch } from '../fingerprint/http-result.js';
import { matches, parseJsonBody, valuesAt } from '../fingerprint/match.js';
import { type InventoryItem, MAX_READ_ITEMS } from './inventory.js';

/**
 * Reads the listings an open endpoint gives without credentials, following the entry's rules
 * (harmless GETs, usually answers already cached from fingerprinting). A rule whose answer does
 * not match, or whose path holds no names, contributes nothing; undefined when no rule answered,
 * so "could not read" is never mistaken for "lists nothing".
 */
export async function readInventory(fetch: HttpFetch, rules: readonly InventoryRule[]): Promise<{ items: InventoryItem[]; listed: number } | undefined> {
  let answered = false;
  const items: InventoryItem[] = [];
  let listed = 0;
  for (const rule of rules) {
    const result = await fetch(rule.request);
    if (!result.ok || !matches(result, rule.match ?? { status: 200 })) continue;
    const parsed = parseJsonBody(result);
    if (!parsed) continue;
    answered = true;
    const values = valuesAt(parsed.value, rule.json);
    listed += values.length;
    for (const value of values) {
      if (items.length >= MAX_READ_ITEMS) break;
      if (typeof value === 'string' || typeof value === 'number') items.push({ kind: rule.kind, name: String(value) });
    }
  }
  return answered ? { items, listed } : undefined;
}
