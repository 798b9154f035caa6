import { InputError } from './address.js';

/** At most this many ports per range: each port multiplies the sweep. */
export const MAX_PORTS = 64;

/** Parses `"80,443,8000-8002"` (or an array of numbers/strings) into a sorted, unique list. */
export function parsePorts(input: string | readonly (string | number)[], field = 'ports'): number[] {
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
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    const range = /^(\d{1,5})-(\d{1,5})$/.exec(part);
    if (range) {
      const lo = checkPort(range[1] as string, field);
      const hi = checkPort(range[2] as string, field);
      if (hi < lo) throw new InputError(`${field}: "${part}" is an empty port range`);
      if (hi - lo + 1 > MAX_PORTS) throw new InputError(`${field}: "${part}" spans more than ${MAX_PORTS} ports`);
      for (let p = lo; p <= hi; p++) ports.add(p);
    } else {
      ports.add(checkPort(part, field));
    }
  }
  if (ports.size === 0) throw new InputError(`${field}: no port given in "${String(input)}"`);
  if (ports.size > MAX_PORTS) throw new InputError(`${field}: ${ports.size} ports given, at most ${MAX_PORTS} are allowed`);
  return [...ports].sort((a, b) => a - b);
}

function checkPort(text: string, field: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new InputError(`${field}: "${text}" is not a port number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw new InputError(`${field}: ${port} is out of range (1-65535)`);
  return port;
}
