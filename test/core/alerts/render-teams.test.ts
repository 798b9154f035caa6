import { describe, expect, it } from 'vitest';
import { ALERT_SCHEMA, type AlertEvent, type AlertType, type Severity } from '../../../lambdas/core/alerts/alert-event.js';
import { renderTeamsDigest, renderTeamsMessage, TEAMS_BYTES_PER_MESSAGE, TEAMS_EVENTS_PER_MESSAGE, type TeamsMessage, teamsMessageBytes } from '../../../lambdas/core/alerts/render-teams.js';
import { escapeTeams } from '../../../lambdas/core/alerts/sanitize.js';

function event(i: number, type: AlertType = 'endpoint.new_unauthenticated', severity: Severity = 'high', extra: Partial<AlertEvent> = {}): AlertEvent {
  return {
    schema: ALERT_SCHEMA,
    id: `t${String(i).padStart(31, '0')}`,
    type,
    severity,
    runId: 'run-t',
    at: '2026-11-23T10:00:00.000Z',
    endpoint: { ip: `127.4.${Math.floor(i / 250)}.${(i % 250) + 1}`, port: 11434, tls: false, service: 'ollama', auth: 'none', version: '0.5.1', range: '127.4.0.0/16' },
    evidence: `GET /api/tags -> 200 marker-${i}-end`,
    ...extra,
  };
}

const HOSTILE_TEXT = '<at>everyone</at> <!channel> [click](http://evil.example) *bold* _it_ `code` # h > q ~s~ \\ &lt;b&gt;';
const hostile = (i: number, evidence = HOSTILE_TEXT): AlertEvent =>
  event(i, 'endpoint.auth_regressed', 'critical', {
    previous: { auth: 'required', version: '0.5.0' },
    endpoint: {
      ip: '127.4.9.9',
      port: 8000,
      tls: true,
      service: '<at>svc</at>\u001b[31m',
      auth: 'none',
      version: `- ${HOSTILE_TEXT}\u202e\u0007`,
      range: '127.4.0.0/16',
      label: `1. [x](http://evil) <img src=x> \u202egnp.exe`,
    },
    evidence,
  });

const card = (m: TeamsMessage) => m.attachments[0].content as { type: string; version: string; $schema: string; body: Record<string, unknown>[] };
const markers = (m: TeamsMessage): number[] => [...JSON.stringify(m).matchAll(/marker-(\d+)-end/g)].map((x) => Number(x[1]));

/** What a Teams Markdown reader would act on: a tag, a link, emphasis, a control character. */
function expectInert(json: string): void {
  expect(json).not.toMatch(/<at>|<\/at>|<!channel>|<img|\]\(http/);
  expect(json).not.toMatch(/\\u00(0|1)[0-9a-f]|\\u007f|\u202e|\u001b/i);
}

describe('escapeTeams', () => {
  it('turns mentions, HTML and links into plain text', () => {
    expect(escapeTeams('<at>everyone</at>')).toBe('‹at›everyone‹/at›');
    expect(escapeTeams('[click](http://evil)')).toBe('\\[click\\]\\(http://evil\\)');
    expect(escapeTeams('*b* _i_ `c` # ~s~ a\\b &amp;')).toBe('\\*b\\* \\_i\\_ \\`c\\` \\# \\~s\\~ a\\\\b \\&amp;');
  });
  it('stops a leading list marker, strips control and bidi characters, caps length', () => {
    expect(escapeTeams('- item')).toBe('\\- item');
    expect(escapeTeams('+ item')).toBe('\\+ item');
    expect(escapeTeams('12. item')).toBe('12\\. item');
    expect(escapeTeams('a\u001b[31mb\u202ec\u0000d\r\ne')).toBe('abcd e');
    expect(escapeTeams('x'.repeat(10_000), 50)).toHaveLength(50);
  });
});

describe('Teams card for one event', () => {
  it('is an Adaptive Card 1.4 in a message envelope, with the facts of the event', () => {
    const m = renderTeamsMessage({ ...event(1, 'endpoint.auth_regressed', 'critical'), previous: { auth: 'required', version: '0.5.0' }, route: 'oncall' });
    expect(m.type).toBe('message');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(m.attachments[0].contentUrl).toBeNull();
    const c = card(m);
    expect([c.type, c.version, c.$schema]).toEqual(['AdaptiveCard', '1.4', 'http://adaptivecards.io/schemas/adaptive-card.json']);
    expect(c.body.map((b) => b.type)).toEqual(['TextBlock', 'FactSet', 'TextBlock', 'TextBlock']);
    expect(c.body[0]?.text).toBe('AI endpoint lost its authentication');
    const facts = Object.fromEntries((c.body[1]?.facts as { title: string; value: string }[]).map((f) => [f.title, f.value]));
    expect(facts).toEqual({
      Endpoint: 'http://127.4.0.2:11434',
      Service: 'ollama',
      Auth: 'required → none',
      Version: '0.5.1',
      Range: '127.4.0.0/16',
      Severity: 'critical',
      Route: 'oncall',
    });
    expect(c.body[2]?.text).toContain('marker-1-end');
    expect(c.body[3]?.text).toBe(`run run-t · event ${event(1).id} · 2026-11-23T10:00:00.000Z`);
  });

  it('a run-level event has no endpoint facts', () => {
    const { endpoint: _, ...run } = event(2, 'run.incomplete', 'medium');
    const facts = card(renderTeamsMessage(run)).body[1]?.facts as { title: string }[];
    expect(facts.map((f) => f.title)).toEqual(['Severity']);
  });

  it('neutralises hostile text and caps 10 KB of evidence', () => {
    const m = renderTeamsMessage(hostile(3, `${HOSTILE_TEXT} ${'A'.repeat(10_000)}`));
    const json = JSON.stringify(m);
    expectInert(json);
    expect(json).toContain('‹at›everyone‹/at›');
    expect(json).toContain('\\\\[click\\\\]\\\\(http://evil.example\\\\)');
    const evidence = card(m).body[2]?.text as string;
    expect(evidence.length).toBeLessThan(1_200);
    expect(evidence.endsWith('…')).toBe(true);
    expect(teamsMessageBytes(m)).toBeLessThan(TEAMS_BYTES_PER_MESSAGE);
  });

  it('stays under the byte limit even when every character grows when escaped', () => {
    const worst = '\\'.repeat(5_000);
    const e = hostile(4, worst);
    const m = renderTeamsMessage({ ...e, endpoint: { ...(e.endpoint as NonNullable<AlertEvent['endpoint']>), version: '<'.repeat(500), label: '😀'.repeat(500) }, vulnerabilities: Array.from({ length: 50 }, (_, i) => ({ id: `CVE-2024-${i}`, severity: 'critical' as const })) });
    expect(teamsMessageBytes(m)).toBeLessThan(TEAMS_BYTES_PER_MESSAGE);
  });
});

