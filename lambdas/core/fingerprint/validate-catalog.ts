import type { CatalogEntry, ProbeRequest } from './catalog-schema.js';
import { neverRequestRule } from './never-request.js';

/** Every request an entry can make, with where in the entry it sits (for the error message). */
function requestsOf(entry: CatalogEntry): { where: string; request: ProbeRequest }[] {
  return [
    ...entry.identify.map((p, i) => ({ where: `identify[${i}]`, request: p.request })),
    ...entry.identify.flatMap((p, i) => (p.confirm ? [{ where: `identify[${i}].confirm`, request: p.confirm.request }] : [])),
    ...entry.auth.map((r, i) => ({ where: `auth[${i}]`, request: r.request })),
    ...(entry.version ?? []).map((r, i) => ({ where: `version[${i}]`, request: r.request })),
    ...(entry.defaultCredentials ?? []).map((c, i) => ({ where: `defaultCredentials[${i}]`, request: c.request })),
    ...(entry.inventory ?? []).map((r, i) => ({ where: `inventory[${i}]`, request: r.request })),
  ];
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `name=value&name=value`, every name non-empty and every part already percent-encoded. */
function isForm(text: string): boolean {
  return text.split('&').every((pair) => /^[A-Za-z0-9_.~%+-]+=[A-Za-z0-9_.~%+-]*$/.test(pair));
}

/** What is wrong with a catalog, one line per problem naming the entry, the field and the value. */
export function catalogProblems(catalog: readonly CatalogEntry[]): string[] {
  const problems: string[] = [];
  for (const entry of catalog) {
    for (const { where, request } of requestsOf(entry)) {
      if (!request.path.startsWith('/')) problems.push(`catalog entry "${entry.service}" ${where}: path "${request.path}" does not start with "/"`);
      // A POST is only the read-only kind ProbeRequest describes: a fixed JSON body.
      // A form body only for an opt-in default-credential login (a product whose login takes a form).
      if (request.bodyEncoding !== undefined && !where.startsWith('defaultCredentials[')) {
        problems.push(`catalog entry "${entry.service}" ${where}: ${request.method ?? 'GET'} ${request.path} has bodyEncoding "${request.bodyEncoding}", allowed only in defaultCredentials`);
      }
      if (request.method === 'POST') {
        if (request.body === undefined) problems.push(`catalog entry "${entry.service}" ${where}: POST ${request.path} has no fixed body`);
        else if (request.bodyEncoding === 'form') {
          if (!isForm(request.body)) problems.push(`catalog entry "${entry.service}" ${where}: POST ${request.path} body ${JSON.stringify(request.body)} is not a form (name=value pairs joined by &)`);
        } else if (!isJson(request.body)) problems.push(`catalog entry "${entry.service}" ${where}: POST ${request.path} body ${JSON.stringify(request.body)} is not JSON`);
      } else if (request.body !== undefined) {
        problems.push(`catalog entry "${entry.service}" ${where}: ${request.method ?? 'GET'} ${request.path} carries a body`);
      }
      const rule = neverRequestRule(request.path);
      if (rule) {
        problems.push(
          `catalog entry "${entry.service}" ${where}: path "${request.path}" is on the never-request list (${rule.product} ${rule.path}: a GET ${rule.effect}; ${rule.source})`,
        );
      }
    }
  }
  return problems;
}

/** Returns the catalog unchanged, or throws one error listing every problem (called when the catalog loads). */
export function validateCatalog<T extends readonly CatalogEntry[]>(catalog: T): T {
  const problems = catalogProblems(catalog);
  if (problems.length > 0) throw new Error(`invalid fingerprint catalog:\n  ${problems.join('\n  ')}`);
  return catalog;
}
