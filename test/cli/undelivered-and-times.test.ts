import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';

// Newcomer trial, problems 23 (dead-letter messages noisy, doubled, by event id only) and 29 (times
// without a zone; `--until DAY` ending at the start of that day). An open Ollama on 127.0.116.5 and
// a webhook that refuses connections (a port just closed on 127.0.116.200).
const fleet = new Fleet();
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-undelivered-'));
let ollamaPort: number;
let deadHook: string;

async function closedPort(host: string): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main([...argv, '--state-dir', stateDir], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

beforeAll(async () => {
  ollamaPort = (await fleet.start({ host: '127.0.116.5', port: 0, fixture: loadFixture('ollama', 'none') })).member.port;
  deadHook = `http://127.0.116.200:${await closedPort('127.0.116.200')}/hook/secret-path`;
  expect((await cli('ranges', 'add', '127.0.116.0/29', '--ports', String(ollamaPort))).code).toBe(0);
});
afterAll(async () => {
  await fleet.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('an alert a sink could not take is reported once, by what it is about, with what to do', () => {
  let run: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    run = await cli('run', '--webhook', deadHook);
  });

  it('run: one line per alert naming its endpoint, the sink once and its error; then what to do', () => {
    expect(run.code).toBe(1);
    const endpoint = `http://127.0.116.5:${ollamaPort}`;
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('error: not delivered'));
    expect(lines, run.stderr).toHaveLength(1);
    const line = lines[0] as string;
    expect(line).toMatch(new RegExp(`^error: not delivered, kept and retried on the next run: CRITICAL new_unauthenticated ${endpoint} -> (webhook-[0-9a-f]{8}): POST http://127\\.0\\.116\\.200:\\d+/… failed: connect ECONNREFUSED`));
    const sink = /-> (webhook-[0-9a-f]{8})/.exec(line)?.[1] as string;
    expect(line.split(sink)).toHaveLength(2); // named once, not "webhook-x: webhook-x: POST ..."
    expect(line).not.toContain('Error: connect');
    // The pipeline's own log line said the same failure a second time, without the endpoint.
    expect(run.stderr).not.toContain('alert delivery failed');
    expect(run.stderr).toContain('note: check each sink named above (exposure-monitor sinks list shows where it points)');
    expect(run.stderr).not.toContain('secret-path');
  });

  it('findings lists the undelivered alert the same way, by endpoint', async () => {
    const findings = await cli('findings');
    expect(findings.stdout).toContain('1 alert not yet delivered to every sink');
    expect(findings.stdout).toMatch(new RegExp(`\\n  CRITICAL new_unauthenticated http://127\\.0\\.116\\.5:${ollamaPort} -> webhook-[0-9a-f]{8}: POST http://127\\.0\\.116\\.200:\\d+/… failed: connect ECONNREFUSED [^\\n]* \\(alert [0-9a-f]{32}\\)`));
  });
});

describe('times', () => {
  it('findings shows first and last seen in UTC, to the minute, and says so', async () => {
    const findings = await cli('findings');
    expect(findings.stdout).toContain('FIRST SEEN (UTC)');
    expect(findings.stdout).toMatch(/ \d{4}-\d{2}-\d{2} \d{2}:\d{2} {2,}\d{4}-\d{2}-\d{2} \d{2}:\d{2} /);
    expect(findings.stdout).not.toMatch(/T\d{2}:\d{2}:\d{2}/);
  });

  it('suppress --until DAY lasts through that day (UTC), and says so', async () => {
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const r = await cli('suppress', `127.0.116.5:${ollamaPort}`, '--reason', 'lab', '--until', day, '--by', 'tester');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`suppressed 127.0.116.5:${ollamaPort} until the end of ${day} (UTC) (accepted by tester)`);
    const record = JSON.parse((await cli('findings', '--json')).stdout) as { suppressed: { until: string } };
    expect(record.suppressed.until).toBe(`${day}T23:59:59.999Z`);
  });

  it('suppress --until today is accepted (it lasts until tonight), yesterday is past', async () => {
    const today = new Date().toISOString().slice(0, 10);
    // Unless the test runs in the last moment of the UTC day.
    if (Date.now() < Date.parse(`${today}T23:59:00.000Z`)) {
      expect((await cli('suppress', `127.0.116.5:${ollamaPort}`, '--reason', 'lab', '--until', today)).code).toBe(0);
    }
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const past = await cli('suppress', `127.0.116.5:${ollamaPort}`, '--reason', 'lab', '--until', yesterday);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain(`--until ${yesterday} is already past`);
  });
});
