import { describe, expect, it } from 'vitest';
import type { AuthState } from '../../../lambdas/core/fingerprint/catalog-schema.js';
import type { Observation } from '../../../lambdas/core/probing/probe-targets.js';
import type { EndpointRecord } from '../../../lambdas/core/state/endpoint-record.js';
import { decideMiss, decideSighting } from '../../../lambdas/core/state/transitions.js';

const obs = (auth: AuthState, version: string | null = '1.0'): Observation => ({
  ip: '127.0.0.5',
  port: 11434,
  tls: false,
  service: 'ollama',
  name: 'Ollama',
  auth,
  version,
  evidence: 'GET /api/tags -> 200',
  exposes: 'models',
  openSeverity: 'high',
  vulnerabilities: [],
  requests: 3,
});
const ctx = (runId: string) => ({ runId, at: `2026-01-0${runId.length}T00:00:00.000Z`, range: '127.0.0.0/24' });

function known(auth: AuthState, extra: Partial<EndpointRecord> = {}): EndpointRecord {
  const first = decideSighting(undefined, obs(auth), ctx('r1')).next as EndpointRecord;
  const { pendingEvents: _p, ...rest } = first;
  return { ...rest, ...extra };
}

describe('decideSighting', () => {
  it.each([
    ['none', 'endpoint.new_unauthenticated', 'high'],
    ['default-credential', 'endpoint.new_unauthenticated', 'critical'],
    ['required', 'endpoint.new_authenticated', 'info'],
    ['unknown', 'endpoint.new_authenticated', 'info'],
  ] as const)('first sighting with auth %s is %s (%s)', (auth, type, severity) => {
    const t = decideSighting(undefined, obs(auth), ctx('r1'));
    expect(t.events.map((e) => [e.type, e.severity])).toEqual([[type, severity]]);
    expect(t.next?.pendingEvents?.[t.events[0]?.id as string]).toEqual(t.events[0]);
    expect(t.next?.rev).toBe(1);
  });

  it.each([
    ['required', 'none', ['endpoint.auth_regressed']],
    ['unknown', 'none', ['endpoint.auth_regressed']],
    ['none', 'required', ['endpoint.fixed']],
    ['none', 'none', []],
    ['required', 'required', []],
  ] as const)('known %s then %s gives %j', (before, after, types) => {
    const t = decideSighting(known(before), obs(after), ctx('r22'));
    expect(t.events.map((e) => e.type)).toEqual(types);
    expect(t.next?.lastSeenRunId).toBe('r22');
    if (types.length) expect(t.events[0]?.previous).toEqual({ auth: before, version: '1.0' });
  });

  it('reports a version change', () => {
    const t = decideSighting(known('none'), obs('none', '2.0'), ctx('r22'));
    expect(t.events.map((e) => [e.type, e.evidence])).toEqual([['endpoint.version_changed', 'version 1.0 -> 2.0']]);
  });

  it('raises severity with known vulnerabilities and names them', () => {
    const vulnerable = { ...obs('none', '0.1.20'), vulnerabilities: [{ id: 'CVE-2024-37032', severity: 'critical' as const }] };
    const first = decideSighting(undefined, vulnerable, ctx('r1'));
    expect(first.events[0]).toMatchObject({ severity: 'critical', vulnerabilities: [{ id: 'CVE-2024-37032', severity: 'critical' }] });
    const upgrade = decideSighting(known('none'), { ...vulnerable, version: '0.1.20' }, ctx('r22'));
    expect(upgrade.events.map((e) => [e.type, e.severity])).toEqual([['endpoint.version_changed', 'critical']]);
    expect(upgrade.events[0]?.evidence).toContain('CVE-2024-37032');
  });

  it('does nothing on a second sighting in the same run (a redelivered block)', () => {
    expect(decideSighting(known('required'), obs('none'), ctx('r1'))).toEqual({ events: [] });
  });

  it('gives the same event id for the same endpoint, transition and run', () => {
    const a = decideSighting(undefined, obs('none'), ctx('r1')).events[0];
    const b = decideSighting(undefined, obs('none'), ctx('r1')).events[0];
    const c = decideSighting(undefined, obs('none'), ctx('r2')).events[0];
    expect(a?.id).toBe(b?.id);
    expect(a?.id).not.toBe(c?.id);
  });

  it('keeps a suppressed endpoint quiet unless its auth regresses', () => {
    const suppressed = { reason: 'lab box', at: '2026-01-01T00:00:00.000Z' };
    expect(decideSighting(known('none', { suppressed }), obs('required'), ctx('r22')).events).toEqual([]);
    expect(decideSighting(known('required', { suppressed }), obs('none'), ctx('r22')).events.map((e) => e.type)).toEqual(['endpoint.auth_regressed']);
    const expired = { ...suppressed, until: '2026-01-01T00:00:00.000Z' };
    expect(decideSighting(known('none', { suppressed: expired }), obs('required'), ctx('r22')).events.map((e) => e.type)).toEqual(['endpoint.fixed']);
  });
});

