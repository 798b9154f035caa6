import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// Servers on 127.0.89.x: two teams' ranges; a Teams channel for one, PagerDuty for the other.
const fleet = new Fleet();
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-routes-'));
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
let teams: Receiver;
let pagerduty: Receiver;
beforeAll(async () => {
  await fleet.start({ host: '127.0.89.2', port: 11434, fixture: loadFixture('ollama', 'none') });
  await fleet.start({ host: '127.0.89.18', port: 8888, fixture: loadFixture('jupyter', 'none') });
  teams = await startWebhookReceiver(() => ({ status: 202 }), '127.0.89.100');
  pagerduty = await startWebhookReceiver(() => ({ status: 202 }), '127.0.89.101');
});
afterAll(async () => {
  await fleet.close();
  await teams.close();
  await pagerduty.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main([...argv, '--state-dir', stateDir], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('routes from the CLI', () => {
  it('run sends each range to its route; findings and suppress work per route; who accepted is shown', async () => {
    const routesFile = path.join(stateDir, 'routes.json');
    writeFileSync(
      routesFile,
      JSON.stringify({
        routes: [
          { name: 'ml', owners: ['ml@example.test'], floor: 'high', teams: [teams.url] },
          { name: 'data', floor: 'critical', pagerduty: [{ routingKey: 'R0UTINGKEY0123456789', url: pagerduty.url }] },
        ],
      }),
    );
    expect((await cli('ranges', 'add', '127.0.89.0/28', '--owner', 'ml@example.test', '--ports', '11434')).code).toBe(0);
    expect((await cli('ranges', 'add', '127.0.89.16/28', '--route', 'data', '--ports', '8888')).code).toBe(0);

    // The routes file in the state directory is found without --routes.
    const run = await cli('run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('ROUTE');
    expect(run.stdout).toMatch(/fix: /);

    // Teams: one card for Ollama only (critical: sent on its own), with the fix.
    expect(teams.received).toHaveLength(1);
    const card = JSON.stringify(JSON.parse(teams.received[0]?.body ?? '{}'));
    expect(card).toContain('127.0.89.2');
    expect(card).toContain('OLLAMA\\\\_HOST');
    expect(card).not.toContain('127.0.89.18');
    // PagerDuty: one trigger for the open Jupyter (critical), keyed by the event id.
    expect(pagerduty.received).toHaveLength(1);
    const trigger = JSON.parse(pagerduty.received[0]?.body ?? '{}') as { event_action: string; routing_key: string; dedup_key: string; payload: { source: string } };
    expect(trigger).toMatchObject({ event_action: 'trigger', routing_key: 'R0UTINGKEY0123456789' });
    expect(trigger.payload.source).toBe('http://127.0.89.18:8888');

    const data = await cli('findings', '--route', 'data', '--json');
    expect(data.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { ip: string; route: string }).ip)).toEqual(['127.0.89.18']);

    // Jupyter gets its token back: PagerDuty resolves the incident it opened.
    await fleet.replace({ host: '127.0.89.18', port: 8888, fixture: loadFixture('jupyter', 'required') });
    expect((await cli('run')).code).toBe(0);
    expect(pagerduty.received).toHaveLength(2);
    const resolve = JSON.parse(pagerduty.received[1]?.body ?? '{}') as { event_action: string; dedup_key: string };
    expect(resolve).toEqual({ routing_key: 'R0UTINGKEY0123456789', event_action: 'resolve', dedup_key: trigger.dedup_key });
    // A team acknowledges only its own endpoints.
    const wrong = await cli('suppress', '127.0.89.18:8888', '--reason', 'lab', '--route', 'ml');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('is on route "data", not "ml"');
    const ok = await cli('suppress', '127.0.89.18:8888', '--reason', 'lab notebook, accepted', '--route', 'data', '--by', 'dana');
    expect(ok.code, ok.stderr).toBe(0);
    const table = await cli('findings', '--route', 'data');
    expect(table.stdout).toContain('yes, by dana: lab notebook, accepted');

    expect(teams.received).toHaveLength(1);
  });

  it('refuses a bad routes file naming the key, and an unknown --floor', async () => {
    const bad = path.join(stateDir, 'bad-routes.json');
    writeFileSync(bad, JSON.stringify({ routes: [{ name: 'ml', floor: 'urgent' }] }));
    const r = await cli('run', '--routes', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('routes[0].floor');
    const f = await cli('run', '--floor', 'loud');
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--floor');
  });
});
