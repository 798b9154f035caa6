import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticResolver } from '../../lambdas/adapters/dns/system-resolver.js';
import { scanCommand } from '../../lambdas/cli/commands/scan.js';
import { main } from '../../lambdas/cli/main.js';
import { Fleet, fixtureHandler, fixtureTls, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';
import { routeByHost, routeBySni } from '../support/name-routing.js';

// Name-routed reverse proxies on 127.0.97.x, as an ingress controller is: an IP-only request gets
// the default backend's 404; only the right Host (HTTP) or SNI (TLS) reaches the product. Every
// name is under .test and fixed with --resolve (or an injected resolver): no DNS query leaves.
const fleet = new Fleet();
const ollama = fixtureHandler(loadFixture('ollama', 'none'));
const jupyter = fixtureHandler(loadFixture('jupyter', 'none'));
beforeAll(async () => {
  await fleet.start({ host: '127.0.97.10', port: 8080, handler: routeByHost({ 'ollama.corp.test:8080': ollama }) });
  await fleet.start({ host: '127.0.97.11', port: 8443, tls: true, handler: routeBySni({ 'notebook.corp.test': jupyter }) });
  // An ingress whose certificate lists its names: two products behind one address, by SNI.
  await fleet.start({
    host: '127.0.97.12',
    port: 8443,
    tls: true,
    tlsMaterial: fixtureTls('corp-names'),
    handler: routeBySni({ 'notebook.corp.test': jupyter, 'chat.corp.test': ollama }),
  });
  // One product whatever the name: the certificate's names lead to what the address showed.
  await fleet.start({ host: '127.0.97.13', port: 8443, tls: true, tlsMaterial: fixtureTls('corp-names'), handler: jupyter });
});
afterAll(() => fleet.close());

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

const lines = (stdout: string) => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('scan by DNS name', () => {
  it('an IP-only scan gets the default backend; the name, as Host, reaches the product, and the JSON line names it', async () => {
    const byAddress = await cli('scan', '127.0.97.10:8080', '--json');
    expect(byAddress.code, byAddress.stderr).toBe(0);
    expect(lines(byAddress.stdout)).toEqual([]);

    const byName = await cli('scan', 'ollama.corp.test:8080', '--resolve', 'ollama.corp.test=127.0.97.10', '--json');
    expect(byName.code, byName.stderr).toBe(0);
    expect(lines(byName.stdout)).toEqual([expect.objectContaining({ ip: '127.0.97.10', port: 8080, host: 'ollama.corp.test', service: 'ollama', auth: 'none' })]);
  });

  it('the address and the name together: one connect, two endpoints fingerprinted, the table names the host first', async () => {
    const both = await cli('scan', '127.0.97.10:8080', 'ollama.corp.test:8080', '--resolve', 'ollama.corp.test=127.0.97.10');
    expect(both.code, both.stderr).toBe(0);
    expect(both.stderr).toMatch(/^scan: 1 probes, 1 open/m);
    expect(both.stdout).toContain('http://ollama.corp.test:8080 (127.0.97.10)');
    expect(both.stdout.split('\n').filter((l) => l.includes('ollama '))).toHaveLength(1);
  });

  it('TLS: the name goes as SNI; a certificate for another name is evidence, not a failure', async () => {
    const r = await cli('scan', 'notebook.corp.test:8443', '--resolve', 'notebook.corp.test=127.0.97.11', '--json');
    expect(r.code, r.stderr).toBe(0);
    const [found] = lines(r.stdout);
    expect(found).toMatchObject({ host: 'notebook.corp.test', service: 'jupyter', tls: true });
    expect(String((found?.certificate as { nameMismatch?: string }).nameMismatch)).toContain('notebook.corp.test');
    // By address, the same TLS port shows the default backend only.
    expect(lines((await cli('scan', '127.0.97.11:8443', '--json')).stdout)).toEqual([]);
  });

  it('a name that resolves to a refused address is skipped with a warning naming both: DNS is no way around the policy', async () => {
    const r = await cli('scan', 'inside.corp.test:8080', '--resolve', 'inside.corp.test=10.20.30.40', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: target "inside.corp.test:8080": inside.corp.test resolves to 10.20.30.40, which is refused');
    expect(r.stderr).toMatch(/^scan: 0 probes/m);
  });

  it('a name that does not resolve is skipped with a warning; the other targets are scanned', async () => {
    const io = captureIo();
    const resolver = staticResolver(new Map([['ollama.corp.test', ['127.0.97.10']]]));
    const code = await scanCommand(['gone.corp.test:8080', 'ollama.corp.test:8080'], { json: true }, io, resolver);
    expect(code).toBe(0);
    expect(io.stderr.join('\n')).toContain('warning: target "gone.corp.test:8080": gone.corp.test does not resolve to any address; skipped');
    expect(lines(io.stdout.join('\n')).map((l) => l.host)).toEqual(['ollama.corp.test']);
  });

  it('refuses names that cannot be scanned, naming the value', async () => {
    const cases: [string[], string][] = [
      [['scan', '*.corp.test'], 'a wildcard name cannot be enumerated'],
      [['scan', 'bad_name.corp.test'], 'not a valid DNS name'],
      [['scan', 'intranet'], 'give a fully qualified name'],
      [['scan', 'a.test:99999'], '99999 is out of range'],
      [['scan', 'a.test', '--resolve', 'a.test'], '--resolve: "a.test" is not NAME=ADDRESS'],
      [['scan', 'a.test', '--resolve', 'a.test=not-an-ip'], '--resolve a.test:'],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(message);
    }
  });
});

describe('names from certificates', () => {
  it('a TLS endpoint found by address is probed again under its certificate names in the registered domain', async () => {
    // By address only: the default backend.
    expect(lines((await cli('scan', '127.0.97.12:8443', '--json')).stdout)).toEqual([]);
    const r = await cli('scan', '127.0.97.12:8443', '--domain', 'corp.test', '--json');
    expect(r.code, r.stderr).toBe(0);
    const found = lines(r.stdout).map((l) => `${l.host} ${l.service} ${l.auth}`);
    // ingress.corp.test reaches the default backend; *.apps.corp.test cannot be enumerated;
    // other.example.test is outside the registered domain and is never contacted.
    expect(found).toEqual(['chat.corp.test ollama none', 'notebook.corp.test jupyter none']);
    const cert = lines(r.stdout)[0]?.certificate as { names?: string[]; nameMismatch?: string };
    expect(cert.names).toContain('other.example.test');
    expect(cert.nameMismatch).toBeUndefined();
  });

  it('a certificate name that leads to the product the address showed is not a second endpoint', async () => {
    const r = await cli('scan', '127.0.97.13:8443', '--domain', 'corp.test', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).map((l) => `${l.host ?? '-'} ${l.service}`)).toEqual(['- jupyter']);
  });

  it('refuses a --domain that is not a domain', async () => {
    const r = await cli('scan', '127.0.97.12:8443', '--domain', 'corp_test');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--domain "corp_test": not a valid DNS name');
  });
});

describe('no DNS query leaves a test', () => {
  it('the system resolver is off under the tests: a name nobody fixed is skipped, never looked up', async () => {
    expect(process.env.EXPOSURE_MONITOR_NO_SYSTEM_DNS).toBe('1');
    const r = await cli('scan', 'unfixed.corp.test:8080', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('resolving unfixed.corp.test failed (the system resolver is off here');
    expect(r.stderr).toMatch(/^scan: 0 probes/m);
  });
});

describe('host rows from the CLI: ranges add <name>, run --resolve, findings, suppress name:port', () => {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-hostrows-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
  const inState = (...argv: string[]) => cli(...argv, '--state-dir', stateDir);

  it('registers a name, finds the product behind it on the next run, and lets the operator accept it by name', async () => {
    const added = await inState('ranges', 'add', 'Ollama.Corp.Test.', '--label', 'chat', '--ports', '8080');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('added ollama.corp.test (chat)');
    const listed = await inState('ranges', 'list', '--json');
    expect(lines(listed.stdout)).toEqual([expect.objectContaining({ cidr: 'ollama.corp.test', label: 'chat', ports: [8080] })]);

    const run = await inState('run', '--resolve', 'ollama.corp.test=127.0.97.10', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(lines(run.stdout)).toEqual([
      expect.objectContaining({ type: 'endpoint.new_unauthenticated', endpoint: expect.objectContaining({ host: 'ollama.corp.test', ip: '127.0.97.10', port: 8080, range: 'ollama.corp.test' }) }),
    ]);
    const findings = await inState('findings');
    expect(findings.stdout).toContain('http://ollama.corp.test:8080 (127.0.97.10)');

    const suppressed = await inState('suppress', 'ollama.corp.test:8080', '--reason', 'lab box');
    expect(suppressed.code, suppressed.stderr).toBe(0);
    expect(suppressed.stdout).toContain('suppressed ollama.corp.test:8080');
    // As findings prints it, too.
    const again = await inState('unsuppress', 'http://ollama.corp.test:8080 (127.0.97.10)');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('unsuppressed ollama.corp.test@127.0.97.10:8080');
  });

  it('a run whose name does not resolve warns, names it, and alerts target.unresolved once', async () => {
    const first = await inState('run', '--json');
    // Nothing could be scanned: a failed run for cron, and it says why, once.
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain('warning: host ollama.corp.test not probed this run: resolving ollama.corp.test failed');
    expect(first.stderr.match(/ollama\.corp\.test/g)?.length).toBe(3);
    expect(first.stderr).toContain('error: this run scanned nothing: no registered name gave an address it may probe');
    expect(lines(first.stdout).map((e) => e.type)).toEqual(['target.unresolved']);
    const second = await inState('run', '--json');
    expect(lines(second.stdout)).toEqual([]);
    const removed = await inState('ranges', 'remove', 'ollama.corp.test');
    expect(removed.stdout).toContain('removed ollama.corp.test');
  });

  it('refuses a name row with exclusions, and a wildcard, naming the value', async () => {
    const excl = await inState('ranges', 'add', 'chat.corp.test', '--exclude', '127.0.97.0/24');
    expect(excl.code).toBe(2);
    expect(excl.stderr).toContain('"exclude" applies to CIDR rows only');
    const wild = await inState('ranges', 'add', '*.corp.test');
    expect(wild.code).toBe(2);
    expect(wild.stderr).toContain('a wildcard name cannot be enumerated');
  });
});
