// Truth from the real thing: installs pinned versions of real AI products into a cache outside the
// repository, runs each case in its own network namespace (run-case.ts), compares the real CLI's
// verdict with the one written down in cases.ts before any scan, records the answers under
// test/fixtures/real/ (replayed offline by real-fixtures.test.ts) and prints the table.
// Exit 1 on any disagreement. Run: npm run conformance [-- <case id or product substring>...]
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { CASES, type ConformanceCase, type Verdict } from './cases.js';
import { ensureCaseInstalled } from './install-cache.js';
import { type RealFixture, writeRealFixture } from './real-fixture.js';
import type { recordResponses } from './record-responses.js';
import { describeFound, type Found } from './scan-with-cli.js';

interface CaseOutput {
  readonly atPort?: Found[];
  readonly range?: Found[];
  readonly recorded?: Awaited<ReturnType<typeof recordResponses>>;
  readonly error?: string;
}

const log = (line: string): void => void process.stderr.write(`conformance: ${line}\n`);

/** Runs one case in a new user + network namespace and reads the JSON line it prints. */
function runInNamespace(c: ConformanceCase): Promise<CaseOutput> {
  return new Promise((resolve) => {
    const child = spawn('unshare', ['-rn', process.execPath, '--import', 'tsx', path.join(import.meta.dirname, 'run-case.ts'), c.id], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as CaseOutput);
      } catch {
        resolve({ error: `case process exited ${code} without a result` });
      }
    });
  });
}

/** What the operator would type, with the environment that sets the configuration. */
function command(c: ConformanceCase): string {
  const env = Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const node = c.node ? ` (on ${c.node.name}@${c.node.version})` : '';
  const setup = (c.setup ?? []).map((s) => `; then ${s.method} ${s.path} (body in test/conformance/cases.ts)`).join('');
  return `${[...env, c.bin, ...c.args].join(' ')}${node}${setup}`;
}

const same = (found: readonly Found[] | undefined, expected: Verdict, port: number): boolean =>
  found?.length === 1 && found[0]?.port === port && found[0].service === expected.service && found[0].auth === expected.auth;

function printTable(rows: readonly string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: readonly string[]): string => `| ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |\n`;
  rows.forEach((r, i) => process.stdout.write(i === 1 ? line(widths.map((w) => '-'.repeat(w))) + line(r) : line(r)));
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const cases = CASES.filter((c) => filters.length === 0 || filters.some((f) => c.id === f || c.product.toLowerCase().includes(f.toLowerCase())));
  if (spawnSync('unshare', ['-rn', 'true']).status !== 0) {
    log('`unshare -rn` is not available here: the products must run in a network namespace of their own, so nothing runs');
    return 1;
  }
  for (const c of cases) ensureCaseInstalled(c, log);
  const rows = [['product', 'version', 'configuration', 'expected', 'got (ip:port)', 'got (range, default ports)', 'agree']];
  const notes: string[] = [];
  let disagreements = 0;
  for (const c of cases) {
    log(`${c.package.name}@${c.package.version} ${c.id}`);
    const out = await runInNamespace(c);
    const expected = `${c.expected.service}/${c.expected.auth}`;
    const agree = !out.error && same(out.atPort, c.expected, c.port) && same(out.range, c.expected, c.port);
    if (!agree) disagreements++;
    rows.push([c.product, c.package.version, c.configuration, expected, out.error ? 'error' : describeFound(out.atPort ?? []), out.error ? 'error' : describeFound(out.range ?? []), agree ? 'yes' : c.knownGap ? 'no (known gap)' : 'NO']);
    if (out.error) notes.push(`${c.id}: ${out.error}`);
    else if (!agree && c.knownGap) notes.push(`${c.id}: ${c.knownGap}`);
    if (out.recorded) {
      const fixture: RealFixture = {
        service: c.expected.service,
        auth: c.expected.auth,
        version: null,
        source: `recorded from a running ${c.package.name}@${c.package.version} (${c.configuration})`,
        provenance: {
          product: c.product,
          package: c.package.name,
          version: c.package.version,
          configuration: c.configuration,
          command: command(c),
          recordedAt: new Date().toISOString().slice(0, 10),
          port: c.port,
          expected: c.expected,
          ...(c.knownGap ? { knownGap: c.knownGap } : {}),
        },
        ...out.recorded,
      };
      log(`recorded ${path.relative(process.cwd(), writeRealFixture(c.id, fixture))}`);
    }
  }
  printTable(rows);
  for (const n of notes) process.stdout.write(`- ${n}\n`);
  process.stdout.write(`${rows.length - 1 - disagreements} agree, ${disagreements} disagree\n`);
  return disagreements === 0 ? 0 : 1;
}

process.exitCode = await main();
