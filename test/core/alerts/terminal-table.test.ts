import { describe, expect, it } from 'vitest';
import type { AlertEvent, Severity } from '../../../lambdas/core/alerts/alert-event.js';
import { renderTerminalTable } from '../../../lambdas/core/alerts/render-terminal.js';
import { visibleLength } from '../../../lambdas/core/alerts/text-table.js';

const ESC = '\u001b';

function event(severity: Severity, n: number, route?: string): AlertEvent {
  return {
    schema: 'ai-exposure-monitor/alert@1',
    id: `id-${n}`,
    type: 'endpoint.new_unauthenticated',
    severity,
    runId: 'run-1',
    at: '2026-11-23T10:00:00.000Z',
    endpoint: { ip: `127.0.0.${n}`, port: 8000, tls: false, service: 'text-generation-webui', auth: 'none', version: '2025.06.01-nightly', range: '127.0.0.0/24' },
    evidence: `GET /v1/models -> 200 without a key, ${n} models (first: meta-llama/Llama-3.1-8B-Instruct)`,
    ...(route ? { route } : {}),
  };
}

const tableLines = (text: string) => text.split('\n\n')[0]?.split('\n') ?? [];

describe('the terminal alert table', () => {
  it('without options: the plain layout, ROUTE before EVIDENCE when a route is not the default', () => {
    expect(renderTerminalTable([event('high', 1, 'ml'), event('low', 2)])).toBe(
      [
        'SEVERITY  EVENT                ENDPOINT               SERVICE                AUTH  VERSION             ROUTE    EVIDENCE',
        'HIGH      new_unauthenticated  http://127.0.0.1:8000  text-generation-webui  none  2025.06.01-nightly  ml       GET /v1/models -> 200 without a key, 1 models (first: meta-llama/Llam…',
        'LOW       new_unauthenticated  http://127.0.0.2:8000  text-generation-webui  none  2025.06.01-nightly  default  GET /v1/models -> 200 without a key, 2 models (first: meta-llama/Llam…',
      ].join('\n'),
    );
  });

  it('fits a width by cutting the evidence, then the version and the service; event and endpoint stay whole', () => {
    // 173 characters wide: the evidence gives 58 (down to 12), then the version, then the service.
    const fitted = (width: number) => tableLines(renderTerminalTable([event('high', 1)], { width }));
    const prefix = 'HIGH      new_unauthenticated  http://127.0.0.1:8000  ';
    expect(fitted(115)[1]).toBe(`${prefix}text-generation-webui  none  2025.06.01-nightly  GET /v1/mod…`);
    expect(fitted(110)[1]).toBe(`${prefix}text-generation-webui  none  2025.06.01-n…  GET /v1/mod…`);
    expect(fitted(100)[1]).toBe(`${prefix}text-genera…  none  2025.06.01-…  GET /v1/mod…`);
    for (const width of [115, 110, 100]) expect(Math.max(...fitted(width).map(visibleLength))).toBe(width);
  });

  it.each([
    ['critical', '1;31'],
    ['high', '31'],
    ['medium', '33'],
    ['low', '36'],
    ['info', '2'],
  ] as const)('colours a %s severity cell with SGR %s, and nothing else in the row', (severity, sgr) => {
    const [header, row] = tableLines(renderTerminalTable([event(severity, 1)], { color: true }));
    expect(header).toMatch(/^\u001b\[1mSEVERITY .*\u001b\[0m$/);
    expect(row?.startsWith(`${ESC}[${sgr}m${severity.toUpperCase()}${ESC}[0m `)).toBe(true);
    expect(row?.split(ESC)).toHaveLength(3);
  });
});
