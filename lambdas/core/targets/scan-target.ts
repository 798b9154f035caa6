import { InputError } from './address.js';
import { type Cidr, parseCidr } from './cidr.js';
import { parsePorts } from './ports.js';

/** A target named on the `scan` command line: an address, a CIDR, or `ip:port`. */
export interface ScanTarget {
  readonly cidr: Cidr;
  /** Set for `ip:port` targets: only this port is probed on that address. */
  readonly port?: number;
}

/** Parses `203.0.113.7`, `203.0.113.0/28`, `203.0.113.7:8080` or `[2001:db8::1]:8080`. */
export function parseScanTarget(text: string): ScanTarget {
  const trimmed = text.trim();
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(trimmed);
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):([^/]*)$/.exec(trimmed);
  const match = bracketed ?? v4WithPort;
  if (match) {
    const port = parsePorts(match[2] as string, `target "${text}": port`);
    if (port.length !== 1) throw new InputError(`target "${text}": give one port after ":"`);
    let cidr: Cidr;
    try {
      cidr = parseCidr(match[1] as string);
    } catch (err) {
      throw new InputError(`target "${text}": ${(err as Error).message}`);
    }
    if (cidr.first !== cidr.last) throw new InputError(`target "${text}": a target with a port must be one address, not a range`);
    return { cidr, port: port[0] as number };
  }
  try {
    return { cidr: parseCidr(trimmed) };
  } catch (err) {
    throw new InputError(`target "${text}": ${(err as Error).message}`);
  }
}
