import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// Servers on 127.0.93.x: an open Ollama (a critical alert, sent on its own) and two receivers.
const fleet = new Fleet();
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
let slackUp = false;
let slack: Receiver;
let hook: Receiver;
let slackUrl: string;
let ollamaPort: number;
let stateDir: string;
beforeAll(async () => {
  ollamaPort = (await fleet.start({ host: '127.0.93.5', port: 0, fixture: loadFixture('ollama', 'none') })).member.port;
  slack = await startWebhookReceiver(() => ({ status: slackUp ? 200 : 503 }), '127.0.93.100');
  hook = await startWebhookReceiver(() => ({ status: 200 }), '127.0.93.101');
  // The path stands for the secret part of a Slack webhook URL.
  slackUrl = slack.url.replace('/hooks/secret-token-path', '/services/T0SINKS/B0SINKS/sinkSecretToken');
});
afterAll(async () => {
  await fleet.close();
  await slack.close();
  await hook.close();
});
beforeEach(async () => {
  slackUp = false;
  slack.received.length = 0;
  hook.received.length = 0;
  stateDir = mkdtempSync(path.join(os.tmpdir(), 'em-sinks-'));
  expect((await cli('ranges', 'add', '127.0.93.0/29', '--ports', String(ollamaPort))).code).toBe(0);
  return () => rmSync(stateDir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main([...argv, '--state-dir', stateDir], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('sinks persist in the state: no alert lost when a run names other sinks', () => {
  it('a sink down for a run, the next run without it, a later run with it back: the alert arrives once', async () => {
    const first = await cli('run', '--slack-webhook', slackUrl);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/saved: slack sink slack-[0-9a-f]{8} \(http:\/\/127\.0\.93\.100:\d+\/…\) added to the default route/);
    const tries = slack.attempts();
    expect(tries).toBeGreaterThan(0);
    expect(slack.received).toHaveLength(0);

    // No flag: the saved sink is still tried (and still down); the alert stays owed, exit 1.
    const second = await cli('run');
    expect(second.code).toBe(1);
    expect(slack.attempts()).toBeGreaterThan(tries);
    expect(second.stderr).toContain('not delivered, kept and retried on the next run');

    // Back, named again: already saved, nothing added; the alert arrives once.
    slackUp = true;
    const third = await cli('run', '--slack-webhook', slackUrl);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).not.toContain('saved:');
    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]?.body).toContain('127.0.93.5');
    expect((await cli('run')).code).toBe(0);
    expect(slack.received).toHaveLength(1);

    // Nothing of the URL's secret part reached any output; the file holding it is the owner's only.
    expect([first, second, third].map((r) => r.stdout + r.stderr).join('\n')).not.toContain('sinkSecretToken');
    expect(statSync(path.join(stateDir, 'routes.json')).mode & 0o777).toBe(0o600);
  });

  it('the saved sink gets an alert a run without any flag finds', async () => {
    slackUp = true;
    expect((await cli('sinks', 'add', 'webhook', hook.url)).code).toBe(0);
    const run = await cli('run');
    expect(run.code, run.stderr).toBe(0);
    expect(hook.received.map((m) => (JSON.parse(m.body) as AlertEvent).type)).toEqual(['endpoint.new_unauthenticated']);
  });
});

