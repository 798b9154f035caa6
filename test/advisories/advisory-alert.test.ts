import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lambdas/cli/main.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import { decideSighting } from '../../lambdas/core/state/transitions.js';
import { SEVERITY_RANK } from '../../lambdas/core/alerts/alert-event.js';
import { renderEmail } from '../../lambdas/core/alerts/render-email.js';
import { renderPagerDutyEvent } from '../../lambdas/core/alerts/render-pagerduty.js';
import { renderSlackMessage } from '../../lambdas/core/alerts/render-slack.js';
import { renderTeamsMessage } from '../../lambdas/core/alerts/render-teams.js';
import { knownVulnerabilities } from '../../lambdas/core/vulnerabilities/cve-table.js';
import { matchVulnerabilities } from '../../lambdas/core/vulnerabilities/match-vulnerabilities.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { captureIo } from '../support/capture-io.js';
import { testProbe } from '../support/monitor.js';

// A known vulnerable version, from a recorded fixture: the Ollama fixture reports 0.5.7. Its
// alert carries every advisory of that version, the count and the worst; findings lists them.
// This file's servers live on 127.0.95.x.
const fleet = new Fleet();
const root = mkdtempSync(path.join(os.tmpdir(), 'em-advisories-'));
const fixture = loadFixture('ollama', 'none');
const version = fixture.version as string;
const expected = matchVulnerabilities(knownVulnerabilities, 'ollama', version);

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo({});
  const code = await main([...argv, '--state-dir', root], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

beforeAll(async () => {
  await fleet.start({ host: '127.0.95.10', port: 11434, fixture });
});
afterAll(async () => {
  await fleet.close();
  rmSync(root, { recursive: true, force: true });
});

describe('an endpoint at a known vulnerable version', () => {
  it('has more than one advisory at the fixture version (else the count proves little)', () => {
    expect(expected.length).toBeGreaterThanOrEqual(2);
  });

  it('alerts with every advisory, the count and the worst, and its severity raised to the worst', async () => {
    const report = await probeTargets([{ host: '127.0.95.10', port: 11434 }], catalog, testProbe);
    const obs = report.observations[0];
    expect(obs?.version).toBe(version);
    const event = decideSighting(undefined, obs!, { runId: 'r1', at: '2026-12-02T00:00:00.000Z', range: '127.0.95.0/24' }).events[0];
    const worst = expected[0]!;
    expect(event?.type).toBe('endpoint.new_unauthenticated');
    expect(event?.vulnerabilities?.map((v) => v.id)).toEqual(expected.map((v) => v.id));
    expect(event?.advisories).toEqual({ count: expected.length, worst: { id: worst.id, severity: worst.severity } });
    // The worst is no milder than any other advisory of that version.
    for (const v of expected) expect(SEVERITY_RANK[worst.severity]).toBeGreaterThanOrEqual(SEVERITY_RANK[v.severity]);
    expect(SEVERITY_RANK[event!.severity]).toBeGreaterThanOrEqual(SEVERITY_RANK[worst.severity]);

    // Every channel says how many and which is the worst.
    const line = `${expected.length} known advisories, worst ${worst.id} (${worst.severity})`;
    expect(JSON.stringify(renderSlackMessage(event!))).toContain(line);
    expect(JSON.stringify(renderEmail(event!))).toContain(line);
    // Teams escapes its markdown characters, the parentheses among them.
    expect(JSON.stringify(renderTeamsMessage(event!))).toContain(`${expected.length} known advisories, worst ${worst.id} \\\\(${worst.severity}\\\\)`);
    expect(JSON.stringify(renderPagerDutyEvent(event!, 'routing-key-for-test'))).toContain(`"advisories_count":${expected.length}`);
  });

  it('run prints the count and the worst; findings lists them in the table and in --json', async () => {
    expect((await cli('ranges', 'add', '127.0.95.0/24', '--ports', '11434')).code).toBe(0);
    const run = await cli('run');
    expect(run.code, run.stderr).toBe(0);
    const worst = expected[0]!;
    const cell = `${expected.length}, worst ${worst.id} (${worst.severity})`;
    expect(run.stdout).toContain(`${expected.length} known advisories, worst ${worst.id} (${worst.severity})`);

    const table = await cli('findings');
    expect(table.code, table.stderr).toBe(0);
    const [header, row] = table.stdout.split('\n');
    expect(header).toContain('ADVISORIES');
    expect(row).toContain(cell);

    const json = await cli('findings', '--json');
    const finding = JSON.parse(json.stdout.split('\n')[0] as string) as { version: string; vulnerabilities: { id: string; severity: string }[] };
    expect(finding.version).toBe(version);
    expect(finding.vulnerabilities).toEqual(expected.map((v) => ({ id: v.id, severity: v.severity })));
  });
});
