import { describe, expect, it } from 'vitest';
import { ALERT_SCHEMA, type AlertEvent, type AlertType } from '../../../lambdas/core/alerts/alert-event.js';
import { eventsShown } from '../../../lambdas/core/alerts/describe-event.js';
import { renderEmailDigest, renderSlackDigest } from '../../../lambdas/core/alerts/render-digest.js';
import { renderEmail } from '../../../lambdas/core/alerts/render-email.js';
import { renderSlackMessage } from '../../../lambdas/core/alerts/render-slack.js';
import { renderTeamsDigest } from '../../../lambdas/core/alerts/render-teams.js';
import { renderTerminalTable } from '../../../lambdas/core/alerts/render-terminal.js';

// Wording found by the newcomer trial (problem 24): "events 1-1 of 1", and a gone endpoint still
// shown as "auth none" as if it answered now.

function event(type: AlertType, auth: 'none' | 'required' = 'none'): AlertEvent {
  return {
    schema: ALERT_SCHEMA,
    id: `w${type.length}`.padEnd(32, '0'),
    type,
    severity: type === 'endpoint.gone' ? 'info' : 'high',
    runId: 'run-w',
    at: '2026-11-23T10:00:00.000Z',
    endpoint: { ip: '127.4.0.1', port: 11434, tls: false, service: 'ollama', auth, version: '0.6.0', range: '127.4.0.0/24' },
    evidence: 'GET /api/tags -> 200',
  };
}

const slackContext = (messages: ReturnType<typeof renderSlackDigest>): string => {
  const blocks = messages[0]?.blocks as { type: string; elements?: { text: string }[] }[];
  return blocks.find((b) => b.type === 'context')?.elements?.[0]?.text ?? '';
};

describe('digest footers say which events a message holds in plain words', () => {
  it.each([
    [1, 1, 1, '1 event'],
    [1, 3, 3, '3 events'],
    [26, 1, 100, 'event 26 of 100'],
    [26, 25, 100, 'events 26-50 of 100'],
  ])('first %i, %i shown of %i: %s', (first, count, total, text) => {
    expect(eventsShown(first, count, total)).toBe(text);
  });

  it('a one-event Slack or Teams digest says "1 event", not "events 1-1 of 1"', () => {
    const one = [event('endpoint.new_unauthenticated')];
    expect(slackContext(renderSlackDigest(one, { runId: 'run-w' }))).toBe('1 event');
    expect(JSON.stringify(renderTeamsDigest(one, { runId: 'run-w' }))).toContain('"1 event"');
    expect(JSON.stringify([renderSlackDigest(one, { runId: 'run-w' }), renderTeamsDigest(one, { runId: 'run-w' })])).not.toContain('1-1 of 1');
  });
});

describe('a gone endpoint shows the auth it had when last seen, as such', () => {
  const gone = event('endpoint.gone');

  it('terminal, Slack and Teams digests, email', () => {
    expect(renderTerminalTable([gone])).toMatch(/gone\s+http:\/\/127\.4\.0\.1:11434\s+ollama\s+was none/);
    expect(JSON.stringify(renderSlackDigest([gone], { runId: 'run-w' }))).toContain('auth `was none`');
    expect(JSON.stringify(renderTeamsDigest([gone], { runId: 'run-w' }))).toContain('auth was none');
    expect(renderEmailDigest([gone], { runId: 'run-w' }).map((m) => m.body).join('\n')).toContain('auth was none');
    expect(renderEmail(gone).body).toContain('Auth:      was none');
    expect(JSON.stringify(renderSlackMessage(gone))).toContain('*Auth*\\nwas `none`');
  });

  it('an endpoint that answers keeps its plain auth, or the change', () => {
    expect(renderTerminalTable([event('endpoint.new_unauthenticated')])).not.toContain('was ');
    const regressed = { ...event('endpoint.auth_regressed'), previous: { auth: 'required' as const, version: '0.6.0' } };
    expect(renderTerminalTable([regressed])).toContain('required -> none');
  });
});
