import { InputError } from './address.js';
import { type Cidr, parseCidr } from './cidr.js';
import { parsePorts } from './ports.js';
import { looksLikeHostName, parseHostName } from './host-name.js';

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

/** A target named by DNS name on the `scan` command line: `chat.example.com` or `chat.example.com:8080`. */
export interface HostTarget {
  readonly name: string;
  readonly port?: number;
}

/** An address target, or a name target when the text is a name (it has a letter and no `/`). */
export function parseAnyTarget(text: string): ScanTarget | HostTarget {
  if (!looksLikeHostName(text)) return parseScanTarget(text);
  // An IPv6 address written out in full has letters and no "::": an address first, a name after.
  try {
    return parseScanTarget(text);
  } catch {
    // not an address: read it as a name below
  }
  const withPort = /^(.*):([^:]*)$/.exec(text.trim());
  const name = parseHostName(withPort ? (withPort[1] as string) : text);
  if (!withPort) return { name };
  const port = parsePorts(withPort[2] as string, `target "${text}": port`);
  if (port.length !== 1) throw new InputError(`target "${text}": give one port after ":"`);
  return { name, port: port[0] as number };
}

export function isHostTarget(target: ScanTarget | HostTarget): target is HostTarget {
  return 'name' in target;
}
