import { createHash } from 'node:crypto';
import { cleanText } from '../alerts/sanitize.js';
import type { ExposureCapability, InventoryKind } from '../fingerprint/catalog-schema.js';

/** One thing an open endpoint lists without credentials: a model, a collection, an MCP tool... */
export interface InventoryItem {
  readonly kind: InventoryKind;
  /** Untrusted text from the scanned host: cleaned and capped by `summarizeInventory`. */
  readonly name: string;
}

/**
 * What the monitor keeps of a listing: a digest of the whole listing (to tell "changed" without
 * keeping it), its size, and the first `MAX_STORED_ITEMS` names in order (to say what was added
 * and removed). Bounded, so a host listing a million names costs a few kilobytes of state.
 */
export interface InventorySnapshot {
  readonly digest: string;
  readonly total: number;
  readonly items: readonly InventoryItem[];
  /** More names were listed than kept in `items`. */
  readonly truncated: boolean;
}

/** What a change of listing looks like in an alert. */
export interface InventoryChange {
  readonly added: readonly InventoryItem[];
  readonly removed: readonly InventoryItem[];
  /** Capabilities the added items bring (e.g. an MCP tool that runs shell commands). */
  readonly addsCapabilities: readonly ExposureCapability[];
}

export const MAX_STORED_ITEMS = 200;
export const MAX_NAME_LENGTH = 80;
/** Names read from one listing at most (the rest only counts toward `total`). */
export const MAX_READ_ITEMS = 10_000;
/** Names shown per list in one alert. */
export const MAX_ALERT_ITEMS = 20;

/** Cleans, de-duplicates and sorts what a host listed, and hashes the whole of it. */
export function summarizeInventory(raw: readonly InventoryItem[], listed = raw.length): InventorySnapshot {
  const seen = new Set<string>();
  const items: InventoryItem[] = [];
  for (const item of raw.slice(0, MAX_READ_ITEMS)) {
    const name = cleanText(item.name, MAX_NAME_LENGTH);
    const key = `${item.kind}\u0000${name}`;
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    items.push({ kind: item.kind, name });
  }
  items.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  const hash = createHash('sha256');
  for (const item of items) hash.update(`${item.kind}\u0000${item.name}\u0001`);
  const total = Math.max(items.length, listed - (raw.length - items.length));
  return { digest: hash.digest('hex').slice(0, 32), total, items: items.slice(0, MAX_STORED_ITEMS), truncated: items.length > MAX_STORED_ITEMS };
}

/** Added and removed names between two snapshots; undefined when the listing is unchanged. */
export function diffInventory(previous: InventorySnapshot, current: InventorySnapshot): InventoryChange | undefined {
  if (previous.digest === current.digest) return undefined;
  const key = (i: InventoryItem): string => `${i.kind}\u0000${i.name}`;
  const before = new Set(previous.items.map(key));
  const after = new Set(current.items.map(key));
  const added = current.items.filter((i) => !before.has(key(i)));
  // A truncated snapshot only knows its first names: an item past the cut is not "removed".
  const lastKept = current.truncated ? current.items[current.items.length - 1] : undefined;
  const removed = previous.items.filter((i) => !after.has(key(i)) && (lastKept === undefined || compareItems(i, lastKept) < 0));
  const addsCapabilities = [...new Set(added.flatMap((i) => itemCapabilities(i)))];
  return { added, removed, addsCapabilities };
}

function compareItems(a: InventoryItem, b: InventoryItem): number {
  return a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'en', { numeric: true });
}

/**
 * Tool names that run code or commands on the host, by the words MCP servers use for them
 * (the reference servers' and common community servers' tool names: `execute_command`,
 * `run_python`, `shell`, `exec`, `eval`, `terminal`, `bash`, `code_interpreter`...).
 */
const CODE_RUNNING_TOOL = /(^|[^a-z])(exec|execute|shell|bash|zsh|powershell|cmd|terminal|command|eval|python|node|javascript|script|code[_-]?interpreter|run[_-]?code|subprocess|spawn)([^a-z]|$)/i;
/** Tool names that write, move or delete files or records. */
const DATA_WRITING_TOOL = /(^|[^a-z])(write|edit|delete|remove|move|rename|create|update|insert|drop|upload|put)([^a-z]|$)/i;

/** What one listed item lets a caller do, where its name says so (only tools carry capabilities). */
export function itemCapabilities(item: InventoryItem): ExposureCapability[] {
  if (item.kind !== 'tool') return [];
  const words = item.name.replace(/([a-z])([A-Z])/g, '$1_$2');
  const out: ExposureCapability[] = [];
  if (CODE_RUNNING_TOOL.test(words)) out.push('run-code');
  if (DATA_WRITING_TOOL.test(words)) out.push('write-data');
  return out;
}
