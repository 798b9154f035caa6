import { describe, expect, it } from 'vitest';
import { ALERT_SCHEMA, type AlertEvent, type AlertType, type Severity } from '../../../lambdas/core/alerts/alert-event.js';
import { EMAIL_BYTES_PER_PART, renderEmailDigest, renderSlackDigest, SLACK_EVENTS_PER_MESSAGE } from '../../../lambdas/core/alerts/render-digest.js';

function event(i: number, type: AlertType = 'endpoint.new_unauthenticated', severity: Severity = 'high', version = '1.0'): AlertEvent {
  const ip = `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  return {
    schema: ALERT_SCHEMA,
    id: `${String(i).padStart(32, '0')}`,
    type,
    severity,
    runId: 'run-9',
    at: '2026-11-23T10:00:00.000Z',
    endpoint: { ip, port: 11434, tls: false, service: 'ollama', auth: 'none', version, range: '127.1.0.0/16' },
    evidence: `GET /api/tags -> 200 with ${i} models`,
  };
}

const idsIn = (text: string): string[] => [...text.matchAll(/with (\d+) models/g)].map((m) => m[1] as string);

describe('Slack digest', () => {
  it('renders a small cycle as one message, new and worsened first', () => {
    const events = [event(1, 'endpoint.gone', 'info'), event(2, 'endpoint.auth_regressed', 'high'), event(3)];
    const [message, ...rest] = renderSlackDigest(events, { runId: 'run-9' });
    expect(rest).toEqual([]);
    expect(message?.text).toBe('AI exposure monitor, run run-9: 1 new unauthenticated, 1 lost authentication, 1 gone');
    const order = JSON.stringify(message?.blocks).match(/New unauthenticated|lost its authentication|no longer reachable/g);
    expect(order).toEqual(['New unauthenticated', 'lost its authentication', 'no longer reachable']);
  });

  it('splits 500 new endpoints into messages within Slack limits, every event exactly once', () => {
    const events = Array.from({ length: 500 }, (_, i) => event(i));
    const messages = renderSlackDigest(events, { runId: 'run-9' });
    expect(messages).toHaveLength(Math.ceil(500 / SLACK_EVENTS_PER_MESSAGE));
    for (const [i, m] of messages.entries()) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(m.text).toContain(`(part ${i + 1} of ${messages.length})`);
      expect(m.text).toContain('500 new unauthenticated');
      for (const b of m.blocks) expect(JSON.stringify(b).length).toBeLessThan(3000);
    }
    const seen = messages.flatMap((m) => idsIn(JSON.stringify(m.blocks)));
    expect(seen.sort()).toEqual(events.map((_, i) => String(i)).sort());
  });

  it('escapes a hostile banner', () => {
    const text = JSON.stringify(renderSlackDigest([event(1, 'endpoint.new_unauthenticated', 'high', '<!channel> \u001b[2J <https://evil|x>')], { runId: '<!here>' }));
    expect(text).not.toMatch(/<!channel>|<!here>|<https:/);
    expect(text).not.toContain('\\u001b');
  });

  it('renders nothing to send for an empty cycle', () => {
    expect(renderSlackDigest([], { runId: 'run-9' })[0]?.blocks).toHaveLength(2);
  });
});

describe('email digest', () => {
  it('is plain text with a subject inside SNS limits', () => {
    const [email] = renderEmailDigest([event(1), event(2, 'endpoint.fixed', 'info')], { runId: 'run-9' });
    expect(email?.subject).toBe('[HIGH] AI exposure digest: 1 new unauthenticated, 1 fixed');
    expect(email?.body).toContain('http://127.1.0.2:11434');
    expect(email?.body).not.toMatch(/<[a-z]/i);
  });

  it('splits a digest larger than one SNS message, every event exactly once, subjects under 100 characters', () => {
    const events = Array.from({ length: 2000 }, (_, i) => ({ ...event(i), evidence: `GET /api/tags -> 200 with ${i} models ${'x'.repeat(250)}` }));
    const emails = renderEmailDigest(events, { runId: 'run-9' });
    expect(emails.length).toBeGreaterThan(1);
    for (const e of emails) {
      expect(Buffer.byteLength(e.body)).toBeLessThanOrEqual(EMAIL_BYTES_PER_PART + 1000);
      expect(e.subject.length).toBeLessThan(100);
      expect(e.subject).toMatch(/\(part \d+ of \d+\)$/);
    }
    expect(emails.flatMap((e) => idsIn(e.body)).sort()).toEqual(events.map((_, i) => String(i)).sort());
  });

  it('strips control characters and escape sequences from hostile text', () => {
    const [email] = renderEmailDigest([event(1, 'endpoint.new_unauthenticated', 'high', 'v1\u001b[31m\r\nSubject: spoof')], { runId: 'run-9' });
    expect(email?.body).not.toContain('\u001b');
    expect(email?.body.split('\n').some((l) => l.startsWith('Subject:'))).toBe(false);
  });
});
