import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDynamo } from '../../adapters/local/embedded-dynamodb.js';
import { InputError } from '../../core/targets/address.js';
import { catalog } from '../../core/fingerprint/catalog/index.js';
import { generateReport } from '../../core/report/generate-report.js';
import { applyFleetChanges, DEMO_PORTS, DEMO_RANGE, startDemoFleet } from '../../local/demo-fleet.js';
import type { CliIo } from '../cli-io.js';
import type { OptionValues } from '../cli-options.js';
import { runCycleOnStore } from './run.js';

/**
 * `demo`: starts look-alike AI services on 127.77.0.x, registers their /24, runs a cycle, changes
 * the fleet, runs again, and shows the alerts of both cycles. Uses its own temporary state and
 * removes it (and the fleet) afterwards; it never touches a non-loopback address.
 */
export async function demoCommand(positionals: readonly string[], values: OptionValues, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new InputError(`demo: unexpected argument ${JSON.stringify(positionals[0])}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'exposure-monitor-demo-'));
  const fleet = await startDemoFleet();
  const dynamo = await startEmbeddedDynamo(dir);
  try {
    // Its own state directory, so a routes file of the user's never receives demo alerts.
    const opts: OptionValues = { ...values, ports: DEMO_PORTS.join(','), 'state-dir': dir };
    await dynamo.store.putRangeRow({ cidr: DEMO_RANGE, label: 'demo fleet', ports: DEMO_PORTS, enabled: true });
    io.out(`demo: ${fleet.members.length} services on loopback, range ${DEMO_RANGE}, ports ${DEMO_PORTS.join(',')}`);
    for (const m of fleet.members) io.out(`  ${m.url}${m.member.handler ? '  (an ordinary intranet page, not AI: it must never be reported)' : ''}`);
    io.out('');
    await runCycleOnStore(dynamo.store, opts, io, '== cycle 1: first scan ==');
    await applyFleetChanges(fleet);
    io.out('\n== fleet changed: ComfyUI appears on 127.77.0.14:8188; vLLM on 127.77.0.12:8000 restarted without --api-key ==\n');
    await runCycleOnStore(dynamo.store, opts, io, '== cycle 2: after the change ==');
    io.out('\n== cycle 3: nothing changed ==');
    await runCycleOnStore(dynamo.store, opts, io);
    const out = typeof values.out === 'string' ? path.resolve(values.out) : path.join(os.tmpdir(), 'ai-exposure-monitor-demo-report.html');
    const { html } = await generateReport(dynamo.store, { catalog, now: new Date() });
    writeFileSync(out, html);
    io.out(`\nreport of the three cycles: ${out}`);
    io.out('next, on your own ranges: exposure-monitor ranges add <cidr> --owner <team>, then exposure-monitor run (see README "Quick start")');
    return 0;
  } finally {
    await dynamo.close();
    await fleet.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
