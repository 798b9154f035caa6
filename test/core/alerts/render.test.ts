import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../lambdas/core/alerts/alert-event.js';
import { renderEmail } from '../../../lambdas/core/alerts/render-email.js';
import { renderSlackMessage } from '../../../lambdas/core/alerts/render-slack.js';
import { renderTerminalTable } from '../../../lambdas/core/alerts/render-terminal.js';
import { cleanText, escapeSlack } from '../../../lambdas/core/alerts/sanitize.js';

const hostile: AlertEvent = {
  schema: 'ai-exposure-monitor/alert@1',
  id: 'abc123',
  type: 'endpoint.new_unauthenticated',
  severity: 'high',
  runId: 'run-1',
  at: '2026-11-23T10:00:00.000Z',
  endpoint: {
    ip: '127.0.0.9',
    port: 8000,
    tls: false,
    service: 'vllm',
    auth: 'none',
    version: '<!channel> \u001b[31mred\u001b[0m *bold* `tick`',
    range: '127.0.0.0/24',
    label: '<https://evil.example|click me> & <@U123>',
  },
  evidence: 'GET /v1/models -> 200 <!here>\r\nInjected: line',
};

describe('sanitising untrusted text', () => {
  it('strips ANSI escapes and control characters and caps length', () => {
    expect(cleanText('a\u001b[31mb\u0007c\u0000d\r\ne', 100)).toBe('abcd e');
    expect(cleanText('x'.repeat(500), 10)).toHaveLength(10);
  });
  it('escapes Slack control sequences', () => {
    expect(escapeSlack('<!channel> & <url|text>')).toBe('&lt;!channel&gt; &amp; &lt;url|text&gt;');
  });
});

describe('renderings of a hostile event', () => {
  it('Slack: no mention, link or raw control character survives', () => {
    const text = JSON.stringify(renderSlackMessage(hostile));
    expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<https:/);
    expect(text).not.toContain('\\u001b');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('abc123');
  });

  it('email: plain text, subject within SNS limits, no escape sequences', () => {
    const email = renderEmail(hostile);
    expect(email.subject.length).toBeLessThan(100);
    expect(email.subject).toMatch(/^[\x20-\x7e]+$/);
    expect(email.body).not.toContain('\u001b');
    expect(email.body).toContain('Injected: line');
    expect(email.body.split('\n').some((l) => l.startsWith('Injected'))).toBe(false);
  });

  it('terminal: one row per event, cleaned', () => {
    const table = renderTerminalTable([hostile]);
    expect(table.split('\n')).toHaveLength(2);
    expect(table).not.toContain('\u001b');
    expect(renderTerminalTable([])).toBe('no alerts');
  });
});
