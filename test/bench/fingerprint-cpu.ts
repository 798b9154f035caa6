// CPU the prober spends per open port and per HTTP request while fingerprinting, on the eval's
// fixture fleet (every AI fixture over HTTP and behind TLS, every decoy), with and without the
// default-credential checks. The fleet runs in a child process (eval-fleet-server.ts), so only
// the prober's own CPU is counted: process.cpuUsage() around one probeTargets call per group, the
// same call `scan` makes (its TCP connect of each open port included). CPU time, not wall time:
// the machine is shared. Rounds are interleaved over the groups; the first is a warm-up (JIT,
// lazy module loads) and is not counted. Prints median and range per group.
//   unshare -rn bash -c 'ip link set lo up; npx tsx test/bench/fingerprint-cpu.ts [--rounds N] [--only ai-http,ai-tls,decoys] [--dump FILE]'
//   --dump FILE: every case's outcome (service, auth, version, requests) as JSON lines, to check
//   that a change to the engine kept what it finds. Add node's --cpu-prof for where the CPU goes:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/fingerprint-cpu.ts --rounds 2
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { DEFAULT_PROBE_OPTIONS, probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import type { EvalCase } from '../eval/eval-fleet.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, only: { type: 'string' }, dump: { type: 'string' } } });
const ROUNDS = Math.max(1, Number(values.rounds));

async function startFleet(): Promise<{ cases: EvalCase[]; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'eval-fleet-server.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    if (!line.startsWith('[')) continue;
    return { cases: JSON.parse(line) as EvalCase[], stop: () => child.stdin.end() };
  }
  throw new Error('the fleet server ended before listing its cases');
}

interface Group {
  readonly name: string;
  readonly cases: readonly EvalCase[];
  readonly credentials: boolean;
}

interface Sample {
  cpuUs: number;
  openPorts: number;
  requests: number;
  identified: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

async function measure(group: Group, dump: string[] | undefined): Promise<Sample> {
  const options = { ...DEFAULT_PROBE_OPTIONS, connectTimeoutMs: 1000, checkDefaultCredentials: group.credentials };
  const targets = group.cases.map((c) => ({ host: c.host, port: c.port }));
  const before = process.cpuUsage();
  const report = await probeTargets(targets, catalog, options);
  const used = process.cpuUsage(before);
  if (dump) {
    const found = new Map(report.observations.map((o) => [`${o.host}:${o.port}`, o]));
    for (const c of group.cases) {
      const o = found.get(`${c.host}:${c.port}`);
      dump.push(JSON.stringify({ group: group.name, case: c.name, found: o ? { service: o.service, auth: o.auth, version: o.version, evidence: o.evidence, requests: o.requests, inventory: o.inventory, vulnerabilities: o.vulnerabilities } : null }));
    }
  }
  return { cpuUs: used.user + used.system, openPorts: report.requestsPerOpenPort.length, requests: report.httpRequests, identified: report.observations.length };
}

const fleet = await startFleet();
try {
  const ai = fleet.cases.filter((c) => c.expected);
  const all: Group[] = [
    { name: 'ai-http', cases: ai.filter((c) => !c.tls), credentials: false },
    { name: 'ai-http+creds', cases: ai.filter((c) => !c.tls), credentials: true },
    { name: 'ai-tls', cases: ai.filter((c) => c.tls), credentials: false },
    { name: 'ai-tls+creds', cases: ai.filter((c) => c.tls), credentials: true },
    { name: 'decoys', cases: fleet.cases.filter((c) => !c.expected), credentials: false },
  ];
  const only = values.only?.split(',');
  const groups = only ? all.filter((g) => only.some((o) => g.name === o || g.name.startsWith(`${o}+`))) : all;
  const samples = new Map<string, Sample[]>(groups.map((g) => [g.name, []]));
  const dump: string[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const g of groups) {
      // Round 0 warms up; the dump is taken from the last round.
      const s = await measure(g, values.dump && round === ROUNDS ? dump : undefined);
      if (round > 0) samples.get(g.name)?.push(s);
    }
  }
  if (values.dump) writeFileSync(values.dump, `${dump.join('\n')}\n`);
  const fmt = (xs: number[]): string => `${median(xs).toFixed(0).padStart(6)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
  console.log(`fingerprint CPU of the prober (this process; fleet in a child), ${ROUNDS} round(s) after a warm-up, median (range)`);
  console.log(`${'group'.padEnd(15)} ${'ports'.padStart(5)} ${'found'.padStart(5)} ${'requests'.padStart(8)}   ${'CPU us/open port'.padEnd(20)} CPU us/request`);
  for (const g of groups) {
    const ss = samples.get(g.name) ?? [];
    const last = ss[ss.length - 1] as Sample;
    const perPort = ss.map((s) => s.cpuUs / Math.max(1, s.openPorts));
    const perRequest = ss.map((s) => s.cpuUs / Math.max(1, s.requests));
    console.log(`${g.name.padEnd(15)} ${String(last.openPorts).padStart(5)} ${String(last.identified).padStart(5)} ${String(last.requests).padStart(8)}   ${fmt(perPort).padEnd(20)} ${fmt(perRequest)}`);
  }
} finally {
  fleet.stop();
}
