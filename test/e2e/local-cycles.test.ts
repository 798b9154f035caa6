import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// The fleet of this file lives on 127.0.41.x, each service on its product's port.
const fleet = new Fleet();
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-e2e-'));
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const ports: Record<string, number> = {};

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ports.ollama = (await fleet.start({ host: '127.0.41.10', port: 11434, fixture: loadFixture('ollama', 'none') })).member.port;
  ports.vllm = (await fleet.start({ host: '127.0.41.11', port: 8000, fixture: loadFixture('vllm', 'required') })).member.port;
  ports.jupyter = (await fleet.start({ host: '127.0.41.12', port: 8888, fixture: loadFixture('jupyter', 'required') })).member.port;
  // The service that appears in cycle 2.
  ports.gradio = 7860;
});
afterAll(async () => {
  await fleet.close();
  await receiver.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const io = captureIo();
  const code = await main([...args, '--state-dir', stateDir], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

function takeReceived(): AlertEvent[] {
  const events = receiver.received.map((r) => JSON.parse(r.body) as AlertEvent);
  receiver.received.length = 0;
  return events;
}

const summary = (events: AlertEvent[]) =>
  events.map((e) => `${e.type} ${e.endpoint ? `${e.endpoint.ip} ${e.endpoint.service} ${e.endpoint.auth}` : ''}`.trim()).sort();

describe('local monitoring cycles end to end (CLI run + generic webhook)', () => {
  it('registers the range', async () => {
    const added = await cli('ranges', 'add', '127.0.41.0/24', '--label', 'e2e lab', '--ports', Object.values(ports).join(','));
    expect(added.code).toBe(0);
    const listed = await cli('ranges', 'list', '--json');
    expect(listed.stdout.map((l) => JSON.parse(l).cidr)).toEqual(['127.0.41.0/24']);
  });

  it('cycle 1 alerts each new endpoint once, with the contract schema', async () => {
    const run = await cli('run', '--webhook', receiver.url, '--gone-after', '1');
    expect(run.code).toBe(0);
    const events = takeReceived();
    expect(summary(events)).toEqual([
      'endpoint.new_authenticated 127.0.41.11 vllm required',
      'endpoint.new_authenticated 127.0.41.12 jupyter required',
      'endpoint.new_unauthenticated 127.0.41.10 ollama none',
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ schema: 'ai-exposure-monitor/alert@1', runId: expect.any(String), at: expect.any(String) });
      expect(e.id).toMatch(/^[0-9a-f]{32}$/);
      expect(e.endpoint).toMatchObject({ range: '127.0.41.0/24', label: 'e2e lab', tls: false });
    }
    expect(receiver.received).toHaveLength(0);
    expect(run.stdout.join('\n')).toContain('new_unauthenticated');
  });

  it('cycle 2 alerts what changed: a new open service, an auth regression, one that is gone', async () => {
    await fleet.start({ host: '127.0.41.13', port: ports.gradio as number, fixture: loadFixture('gradio', 'none') });
    await fleet.replace({ host: '127.0.41.11', port: ports.vllm as number, fixture: loadFixture('vllm', 'none') });
    await fleet.stop('127.0.41.12', ports.jupyter as number);
    const run = await cli('run', '--webhook', receiver.url, '--gone-after', '1');
    expect(run.code).toBe(0);
    expect(summary(takeReceived())).toEqual([
      'endpoint.auth_regressed 127.0.41.11 vllm none',
      'endpoint.gone 127.0.41.12 jupyter required',
      'endpoint.new_unauthenticated 127.0.41.13 gradio none',
    ]);
  });

  it('cycle 3, with nothing changed, sends nothing', async () => {
    const run = await cli('run', '--webhook', receiver.url, '--gone-after', '1');
    expect(run.code).toBe(0);
    expect(takeReceived()).toEqual([]);
    expect(run.stdout.join('\n')).toContain('no alerts');
  });

  it('findings shows the current state', async () => {
    const open = await cli('findings', '--json');
    expect(open.stdout.map((l) => JSON.parse(l)).map((e) => `${e.ip} ${e.service} ${e.auth}`)).toEqual([
      '127.0.41.10 ollama none',
      '127.0.41.11 vllm none',
      '127.0.41.13 gradio none',
    ]);
    const all = await cli('findings', '--json', '--all');
    expect(all.stdout.map((l) => JSON.parse(l)).find((e) => e.ip === '127.0.41.12')?.status).toBe('gone');
  });

  it('a suppressed endpoint stays in findings and does not alert when it is fixed', async () => {
    expect((await cli('suppress', `127.0.41.13:${ports.gradio}`, '--reason', 'public demo')).code).toBe(0);
    await fleet.replace({ host: '127.0.41.13', port: ports.gradio as number, fixture: loadFixture('gradio', 'required') });
    await cli('run', '--webhook', receiver.url, '--gone-after', '1');
    expect(takeReceived()).toEqual([]);
    const table = (await cli('findings')).stdout.join('\n');
    expect(table).toMatch(/yes, by [^:]+: public demo/);
  });
});