describe('a routes file of the user\'s own', () => {
  it('is never rewritten by run flags: they apply to that run only', async () => {
    slackUp = true;
    const own = path.join(stateDir, 'my-routes.json');
    const content = `${JSON.stringify({ routes: [{ name: 'default', floor: 'info' }] })}\n`;
    writeFileSync(own, content);
    const run = await cli('run', '--routes', own, '--webhook', hook.url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('saved:');
    expect(readFileSync(own, 'utf8')).toBe(content);
    expect(hook.received).toHaveLength(1);
  });
});

describe('sinks add, list, remove', () => {
  it('adds from an environment variable or a file, never echoing the secret, and lists what each is owed', async () => {
    process.env.EM_TEST_SLACK_URL = slackUrl;
    try {
      const added = await cli('sinks', 'add', 'slack', '--from-env', 'EM_TEST_SLACK_URL');
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toMatch(/^added slack sink slack-[0-9a-f]{8} \(http:\/\/127\.0\.93\.100:\d+\/…\) on route default; saved in /);
      const again = await cli('sinks', 'add', 'slack', '--from-env', 'EM_TEST_SLACK_URL');
      expect(again.stdout).toMatch(/^already configured: slack sink/);
    } finally {
      delete process.env.EM_TEST_SLACK_URL;
    }
    const keyFile = path.join(stateDir, 'key.txt');
    writeFileSync(keyFile, 'R0UTINGKEY0123456789\n');
    const pd = await cli('sinks', 'add', 'pagerduty', '--from-file', keyFile, '--route', 'oncall', '--floor', 'critical');
    expect(pd.code, pd.stderr).toBe(0);
    expect(pd.stdout).toContain('on route oncall, floor critical');
    expect(pd.stdout).toContain('ranges add <cidr> --route oncall');

    // The Slack sink is down: the run's critical alert is owed to it.
    expect((await cli('run')).code).toBe(1);
    const list = await cli('sinks', 'list', '--json');
    expect(list.code, list.stderr).toBe(0);
    const rows = list.stdout.split('\n').map((l) => JSON.parse(l) as { sink: string; kind: string; route: string; floor: string; destination: string; owed: number });
    expect(rows.map((r) => [r.kind, r.route, r.floor, r.owed])).toEqual([
      ['slack', 'default', 'info', 1],
      ['pagerduty', 'oncall', 'critical', 0],
    ]);
    expect(rows[1]?.sink).toMatch(/^pagerduty-[0-9a-f]{8}@oncall$/);
    const table = await cli('sinks', 'list');
    expect(table.stdout).toContain('OWED');
    const all = [list.stdout, table.stdout, readFileSync(path.join(stateDir, 'routes.json'), 'utf8')];
    expect(all.slice(0, 2).join('\n')).not.toMatch(/sinkSecretToken|R0UTINGKEY/);
    expect(all[2]).toContain('sinkSecretToken'); // the file is where it is kept (mode 0600)
  });

  it('remove is explicit: it lists what the sink was still owed, withdraws it, and later runs are clean', async () => {
    expect((await cli('sinks', 'add', 'webhook', hook.url)).code).toBe(0);
    expect((await cli('run', '--slack-webhook', slackUrl)).code).toBe(1);
    expect(hook.received).toHaveLength(1);
    const sink = ((await cli('sinks', 'list', '--json')).stdout.split('\n').map((l) => JSON.parse(l) as { sink: string; kind: string }).find((r) => r.kind === 'slack'))?.sink;
    expect(sink).toMatch(/^slack-/);

    const removed = await cli('sinks', 'remove', sink as string);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`removed slack sink ${sink}`);
    expect(removed.stdout).toMatch(/1 alert it was still owed is withdrawn/);
    expect(removed.stdout).toContain('endpoint.new_unauthenticated');
    expect(removed.stdout).toContain(`127.0.93.5:${ollamaPort}`);

    slackUp = true;
    const next = await cli('run');
    expect(next.code, next.stderr).toBe(0);
    expect(slack.received).toHaveLength(0);
    expect(hook.received).toHaveLength(1); // the webhook had it already: not sent twice
    expect((await cli('findings')).stdout).not.toContain('not yet delivered');
    expect((await cli('sinks', 'remove', sink as string)).code).toBe(2);
  });

  it('a sink taken out of the file by hand keeps what it is owed until it is removed by name', async () => {
    expect((await cli('run', '--slack-webhook', slackUrl)).code).toBe(1);
    writeFileSync(path.join(stateDir, 'routes.json'), JSON.stringify({ routes: [] }));
    const run = await cli('run');
    expect(run.code).toBe(1);
    const sink = /still owed to (slack-[0-9a-f]{8}), which is no longer configured/.exec(run.stderr)?.[1];
    expect(sink, run.stderr).toBeDefined();
    expect(run.stderr).toContain(`exposure-monitor sinks remove ${sink}`);
    expect((await cli('sinks', 'list')).stdout).toContain(`not configured, still owed 1 alert(s): ${sink}`);
    const removed = await cli('sinks', 'remove', sink as string);
    expect(removed.stdout).toContain('was no longer configured');
    expect(removed.stdout).toMatch(/1 alert it was still owed is withdrawn/);
    expect((await cli('run')).code).toBe(0);
  });

  it('refuses bad input naming what is wrong, without echoing a URL', async () => {
    const cases: [string[], string][] = [
      [['sinks', 'add', 'email', 'x'], 'the kind is one of slack, teams, webhook, pagerduty'],
      [['sinks', 'add', 'slack'], 'give the webhook URL one way'],
      [['sinks', 'add', 'slack', 'https://a.test/x', '--from-env', 'X'], 'give the webhook URL one way'],
      [['sinks', 'add', 'slack', '--from-env', 'EM_TEST_UNSET_VARIABLE'], '--from-env EM_TEST_UNSET_VARIABLE: the environment variable is not set or empty'],
      [['sinks', 'add', 'slack', '--from-file', path.join(os.tmpdir(), 'em-no-such-file')], 'no such file'],
      [['sinks', 'add', 'teams', 'ftp://secret-host.test/TOKENPART'], 'sinks add teams: not an http or https URL'],
      [['sinks', 'add', 'pagerduty', 'short'], 'a PagerDuty integration key'],
      [['sinks', 'add', 'webhook', hook.url, '--route', 'Bad Name'], '--route: a route name is'],
      [['sinks', 'remove', 'slack-00000000'], 'no sink "slack-00000000"'],
      [['sinks', 'purge'], 'sinks: expected list, add or remove'],
      [['sinks', 'list', '--aws'], 'on AWS the destinations are CDK context'],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(message);
      expect(r.stderr).not.toContain('TOKENPART');
    }
  });
});
