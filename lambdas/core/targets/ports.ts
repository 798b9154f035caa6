import { InputError } from './address.js';

/** At most this many ports per range: each port multiplies the sweep. */
export const MAX_PORTS = 64;

/** Named port lists (`catalog`, `ai`, `all`: see `port-sets.ts`), given by whoever knows the catalog. */
export type PortSets = Readonly<Record<string, readonly number[]>>;

export interface ParsePortsOptions {
  /** Names that stand for a whole list (`"ai,9443"`); their ports do not count against `maxPorts`. */
  readonly sets?: PortSets;
  /** Most ports given one by one or as ranges (default MAX_PORTS). */
  readonly maxPorts?: number;
}

/**
 * Parses `"80,443,8000-8002"` (or an array of numbers/strings) into a sorted, unique list. With
 * `sets`, an item may name a port set (`"ai"`, `"catalog,9443"`).
 */
export function parsePorts(input: string | readonly (string | number)[], field = 'ports', options: ParsePortsOptions = {}): number[] {
  const maxPorts = options.maxPorts ?? MAX_PORTS;
  const sets = options.sets ?? {};
  const parts =
    typeof input === 'string'
      ? input.split(',')
      : input.map((item) => {
          if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'bigint') {
            throw new InputError(`${field}: ${Array.isArray(item) ? 'a list' : typeof item} is not a port number`);
          }
          return String(item);
        });
  const ports = new Set<number>();
  const fromSets = new Set<number>();
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    if (Object.hasOwn(sets, part)) {
      for (const port of sets[part] as readonly number[]) fromSets.add(port);
      continue;
    }
    if (/^[a-z]+$/i.test(part)) {
      throw new InputError(`${field}: "${part}" is not a port number${Object.keys(sets).length > 0 ? ` or a port set (${Object.keys(sets).join(', ')})` : ''}`);
    }
    const range = /^(\d{1,5})-(\d{1,5})$/.exec(part);
    if (range) {
      const lo = checkPort(range[1] as string, field);
      const hi = checkPort(range[2] as string, field);
      if (hi < lo) throw new InputError(`${field}: "${part}" is an empty port range`);
      if (hi - lo + 1 > maxPorts) throw new InputError(`${field}: "${part}" spans more than ${maxPorts} ports${Object.hasOwn(sets, 'all') ? ' (the set "all" has every port)' : ''}`);
      for (let p = lo; p <= hi; p++) ports.add(p);
    } else {
      ports.add(checkPort(part, field));
    }
  }
  if (ports.size === 0 && fromSets.size === 0) throw new InputError(`${field}: no port given in "${String(input)}"`);
  if (ports.size > maxPorts) throw new InputError(`${field}: ${ports.size} ports given, at most ${maxPorts} are allowed`);
  for (const port of fromSets) ports.add(port);
  return [...ports].sort((a, b) => a - b);
}

function checkPort(text: string, field: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new InputError(`${field}: "${text}" is not a port number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw new InputError(`${field}: ${port} is out of range (1-65535)`);
  return port;
}