describe('decideMiss', () => {
  const missCtx = (runId: string, goneAfterMisses = 2) => ({ runId, at: '2026-02-01T00:00:00.000Z', goneAfterMisses });

  it('reports gone only after the configured number of complete misses', () => {
    const first = decideMiss(known('none'), missCtx('r2'));
    expect(first.events).toEqual([]);
    expect(first.next).toMatchObject({ missCount: 1, status: 'open' });
    const second = decideMiss(first.next as EndpointRecord, missCtx('r3'));
    expect(second.events.map((e) => e.type)).toEqual(['endpoint.gone']);
    expect(second.next).toMatchObject({ missCount: 2, status: 'gone' });
  });

  it('counts one miss per run however often it is applied', () => {
    const first = decideMiss(known('none'), missCtx('r2'));
    expect(decideMiss(first.next as EndpointRecord, missCtx('r2'))).toEqual({ events: [] });
  });

  it('resets the miss count when the endpoint is seen again', () => {
    const missed = decideMiss(known('none'), missCtx('r2')).next as EndpointRecord;
    expect(decideSighting(missed, obs('none'), ctx('r33')).next?.missCount).toBe(0);
  });

  it('treats a return after gone as new', () => {
    const gone = decideMiss(known('none'), missCtx('r2', 1)).next as EndpointRecord;
    expect(decideSighting({ ...gone, pendingEvents: undefined }, obs('none'), ctx('r33')).events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
  });
});

describe('what an alert carries for its reader', () => {
  const remediation = { fix: 'Bind to localhost.', settings: ['OLLAMA_HOST=127.0.0.1:11434'], docs: 'https://example.test/doc', allows: ['run-inference' as const] };
  const withFix = (auth: AuthState): Observation => ({ ...obs(auth), remediation });

  it('the fix rides on every open event, and fixed/gone name the alert that opened the exposure', () => {
    const opened = decideSighting(undefined, withFix('none'), { ...ctx('r1'), route: 'ml', owner: 'ml@example.test' });
    const event = opened.events[0];
    expect(event?.remediation).toEqual(remediation);
    expect(event?.route).toBe('ml');
    expect(event?.endpoint?.owner).toBe('ml@example.test');
    expect(opened.next?.openAlertId).toBe(event?.id);

    const { pendingEvents: _p, ...record } = opened.next as EndpointRecord;
    const fixed = decideSighting(record, withFix('required'), ctx('r22'));
    expect(fixed.events.map((e) => e.type)).toEqual(['endpoint.fixed']);
    expect(fixed.events[0]?.resolves).toBe(event?.id);
    expect(fixed.events[0]?.remediation).toBeUndefined();
    expect(fixed.next?.openAlertId).toBeUndefined();

    const gone = decideMiss(record, { runId: 'r333', at: '2026-02-01T00:00:00.000Z', goneAfterMisses: 1 });
    expect(gone.events[0]?.type).toBe('endpoint.gone');
    expect(gone.events[0]?.resolves).toBe(event?.id);
    expect(gone.events[0]?.route).toBe('ml');
  });

  it('a regression opens a new exposure: its own id is what a later fix resolves', () => {
    const locked = known('required');
    const regressed = decideSighting(locked, withFix('none'), ctx('r22'));
    expect(regressed.events.map((e) => e.type)).toEqual(['endpoint.auth_regressed']);
    expect(regressed.next?.openAlertId).toBe(regressed.events[0]?.id);
  });
});

describe('why an alert has its severity', () => {
  it('says open, code-running product, default credential, and the advisory that raised it', () => {
    expect(decideSighting(undefined, obs('none'), ctx('r1')).events[0]?.severityReason).toBe('open without credentials');
    expect(decideSighting(undefined, obs('default-credential'), ctx('r1')).events[0]?.severityReason).toBe('a documented default credential works');
    const notebook = { ...obs('none'), name: 'Jupyter', openSeverity: 'critical' as const };
    expect(decideSighting(undefined, notebook, ctx('r1')).events[0]?.severityReason).toBe("open without credentials, and Jupyter's open API runs code on the host");
    const vulnerable = { ...obs('none'), vulnerabilities: [{ id: 'CVE-2024-37032', severity: 'critical' as const }, { id: 'CVE-2024-0001', severity: 'medium' as const }] };
    const raised = decideSighting(undefined, vulnerable, ctx('r1')).events[0];
    expect(raised?.severity).toBe('critical');
    expect(raised?.severityReason).toBe('open without credentials; raised by CVE-2024-37032 (critical)');
    expect(decideSighting(undefined, obs('required'), ctx('r1')).events[0]?.severityReason).toBeUndefined();
  });
});
