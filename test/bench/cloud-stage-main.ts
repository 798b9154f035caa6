// `npm run bench -- --only cloud [--cloud-prefix 16] [--cloud-ports 8080,11434] [--cloud-services 8]`:
// the cloud stage (cloud-stage.ts) on 127.90.0.0/<prefix>, its dynalite and fixture services in a
// process of their own (cloud-world-process.ts), then the figures per stage and the cost table
// derived from them (cloud-cost.ts). Every address is loopback.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { renderCloudCostTable } from './cloud-cost.js';
import { runCloudStage, type StageFigures, vcpuShare } from './cloud-stage.js';
import type { CloudWorldLayout } from './cloud-world.js';

export interface CloudStageArgs {
  readonly prefix: number;
  readonly ports: readonly number[];
  readonly services: number;
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);

function stageLine(s: StageFigures, extra: string): string {
  const commands = Object.entries(s.dynamo.byCommand)
    .map(([c, n]) => `${c.replace(/Command$/, '')} ${n}`)
    .join(', ');
  return `  ${s.name}: ${s.invocations} invocation(s), ${fmt(s.wallS)} s wall, ${fmt(s.cpuS)} s CPU, billed ${fmt(s.billedS)} s at ${s.memoryMb} MB (${fmt((s.billedS * s.memoryMb) / 1024)} GB-s); DynamoDB ${s.dynamo.requests} requests (${commands || 'none'}), ${fmt(s.dynamo.readUnits, 1)} RRU, ${fmt(s.dynamo.writeUnits, 1)} WRU; ${extra}; failures ${s.failures}`;
}

/** Runs the stage and prints it; false when the cycle did not find what the range holds. */
export async function cloudStage(args: CloudStageArgs): Promise<boolean> {
  const cidr = `127.90.0.0/${args.prefix}`;
  const world = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'cloud-world-process.ts'), cidr, args.ports.join(','), String(args.services)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: world.stdout });
  const replies: ((line: string) => void)[] = [];
  const exited = new Promise<void>((resolve) => world.once('exit', () => resolve()));
  const layout = await new Promise<CloudWorldLayout>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line) as CloudWorldLayout));
    world.once('exit', (code) => reject(new Error(`cloud world exited with ${code}`)));
  });
  lines.on('line', (line) => replies.shift()?.(line));
  const fixtureHttpRequests = (): Promise<number> =>
    new Promise((resolve) => {
      replies.push((line) => resolve((JSON.parse(line) as { httpRequests: number }).httpRequests));
      world.stdin.write('requests\n');
    });
  try {
    console.log(
      `cloud path, in-process handlers (planner, prober, notifier) on ${cidr} x ports ${args.ports.join(',')}, DynamoDB on dynalite, SQS and SNS clients caught in memory; ${layout.services.length} fixture AI services in the range; one invocation at a time`,
    );
    const f = await runCloudStage({ cidr, ports: args.ports, endpoint: layout.endpoint, fixtureHttpRequests });
    const { planner, prober, notifier } = f.stages;
    console.log(stageLine(planner, `${f.addresses} addresses, ${f.messages} block messages queued in ${f.sendMessageBatchCalls} SendMessageBatch calls`));
    console.log(
      stageLine(
        prober,
        `${f.probes} probes (${fmt((prober.cpuS / Math.max(1, f.probes)) * 1e6, 1)} us CPU per probe, ${fmt(prober.billedS / Math.max(1, prober.invocations), 3)} s billed per block), ${f.openPorts} open, ${f.aiEndpoints} AI endpoints, ${f.proberHttpRequests} HTTP requests (fixtures answered ${f.fixtureHttpRequests})`,
      ),
    );
    const quiet = f.proberInvocations.filter((r) => r.open === 0);
    if (quiet.length > 0) {
      const mean = (pick: (r: (typeof quiet)[number]) => number): number => quiet.reduce((n, r) => n + pick(r), 0) / quiet.length;
      console.log(
        `    a block with no open port (${quiet.length} of ${f.proberInvocations.length}): ${fmt(mean((r) => r.probes), 0)} probes, ${fmt(mean((r) => r.wallS) * 1000, 0)} ms wall, ${fmt(mean((r) => r.cpuS) * 1000, 0)} ms CPU (${fmt((mean((r) => r.cpuS) / vcpuShare(prober.memoryMb)) * 1000, 0)} ms at ${prober.memoryMb} MB's vCPU share), ${fmt(mean((r) => r.dynamo.requests), 1)} DynamoDB requests (${fmt(mean((r) => r.dynamo.writeUnits), 1)} WRU)`,
      );
    }
    console.log(stageLine(notifier, `${f.alertsDelivered} alerts delivered, ${f.snsPublishes} SNS publishes`));
    const expected = layout.services.map((s) => `${s.host}:${s.port} ${s.service} ${s.auth}`).sort();
    const found = expected.filter((e) => f.endpoints.includes(e)).length;
    const ok = found === expected.length && f.endpoints.length === expected.length && f.runStatus === 'complete' && f.messages === prober.invocations;
    console.log(`  check: ${found} of ${expected.length} fixture services in the state table (${f.endpoints.length} endpoints in all), run ${f.runStatus}: ${ok ? 'ok' : 'FAIL'}`);
    console.log(`  billed = each invocation's wall time here, or its CPU time / the vCPU share of its memory size when longer; load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} at the end`);
    console.log('');
    console.log(renderCloudCostTable(f));
    return ok;
  } finally {
    world.stdin.end();
    const kill = setTimeout(() => world.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(kill);
  }
}
