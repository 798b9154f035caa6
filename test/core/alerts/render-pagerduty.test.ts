import { describe, expect, it } from 'vitest';
import { ALERT_SCHEMA, type AlertEvent, type AlertType, type Severity } from '../../../lambdas/core/alerts/alert-event.js';
import { type PagerDutyTrigger, pagerDutyAccepts, renderPagerDutyEvent } from '../../../lambdas/core/alerts/render-pagerduty.js';

const KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';

function event(type: AlertType, severity: Severity, extra: Partial<AlertEvent> = {}): AlertEvent {
  return {
    schema: ALERT_SCHEMA,
    id: 'p0000000000000000000000000000001',
    type,
    severity,
    runId: 'run-p',
    at: '2026-11-23T10:00:00.000Z',
    endpoint: { ip: '1.2.3.4', port: 11434, tls: false, service: 'ollama', auth: 'none', version: '0.1.20', range: '1.2.3.0/24', label: 'lab' },
    evidence: 'GET /api/tags -> 200',
    ...extra,
  };
}

describe('PagerDuty trigger', () => {
  it('opens an incident keyed by the event id for a critical endpoint event', () => {
    const body = renderPagerDutyEvent(
      { ...event('endpoint.new_unauthenticated', 'critical'), vulnerabilities: [{ id: 'CVE-2024-37032', severity: 'critical' }], route: 'oncall' },
      KEY,
    );
    expect(body).toEqual({
      routing_key: KEY,
      event_action: 'trigger',
      dedup_key: 'p0000000000000000000000000000001',
      payload: {
        summary: 'New unauthenticated AI endpoint: http://1.2.3.4:11434 ollama',
        source: 'http://1.2.3.4:11434',
        severity: 'critical',
        timestamp: '2026-11-23T10:00:00.000Z',
        component: 'ollama',
        group: '1.2.3.0/24',
        class: 'endpoint.new_unauthenticated',
        custom_details: {
          event_id: 'p0000000000000000000000000000001',
          run_id: 'run-p',
          type: 'endpoint.new_unauthenticated',
          severity: 'critical',
          endpoint: 'http://1.2.3.4:11434',
          service: 'ollama',
          auth: 'none',
          version: '0.1.20',
          range: '1.2.3.0/24',
          label: 'lab',
          vulnerabilities: ['CVE-2024-37032 (critical)'],
          route: 'oncall',
          evidence: 'GET /api/tags -> 200',
        },
      },
      client: 'ai-exposure-monitor',
    });
  });

  it('cleans and caps hostile text from the host', () => {
    const hostile = '<at>everyone</at> <!channel> [x](http://evil) \u001b[31m\u202e\u0007';
    const e = event('endpoint.auth_regressed', 'critical', {
      previous: { auth: 'required', version: null },
      evidence: `${hostile}${'E'.repeat(10_000)}`,
      endpoint: { ip: '1.2.3.4', port: 8000, tls: true, service: `${hostile}${'S'.repeat(5_000)}`, auth: 'none', version: hostile, range: '1.2.3.0/24', label: hostile },
    });
    const body = renderPagerDutyEvent(e, KEY) as PagerDutyTrigger;
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/\\u00(0|1)[0-9a-f]|\u202e|\u001b/i);
    expect(body.payload.summary.length).toBeLessThanOrEqual(1024);
    expect(body.payload.component?.length).toBeLessThanOrEqual(60);
    expect((body.payload.custom_details.evidence as string).length).toBeLessThanOrEqual(1000);
    expect(body.payload.custom_details.previous_auth).toBe('required');
    expect(Buffer.byteLength(json)).toBeLessThan(4_000);
  });

  it('has no use for anything below critical, nor for fixed/gone without an incident to close', () => {
    for (const severity of ['high', 'medium', 'low', 'info'] as const) expect(renderPagerDutyEvent(event('endpoint.new_unauthenticated', severity), KEY)).toBeUndefined();
    expect(renderPagerDutyEvent(event('endpoint.fixed', 'info'), KEY)).toBeUndefined();
    expect(renderPagerDutyEvent(event('endpoint.gone', 'critical'), KEY)).toBeUndefined();
  });
});

describe('PagerDuty resolve', () => {
  it('closes the incident the named alert opened', () => {
    for (const type of ['endpoint.fixed', 'endpoint.gone'] as const) {
      expect(renderPagerDutyEvent(event(type, 'info', { id: 'p2', resolves: 'p0000000000000000000000000000001' }), KEY)).toEqual({
        routing_key: KEY,
        event_action: 'resolve',
        dedup_key: 'p0000000000000000000000000000001',
      });
    }
  });
});

describe('pagerDutyAccepts', () => {
  it('takes critical events that reach the floor', () => {
    expect(pagerDutyAccepts(event('endpoint.new_unauthenticated', 'critical'), true)).toBe(true);
    expect(pagerDutyAccepts(event('endpoint.new_unauthenticated', 'critical'), false)).toBe(false);
    expect(pagerDutyAccepts(event('endpoint.new_unauthenticated', 'high'), true)).toBe(false);
    expect(pagerDutyAccepts(event('run.incomplete', 'medium'), true)).toBe(false);
  });

  it('always takes a resolution, whatever the floor, and never a fixed/gone with nothing to resolve', () => {
    expect(pagerDutyAccepts(event('endpoint.fixed', 'info', { resolves: 'x' }), false)).toBe(true);
    expect(pagerDutyAccepts(event('endpoint.gone', 'info', { resolves: 'x' }), true)).toBe(true);
    expect(pagerDutyAccepts(event('endpoint.fixed', 'info'), true)).toBe(false);
    expect(pagerDutyAccepts(event('endpoint.gone', 'critical'), true)).toBe(false);
  });

  it('agrees with the renderer: an accepted event always has a body', () => {
    const cases = [event('endpoint.new_unauthenticated', 'critical'), event('endpoint.version_changed', 'critical'), event('endpoint.fixed', 'info', { resolves: 'x' }), event('endpoint.gone', 'info')];
    for (const e of cases) expect(pagerDutyAccepts(e, true)).toBe(renderPagerDutyEvent(e, KEY) !== undefined);
  });
});
