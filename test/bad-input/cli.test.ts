import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import { captureIo } from '../support/capture-io.js';

/**
 * Bad command lines: each must exit 2 (bad input) with one message on stderr that names the bad
 * value (and the option when there is one), never exit 1 with a stack trace, and never start a
 * scan. Commands that need the local store get a fresh --state-dir.
 */
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-bad-input-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

function expectBadInput(r: { code: number; stdout: string; stderr: string }, names: readonly string[]): void {
  expect(r.stderr, 'a stack trace was printed for bad input').not.toMatch(/\n\s+at .+[:(]/);
  expect(r.code, `exit code ${r.code}, stderr: ${r.stderr}`).toBe(2);
  expect(r.stderr).toMatch(/^error: /);
  for (const n of names) expect(r.stderr, `stderr does not name ${JSON.stringify(n)}`).toContain(n);
}

describe('CLI: bad arguments exit 2 naming the value (no store needed)', () => {
  it.each<[string, string[], string[]]>([
    ['unknown option', ['scan', '--bogus', '127.0.0.1'], ['--bogus']],
    ['unknown short option', ['scan', '-z', '127.0.0.1'], ['-z']],
    ['boolean option given a value', ['scan', '127.0.0.1', '--json=false'], ['--json']],
    ['missing value at the end', ['scan', '127.0.0.1', '--ports'], ['--ports']],
    ['missing value before another option', ['scan', '127.0.0.1', '--timeout', '--json'], ['--timeout']],
    ['unknown command', ['frobnicate'], ['"frobnicate"']],
    ['--concurrency 0', ['scan', '127.0.0.1', '--concurrency', '0'], ['--concurrency', '"0"']],
    ['--concurrency too large', ['scan', '127.0.0.1', '--concurrency', '100000'], ['--concurrency', '"100000"']],
    ['--concurrency negative', ['scan', '127.0.0.1', '--concurrency', '-5'], ['--concurrency']],
    ['--concurrency=-5', ['scan', '127.0.0.1', '--concurrency=-5'], ['--concurrency', '"-5"']],
    ['--concurrency in exponent form', ['scan', '127.0.0.1', '--concurrency', '1e3'], ['--concurrency', '"1e3"']],
    ['--timeout abc', ['scan', '127.0.0.1', '--timeout', 'abc'], ['--timeout', '"abc"']],
    ['--timeout fractional', ['scan', '127.0.0.1', '--timeout', '1.5'], ['--timeout', '"1.5"']],
    ['--timeout empty', ['scan', '127.0.0.1', '--timeout='], ['--timeout', '""']],
    ['--threads 99', ['scan', '127.0.0.1', '--threads', '99'], ['--threads', '"99"']],
    ['--threads 0', ['scan', '127.0.0.1', '--threads', '0'], ['--threads', '"0"']],
    ['--max-range-prefix 40', ['scan', '127.0.0.1', '--max-range-prefix', '40'], ['--max-range-prefix', '"40"']],
    ['--gone-after 0', ['scan', '127.0.0.1', '--gone-after', '0'], ['--gone-after', '"0"']],
    ['--ports out of range', ['scan', '127.0.0.1', '--ports', '70000'], ['--ports', '70000']],
    ['--ports junk', ['scan', '127.0.0.1', '--ports', '80,http'], ['--ports', '"http"']],
    ['--ports empty', ['scan', '127.0.0.1', '--ports='], ['--ports']],
    ['--ports reversed range', ['scan', '127.0.0.1', '--ports', '90-80'], ['--ports', '"90-80"']],
    ['--ports too wide', ['scan', '127.0.0.1', '--ports', '1-65535'], ['--ports', '"1-65535"']],
    ['scan with no target', ['scan'], ['scan: give at least one target']],
    ['scan of a wildcard name', ['scan', '*.example.com'], ['"*.example.com"', 'wildcard']],
    ['scan of a name with a bad label', ['scan', 'ex_ample.com'], ['"ex_ample.com"', 'not a valid DNS name']],
    ['scan of a CIDR with host bits', ['scan', '127.0.0.1/24'], ['"127.0.0.1/24"', '127.0.0.0/24']],
    ['scan of a documentation range', ['scan', '192.0.2.0/24'], ['192.0.2.0/24', 'documentation']],
    ['scan of the whole internet', ['scan', '0.0.0.0/0'], ['0.0.0.0/0']],
    ['scan of a private address without --allow-private', ['scan', '10.1.2.3'], ['10.1.2.3', '--allow-private']],
    ['scan of a wide IPv6 range', ['scan', '2001:4860::/64'], ['2001:4860::/64']],
    ['scan of ip:port with a bad port', ['scan', '127.0.0.1:99999'], ['"127.0.0.1:99999"', '99999']],
    ['scan of ip:port with two ports', ['scan', '127.0.0.1:80,443'], ['"127.0.0.1:80,443"']],
    ['scan with one good and one bad target (checked before any traffic)', ['scan', '127.0.0.1', '198.51.100.7'], ['198.51.100.7']],
    // Regression (found by this suite, fixed): "[127.0.0.0/24]:80" is accepted (exit 0) and only 127.0.0.0:80 is probed.
    ['scan of a bracketed CIDR with a port', ['scan', '[127.0.0.0/30]:9', '--timeout', '100'], ['[127.0.0.0/30]:9']],
    ['ranges without an action', ['ranges'], ['ranges: give an action: add, list or remove']],
    ['ranges with an unknown action', ['ranges', 'delete', '127.0.0.0/24'], ['"delete"']],
    ['ranges add without a CIDR', ['ranges', 'add'], ['ranges add']],
    ['ranges add of two CIDRs', ['ranges', 'add', '127.0.0.0/24', '127.0.1.0/24'], ['exactly one CIDR']],
    ['ranges add too large', ['ranges', 'add', '8.0.0.0/8'], ['8.0.0.0/8 is too large']],
    ['ranges add of a bad exclusion', ['ranges', 'add', '127.0.0.0/24', '--exclude', '127.0.0.0/28,nope'], ['exclude', '"nope"']],
    ['ranges add of an over-long label', ['ranges', 'add', '127.0.0.0/24', '--label', 'x'.repeat(300)], ['label', 'longer than 200']],
    ['ranges add with bad ports', ['ranges', 'add', '127.0.0.0/24', '--ports', '0'], ['--ports', '0 is out of range']],
    ['ranges add with a bad --max-range-prefix', ['ranges', 'add', '127.0.0.0/24', '--max-range-prefix', 'x'], ['--max-range-prefix', '"x"']],
    ['ranges remove without a CIDR', ['ranges', 'remove'], ['ranges remove']],
    ['ranges remove of a non-CIDR', ['ranges', 'remove', 'everything'], ['"everything"']],
    ['run with a positional argument', ['run', 'now'], ['"now"']],
    ['findings with a positional argument', ['findings', 'open'], ['"open"']],
    ['suppress without an endpoint', ['suppress', '--reason', 'lab'], ['suppress: give exactly one endpoint']],
    ['suppress of an address without a port', ['suppress', '127.0.0.1', '--reason', 'lab'], ['"127.0.0.1"', 'ip:port']],
    ['suppress of a CIDR with a port', ['suppress', '[127.0.0.0/24]:80', '--reason', 'lab'], ['"[127.0.0.0/24]:80"']],
    ['suppress without --reason', ['suppress', '127.0.0.1:8080'], ['--reason']],
    ['suppress with a blank --reason', ['suppress', '127.0.0.1:8080', '--reason', '   '], ['--reason']],
    ['suppress with --until not a date', ['suppress', '127.0.0.1:8080', '--reason', 'lab', '--until', 'someday'], ['--until', '"someday"']],
    ['suppress with --until month 13', ['suppress', '127.0.0.1:8080', '--reason', 'lab', '--until', '2026-13-01'], ['--until', '"2026-13-01"']],
    ['suppress with --until as a duration', ['suppress', '127.0.0.1:8080', '--reason', 'lab', '--until', '30d'], ['--until', '"30d"']],
    ['unsuppress of a bad endpoint', ['unsuppress', '127.0.0.1:0'], ['"127.0.0.1:0"']],
  ])('%s', async (_name, argv, names) => {
    expectBadInput(await cli(argv), names);
  });
});

describe('CLI: bad arguments that are only found with the local store open', () => {
  const withState = (argv: string[]) => cli([...argv, '--state-dir', stateDir]);

  it.each<[string, string[], string[]]>([
    ['ranges remove of an unknown CIDR', ['ranges', 'remove', '127.9.9.0/24'], ['127.9.9.0/24', 'not a registered range']],
    ['ranges remove of an unknown CIDR in non-canonical form', ['ranges', 'remove', ' 127.9.9.0/24 '], ['127.9.9.0/24']],
    ['run --webhook that is not a URL', ['run', '--webhook', 'not a url'], ['--webhook', '"not a url"']],
    ['run --slack-webhook that is not a URL', ['run', '--slack-webhook', 'hooks.slack.com/services/x'], ['--slack-webhook', 'hooks.slack.com/services/x']],
    // Regression (found by this suite, fixed): a URL with another scheme is refused, but the message does not name it.
    ['run --webhook with an ftp URL', ['run', '--webhook', 'ftp://example.com/hook'], ['--webhook', 'ftp://example.com/hook']],
    ['run --slack-webhook with a javascript: URL', ['run', '--slack-webhook', 'javascript:alert(1)'], ['--slack-webhook', 'javascript:alert(1)']],
    ['suppress of an endpoint never seen', ['suppress', '127.0.0.1:8080', '--reason', 'lab'], ['127.0.0.1:8080', 'not a known endpoint']],
    ['unsuppress of an endpoint never seen', ['unsuppress', '127.0.0.1:8080'], ['127.0.0.1:8080', 'not a known endpoint']],
    // Regression (found by this suite, fixed): Date.parse is lenient, so these are read as other dates instead of refused:
    // "2026-02-30" becomes 2026-03-02 and "12/31" becomes 2001-12-31 (a suppression already over).
    ['suppress with --until 2026-02-30 (no such day)', ['suppress', '127.0.0.1:8080', '--reason', 'lab', '--until', '2026-02-30'], ['--until', '"2026-02-30"']],
    ['suppress with --until 12/31 (no year)', ['suppress', '127.0.0.1:8080', '--reason', 'lab', '--until', '12/31'], ['--until', '"12/31"']],
  ])('%s', async (_name, argv, names) => {
    expectBadInput(await withState(argv), names);
  });

  it('a bad row does not stop the others: ranges add of good rows still works after refusals', async () => {
    expectBadInput(await withState(['ranges', 'add', '198.51.100.0/24']), ['198.51.100.0/24', 'documentation']);
    const added = await withState(['ranges', 'add', '127.0.77.0/28', '--label', 'lab']);
    expect(added.code).toBe(0);
    const listed = await withState(['ranges', 'list', '--json']);
    expect(listed.stdout.split('\n').map((l) => JSON.parse(l).cidr)).toEqual(['127.0.77.0/28']);
    const removed = await withState(['ranges', 'remove', '127.0.77.0/28']);
    expect(removed.code).toBe(0);
    expectBadInput(await withState(['ranges', 'remove', '127.0.77.0/28']), ['127.0.77.0/28', 'not a registered range']);
  });
});
