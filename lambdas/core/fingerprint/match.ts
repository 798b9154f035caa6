import type { JsonCheck, ResponseMatcher } from './catalog-schema.js';
import type { HttpResponse } from './http-result.js';

/**
 * Parsed JSON bodies are memoised per response object: several matchers read the same body.
 * Responses live as long as their endpoint is being fingerprinted, so only small bodies (and every
 * "not JSON" verdict) are memoised for that long; a larger body keeps its parse in a single slot,
 * which still serves the runs of matchers reading the same response in a row. Why (found by
 * test/hostile): parsed JSON takes several times its text (an object of 1 MiB of distinct keys:
 * ~6 MiB), and 32 endpoints answering such bodies grew the prober by 850 MB at the default limits.
 */
const parsedBodies = new WeakMap<HttpResponse, { value: unknown } | null>();
const MEMO_MAX_CHARS = 16 * 1024;
let lastLarge: { response: HttpResponse; parsed: { value: unknown } } | undefined;

export function parseJsonBody(response: HttpResponse): { value: unknown } | null {
  if (parsedBodies.has(response)) return parsedBodies.get(response) ?? null;
  if (lastLarge?.response === response) return lastLarge.parsed;
  let parsed: { value: unknown } | null = null;
  const text = response.body.trimStart();
  if (!response.truncated && (text.startsWith('{') || text.startsWith('[')) && withinJsonBounds(text)) {
    try {
      parsed = { value: JSON.parse(text) };
    } catch {
      parsed = null;
    }
  }
  if (parsed === null || response.body.length <= MEMO_MAX_CHARS) parsedBodies.set(response, parsed);
  else lastLarge = { response, parsed };
  return parsed;
}

/**
 * Why (found by test/hostile): JSON made of containers parses to far more memory than its text
 * (100k nested `[` in 200 KB: ~5 MB, 28x; `[{},{},...]`: 21x), and one endpoint answering that on
 * every probe path grew the prober by 200 MB at a 256 KiB body cap. No catalog product nests deeper
 * than a few levels or packs more than one container per few dozen characters, so a body beyond
 * these bounds is treated as not JSON; what is parsed stays within a small multiple of its text.
 * Linear in the body, and its verdict is memoised with the parse.
 */
const MAX_JSON_DEPTH = 64;
const JSON_CONTAINERS_FREE = 1_000;
const JSON_CHARS_PER_CONTAINER = 16;

function withinJsonBounds(text: string): boolean {
  const maxContainers = JSON_CONTAINERS_FREE + text.length / JSON_CHARS_PER_CONTAINER;
  let depth = 0;
  let containers = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string ("..." with backslash escapes): brackets inside it are text.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH || ++containers > maxContainers) return false;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return true;
}

/**
 * Values found at a dotted path; `[]` fans out over arrays (`data[].owned_by`). A missing key
 * yields nothing, so a check on it fails.
 */
export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const rawPart of path.split('.')) {
    if (rawPart === '') continue;
    const fanOut = rawPart.endsWith('[]');
    const key = fanOut ? rawPart.slice(0, -2) : rawPart;
    const next: unknown[] = [];
    for (const value of current) {
      let child: unknown = value;
      if (key !== '') {
        if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) continue;
        child = (value as Record<string, unknown>)[key];
      }
      if (fanOut) {
        // A loop, not `next.push(...child)`: spreading an array of more than ~120k items (a
        // hostile `{"data":[0,0,...]}` well under the body cap) throws RangeError (call stack).
        if (Array.isArray(child)) for (const item of child) next.push(item);
      } else {
        next.push(child);
      }
    }
    current = next;
  }
  return current;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function checkJson(root: unknown, check: JsonCheck): boolean {
  const values = valuesAt(root, check.path);
  return values.some(
    (value) =>
      (check.equals === undefined || value === check.equals) &&
      (check.contains === undefined || (typeof value === 'string' && value.includes(check.contains))) &&
      (check.type === undefined || jsonType(value) === check.type),
  );
}

const regexCache = new Map<string, RegExp>();
export function cachedRegex(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    regexCache.set(key, re);
  }
  return re;
}

/** True when the response satisfies every condition of the matcher. */
export function matches(response: HttpResponse, matcher: ResponseMatcher): boolean {
  if (matcher.status !== undefined) {
    const allowed = typeof matcher.status === 'number' ? [matcher.status] : matcher.status;
    if (!allowed.includes(response.status)) return false;
  }
  const body = response.body;
  if (matcher.bodyContains && !matcher.bodyContains.every((s) => body.includes(s))) return false;
  if (matcher.bodyContainsAny && !matcher.bodyContainsAny.some((s) => body.includes(s))) return false;
  if (matcher.bodyExcludes?.some((s) => body.includes(s))) return false;
  if (matcher.bodyRegex && !cachedRegex(matcher.bodyRegex, matcher.bodyRegexFlags).test(body)) return false;
  if (matcher.headers) {
    for (const check of matcher.headers) {
      const value = response.headers[check.name.toLowerCase()];
      if (value === undefined) return false;
      if (check.contains !== undefined && !value.includes(check.contains)) return false;
      if (check.regex !== undefined && !cachedRegex(check.regex, 'i').test(value)) return false;
    }
  }
  if (matcher.json) {
    const parsed = parseJsonBody(response);
    if (!parsed) return false;
    if (!matcher.json.every((check) => checkJson(parsed.value, check))) return false;
  }
  return true;
}
