import { InputError } from './address.js';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A DNS name given as a target (`chat.example.com`), lower-cased and without a trailing dot; an
 * `InputError` naming the value otherwise. Wildcards are refused: a wildcard record cannot be
 * enumerated, so each name must be registered. An all-numeric last label is an address, not a name.
 */
export function parseHostName(text: string, where = 'target'): string {
  const name = text.trim().toLowerCase().replace(/\.$/, '');
  if (name.startsWith('*')) throw new InputError(`${where} "${text}": a wildcard name cannot be enumerated; register each name it stands for`);
  const labels = name.split('.');
  if (name.length === 0 || name.length > 253 || labels.some((l) => !LABEL.test(l))) {
    throw new InputError(`${where} "${text}": not a valid DNS name (labels of letters, digits and "-", at most 63 characters each, 253 in all)`);
  }
  if (labels.length < 2) throw new InputError(`${where} "${text}": give a fully qualified name (e.g. chat.example.com)`);
  if (/^\d+$/.test(labels.at(-1) as string)) throw new InputError(`${where} "${text}": not a valid address or DNS name`);
  return name;
}

/** Whether a target text is meant as a name rather than an address or CIDR (it has a letter). */
export function looksLikeHostName(text: string): boolean {
  const host = text.trim().replace(/:\d*$/, '');
  return /[a-z*]/i.test(host) && !host.includes('/') && !host.startsWith('[') && !host.includes('::');
}
