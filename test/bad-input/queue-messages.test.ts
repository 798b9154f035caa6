import { describe, expect, it } from 'vitest';
import { BLOCK_SCHEMA } from '../../lambdas/core/planning/block-message.js';
import { MAX_BLOCK_MESSAGE_BYTES, parseBlockMessage } from '../../lambdas/core/planning/parse-block-message.js';
import { InputError } from '../../lambdas/core/targets/address.js';

/**
 * Queue messages the prober may receive: malformed, from another schema version, oversized, with
 * fields of the wrong type, or forged to widen a scan. Each must be refused with an InputError (a
 * permanent failure) whose message names the field and shows the bad value.
 */
const good = { schema: BLOCK_SCHEMA, runId: '20261123T201500Z-3f9a', blockId: 7, range: '127.0.0.0/24', label: 'lab', start: '127.0.0.64', count: 64, ports: [8000, 11434] };
const body = (patch: Record<string, unknown>, drop: string[] = []) => {
  const m: Record<string, unknown> = { ...good, ...patch };
  for (const k of drop) delete m[k];
  return JSON.stringify(m);
};

function refusal(input: unknown): string {
  try {
    parseBlockMessage(input);
  } catch (err) {
    expect(err, `threw ${(err as Error).name} instead of InputError: ${(err as Error).message}`).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error(`accepted: ${typeof input === 'string' ? input.slice(0, 200) : JSON.stringify(input)}`);
}

describe('queue messages: refused with an InputError naming the field and the value', () => {
  it('accepts the good message (sanity check of the table below)', () => {
    expect(parseBlockMessage(JSON.stringify(good))).toEqual(good);
  });

  it.each<[string, unknown, string[]]>([
    // Malformed bodies
    ['empty body', '', ['not JSON']],
    ['truncated JSON', JSON.stringify(good).slice(0, 40), ['not JSON', '{\\"schema\\"']],
    ['not JSON at all', 'hello', ['not JSON', '"hello"']],
    ['a JSON array', JSON.stringify([good]), ['expected a JSON object']],
    ['a JSON string', JSON.stringify(JSON.stringify(good)), ['expected a JSON object']],
    ['JSON null', 'null', ['expected a JSON object']],
    ['a number', 42, ['expected a JSON object']],
    ['oversized', JSON.stringify({ ...good, label: 'x'.repeat(MAX_BLOCK_MESSAGE_BYTES) }), ['bytes, larger than 16384']],
    ['oversized by multi-byte characters', JSON.stringify({ ...good, runId: 'é'.repeat(MAX_BLOCK_MESSAGE_BYTES / 2) }), ['larger than 16384']],
    // Schema version
    ['no schema', body({}, ['schema']), ['field "schema"', 'undefined']],
    ['older schema version', body({ schema: 'ai-exposure-monitor/block@0' }), ['field "schema"', '"ai-exposure-monitor/block@0"']],
    ['newer schema version', body({ schema: 'ai-exposure-monitor/block@2' }), ['field "schema"', '"ai-exposure-monitor/block@2"']],
    ['schema of another app', body({ schema: 'other/block@1' }), ['field "schema"', '"other/block@1"']],
    ['schema as a number', body({ schema: 1 }), ['field "schema"', '1']],
    // Fields of the wrong type or out of bounds
    ['runId missing', body({}, ['runId']), ['field "runId"']],
    ['runId a number', body({ runId: 12 }), ['field "runId"']],
    ['runId empty', body({ runId: '' }), ['field "runId"']],
    ['runId over 200 characters', body({ runId: 'r'.repeat(201) }), ['field "runId"']],
    ['blockId a string', body({ blockId: '7' }), ['field "blockId"', '"7"']],
    ['blockId negative', body({ blockId: -1 }), ['field "blockId"', '-1']],
    ['blockId fractional', body({ blockId: 1.5 }), ['field "blockId"', '1.5']],
    ['blockId too large', body({ blockId: 1e12 }), ['field "blockId"', '1000000000000']],
    ['count missing', body({}, ['count']), ['field "count"', 'undefined']],
    ['count zero', body({ count: 0 }), ['field "count"', '0']],
    ['count a string', body({ count: '64' }), ['field "count"', '"64"']],
    ['count above the block limit', body({ count: 4097 }), ['field "count"', '4097']],
    ['count null', body({ count: null }), ['field "count"', 'null']],
    ['ports missing', body({}, ['ports']), ['field "ports"']],
    ['ports a string', body({ ports: '8000' }), ['field "ports"']],
    ['ports a number', body({ ports: 8000 }), ['field "ports"']],
    ['ports empty', body({ ports: [] }), ['field "ports"']],
    ['ports with junk', body({ ports: [8000, 'http'] }), ['field "ports"', '"http"']],
    ['ports out of range', body({ ports: [70000] }), ['field "ports"', '70000']],
    ['ports too many', body({ ports: Array.from({ length: 2049 }, (_, i) => 8000 + i) }), ['field "ports"', '2049 ports']],
    ['label a number', body({ label: 5 }), ['field "label"']],
    ['label empty', body({ label: '' }), ['field "label"']],
    ['muted false', body({ muted: false }), ['field "muted"', 'false']],
    ['muted a string', body({ muted: 'true' }), ['field "muted"', '"true"']],
    ['range missing', body({}, ['range']), ['field "range"']],
    ['range a number', body({ range: 24 }), ['field "range"']],
    ['start missing', body({}, ['start']), ['field "start"']],
    ['start a number', body({ start: 2130706496 }), ['field "start"']],
    // Forged to widen a scan: the block must lie inside its range
    ['block running past the end of its range', body({ start: '127.0.0.250', count: 64 }), ['127.0.0.250 +64', 'outside its range 127.0.0.0/24']],
    ['block before its range', body({ start: '126.255.255.255', count: 1 }), ['126.255.255.255', 'outside its range']],
    ['block of another family', body({ start: '::1', count: 1 }), ['::1', 'outside its range']],
    // Regression (found by this suite, fixed): these two are refused, but the message names neither the field nor says it is
    // the block message's: `"not-a-cidr" is not a valid CIDR: ...` / `"nope" is not an IPv4 or IPv6 address`.
    ['range not a CIDR', body({ range: 'not-a-cidr' }), ['field "range"', '"not-a-cidr"']],
    ['range with host bits set', body({ range: '127.0.0.1/24' }), ['field "range"', '"127.0.0.1/24"']],
    ['start not an address', body({ start: 'nope' }), ['field "start"', '"nope"']],
    ['start is a CIDR', body({ start: '127.0.0.64/26' }), ['field "start"', '"127.0.0.64/26"']],
  ])('%s', (_what, input, names) => {
    const message = refusal(input);
    for (const n of names) expect(message, `message does not name ${n}`).toContain(n);
  });

  // Regression (found by this suite, fixed): parsePorts calls String() on each list item; for an item such as the JSON
  // object {"toString":0} that throws a TypeError, not an InputError naming field "ports".
  it('a ports item that is an object with a "toString" key is refused naming field "ports"', () => {
    const message = refusal(body({ ports: [{ toString: 0 }] }));
    expect(message).toContain('field "ports"');
  });
});