describe('Teams digest', () => {
  it('renders a small run as one card, worst first, with counts and the event range', () => {
    const messages = renderTeamsDigest([event(1, 'endpoint.gone', 'info'), event(2, 'endpoint.auth_regressed'), event(3)], { runId: 'run-t', sentSeparately: 2 });
    expect(messages).toHaveLength(1);
    const body = card(messages[0] as TeamsMessage).body;
    expect(body[0]?.text).toBe('**AI exposure monitor, run run-t: 1 new unauthenticated, 1 lost authentication, 1 gone; 2 critical alerts sent on their own**');
    expect(body.slice(1, -1).map((b) => /marker-(\d)/.exec(b.text as string)?.[1])).toEqual(['3', '2', '1']);
    expect(body.at(-1)?.text).toBe('3 events');
  });

  it('splits 500 events into messages under the byte limit, every event exactly once, numbered', () => {
    const events = Array.from({ length: 500 }, (_, i) => event(i));
    const messages = renderTeamsDigest(events, { runId: 'run-t' });
    expect(messages).toHaveLength(Math.ceil(500 / TEAMS_EVENTS_PER_MESSAGE));
    let next = 1;
    for (const [i, m] of messages.entries()) {
      expect(teamsMessageBytes(m)).toBeLessThan(TEAMS_BYTES_PER_MESSAGE);
      const body = card(m).body;
      expect(body[0]?.text).toContain(`(part ${i + 1} of ${messages.length})`);
      expect(body[0]?.text).toContain('500 new unauthenticated');
      expect(body.at(-1)?.text).toBe(`events ${next}-${next + body.length - 3} of 500`);
      next += body.length - 2;
    }
    expect(messages.flatMap(markers).sort((a, b) => a - b)).toEqual([...Array(500).keys()]);
  });

  it('splits by size when hostile lines are long, never cutting an event', () => {
    const events = Array.from({ length: 500 }, (_, i) => hostile(i, `marker-${i}-end ${'<\\*'.repeat(2_000)}`));
    const messages = renderTeamsDigest(events, { runId: 'run-t' });
    expect(messages.length).toBeGreaterThan(Math.ceil(500 / TEAMS_EVENTS_PER_MESSAGE));
    for (const m of messages) {
      expect(teamsMessageBytes(m)).toBeLessThan(TEAMS_BYTES_PER_MESSAGE);
      expectInert(JSON.stringify(m));
    }
    expect(messages.flatMap(markers).sort((a, b) => a - b)).toEqual([...Array(500).keys()]);
    const last = card(messages.at(-1) as TeamsMessage).body;
    expect(last.at(-1)?.text).toMatch(/ of 500$/);
  });

  it('keeps the caller\'s part numbers, and says so when a part needs several messages', () => {
    const counts = '100 lost authentication';
    const small = renderTeamsDigest([event(1)], { runId: 'run-t', part: { index: 2, of: 4, firstEvent: 26, totalEvents: 100, counts } });
    expect(card(small[0] as TeamsMessage).body[0]?.text).toBe(`**AI exposure monitor, run run-t: ${counts}** (part 2 of 4)`);
    expect(card(small[0] as TeamsMessage).body.at(-1)?.text).toBe('event 26 of 100');

    const big = Array.from({ length: TEAMS_EVENTS_PER_MESSAGE }, (_, i) => hostile(i, `marker-${i}-end ${'<\\*'.repeat(2_000)}`));
    const messages = renderTeamsDigest(big, { runId: 'run-t', part: { index: 2, of: 4, firstEvent: 26, totalEvents: 100, counts } });
    expect(messages.length).toBeGreaterThan(1);
    const heads = messages.map((m) => card(m).body[0]?.text);
    expect(heads[0]).toContain(`(part 2 of 4, message 1 of ${messages.length})`);
    const ranges = messages.map((m) => card(m).body.at(-1)?.text);
    expect(ranges[0]).toMatch(/^events 26-\d+ of 100$/);
    expect(ranges.at(-1)).toMatch(/^(events \d+-|event )50 of 100$/);
    expect(messages.flatMap(markers).sort((a, b) => a - b)).toEqual([...Array(TEAMS_EVENTS_PER_MESSAGE).keys()]);
  });

  it('escapes a hostile run id', () => {
    expectInert(JSON.stringify(renderTeamsDigest([event(1)], { runId: '<at>everyone</at>' })));
  });
});
