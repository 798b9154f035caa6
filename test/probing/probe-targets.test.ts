import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import { Fleet, listFixtures, loadFixture, type RunningMember } from '../../lambdas/local/fixture-fleet.js';
import { testProbe } from '../support/monitor.js';

// This file's servers live on 127.0.21.x; other files use other 127.0.x nets.
const fleet = new Fleet();
// Generous limits: every server here answers (see testProbe).
const options = testProbe;
let open: RunningMember;
let locked: RunningMember;
let tls: RunningMember;
let plainWeb: RunningMember;
let closedPort: number;

beforeAll(async () => {
  open = await fleet.start({ host: '127.0.21.1', port: 0, fixture: loadFixture('ollama', 'none') });
  locked = await fleet.start({ host: '127.0.21.2', port: 0, fixture: loadFixture('vllm', 'required') });
  tls = await fleet.start({ host: '127.0.21.3', port: 0, tls: true, fixture: loadFixture('qdrant', 'none') });
  plainWeb = await fleet.start({
    host: '127.0.21.4',
    port: 0,
    handler: (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok","version":"1.0"}');
    },
  });
  // A port that was open a moment ago and is now closed: connection refused.
  const gone = await fleet.start({ host: '127.0.21.5', port: 0, handler: () => undefined });
  closedPort = gone.member.port;
  await fleet.stop('127.0.21.5', closedPort);
});
afterAll(() => fleet.close());

describe('probeTargets against real loopback servers', () => {
  it('reports the open service, the auth-enforcing one and the TLS one; skips closed and non-AI ports', async () => {
    const targets = [open, locked, tls, plainWeb].map((m) => ({ host: m.member.host, port: m.member.port }));
    targets.push({ host: '127.0.21.5', port: closedPort });
    const report = await probeTargets(targets, catalog, options);
    const summary = report.observations.map((o) => [o.ip, o.service, o.auth, o.tls, o.version]);
    expect(summary).toEqual([
      ['127.0.21.1', 'ollama', 'none', false, '0.5.7'],
      ['127.0.21.2', 'vllm', 'required', false, '0.11.0'],
      ['127.0.21.3', 'qdrant', 'none', true, '1.12.4'],
    ]);
    expect(report.sweep).toMatchObject({ attempted: 5, open: 4, closed: 1 });
    expect(report.unidentified).toBe(1);
    const viaTls = report.observations.find((o) => o.tls);
    expect(viaTls?.certificate).toMatchObject({ selfSigned: true, authorized: false, subject: 'fixture.loopback.test' });
  });

  it('identifies every recorded fixture over real HTTP, on its product port', async () => {
    const members: RunningMember[] = [];
    const fixtures = listFixtures();
    for (const [i, f] of fixtures.entries()) {
      const port = catalog.find((e) => e.service === f.service)?.ports[0] ?? 8080;
      members.push(await fleet.start({ host: `127.0.${22 + Math.floor(i / 200)}.${(i % 200) + 1}`, port, fixture: f.fixture }));
    }
    const report = await probeTargets(members.map((m) => ({ host: m.member.host, port: m.member.port })), catalog, { ...options, checkDefaultCredentials: true });
    const byHost = new Map(report.observations.map((o) => [o.ip, o]));
    for (const [i, f] of fixtures.entries()) {
      const o = byHost.get(`127.0.${22 + Math.floor(i / 200)}.${(i % 200) + 1}`);
      expect([f.service, f.state, o?.service, o?.auth]).toEqual([f.service, f.state, f.fixture.service, f.fixture.auth]);
    }
  });
});
