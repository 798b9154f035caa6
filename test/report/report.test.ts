import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { TerminalSink } from '../../lambdas/adapters/sinks/terminal-sink.js';
import { ALERT_SCHEMA, type AlertEvent, alertId } from '../../lambdas/core/alerts/alert-event.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import type { RunRecord } from '../../lambdas/core/ports.js';
import { generateReport } from '../../lambdas/core/report/generate-report.js';
import { buildReportModel } from '../../lambdas/core/report/report-model.js';
import { renderReport } from '../../lambdas/core/report/render-report.js';
import type { EndpointRecord } from '../../lambdas/core/state/endpoint-record.js';
import { isOpenAuth } from '../../lambdas/core/state/endpoint-record.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testProbe, testSettings } from '../support/monitor.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node): void => {
    if ('tagName' in node) out.push(node);
    for (const child of ('childNodes' in node ? node.childNodes : []) as Node[]) walk(child);
    if ('content' in node && node.content) walk(node.content as unknown as Node);
  };
  walk(parse(html) as unknown as Node);
  return out;
}
const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : '') + (('childNodes' in node ? node.childNodes : []) as Node[]).map(text).join('');
const figure = (html: string, name: string): string | undefined => {
  const el = elements(html).find((e) => attr(e, 'data-figure') === name);
  return el ? text(el).trim() : undefined;
};

// Report fleet on 127.0.90.x.
const fleet = new Fleet();
afterAll(() => fleet.close());
let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

describe('report from real cycles', () => {
  it('its figures, endpoints and runs are those of the state, and the HTML is self-contained', async () => {
    const ports = [8000, 8888, 11434];
    await fleet.start({ host: '127.0.90.2', port: 11434, fixture: loadFixture('ollama', 'none') });
    await fleet.start({ host: '127.0.90.3', port: 8000, fixture: loadFixture('vllm', 'none') });
    await fleet.start({ host: '127.0.90.4', port: 8888, fixture: loadFixture('jupyter', 'required') });
    await dynamo.store.putRangeRow({ cidr: '127.0.90.0/28', owner: 'ml-platform', ports });
    const clock = steppingClock(Date.now() - 3_600_000);
    const cycle = () => runLocalCycle({ store: dynamo.store, settings: testSettings(ports), probe: testProbe, catalog, sinks: [new TerminalSink()], clock, logger: quiet });
    await cycle();
    await fleet.replace({ host: '127.0.90.3', port: 8000, fixture: loadFixture('vllm', 'required') });
    await cycle();
    await cycle();

    const { html, model } = await generateReport(dynamo.store, { catalog, now: new Date() });
    const endpoints = await dynamo.store.listEndpoints();
    const open = endpoints.filter((e) => e.status === 'open' && isOpenAuth(e.auth));
    expect(model.figures.openTotal).toBe(open.length);
    expect(figure(html, 'open')).toBe(String(open.length));
    expect(figure(html, 'fixed-week')).toBe('1');
    expect(figure(html, 'new-week')).toBe('2');
    expect(model.figures.fixesMeasured).toBe(1);
    expect(figure(html, 'mttf')).toMatch(/^\d+\.\d h$/);
    expect(model.trend.map((p) => p.unauthenticated)).toEqual([2, 1, 1]);
    const rows = elements(html).filter((e) => e.tagName === 'tr' && attr(e, 'data-key'));
    expect(rows.map((r) => attr(r, 'data-key'))).toEqual(['127.0.90.2:11434', '127.0.90.3:8000', '127.0.90.4:8888']);
    const runs = elements(html).find((e) => attr(e, 'id') === 'runs');
    expect(runs && elements(html).filter((e) => e.tagName === 'tr' && text(e).includes('complete')).length).toBe(3);
    // The vLLM row carries its history: opened, then fixed.
    expect(text(rows[1] as Node)).toContain('endpoint.fixed');
    expect(text(rows[0] as Node)).toContain('OLLAMA_HOST=127.0.0.1:11434');
    // Trend line drawn as SVG paths, no script anywhere.
    expect(elements(html).filter((e) => e.tagName === 'path').length).toBeGreaterThanOrEqual(2);
    expectSelfContained(html);
  });
});

function expectSelfContained(html: string): void {
  for (const e of elements(html)) {
    expect(['script', 'iframe', 'object', 'embed', 'img', 'link', 'base', 'form']).not.toContain(e.tagName);
    for (const a of e.attrs) {
      expect(a.name.startsWith('on'), `${e.tagName} has ${a.name}`).toBe(false);
      if (['src', 'srcset', 'action', 'xlink:href', 'poster', 'data'].includes(a.name)) throw new Error(`${e.tagName} loads ${a.value}`);
      if (a.name === 'style') expect(a.value).not.toMatch(/url\(|expression|@import/i);
    }
    if (e.tagName === 'a') expect(attr(e, 'href')).toMatch(/^(https:\/\/[^\s"'<>]+|#)$/);
    if (e.tagName === 'style') expect(text(e)).not.toMatch(/url\(|@import/i);
  }
}

const at = (minutes: number): string => new Date(Date.parse('2026-11-20T00:00:00.000Z') + minutes * 60_000).toISOString();

function record(i: number, extra: Partial<EndpointRecord> = {}): EndpointRecord {
  return {
    ip: `127.5.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    port: 11434,
    tls: false,
    service: 'ollama',
    auth: 'none',
    version: '0.5.7',
    evidence: 'GET /api/tags -> 200 with 1 models',
    range: '127.5.0.0/16',
    status: 'open',
    firstSeenAt: at(0),
    lastSeenAt: at(60),
    lastSeenRunId: 'run-1',
    missCount: 0,
    rev: 1,
    ...extra,
  };
}

describe('report rendering', () => {
  it('hostile text from scanned hosts is inert: escaped, never markup', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>';
    const endpoint = record(1, {
      version: hostile,
      evidence: hostile,
      label: hostile,
      owner: hostile,
      inventory: { digest: 'd', total: 1, truncated: false, items: [{ kind: 'model', name: hostile.slice(0, 80) }] },
      suppressed: { reason: hostile, at: at(1), by: hostile },
    });
    const opened: AlertEvent = {
      schema: ALERT_SCHEMA, id: alertId('endpoint.new_unauthenticated', 'x', 'r'), type: 'endpoint.new_unauthenticated', severity: 'high', runId: 'r', at: at(1),
      endpoint: { ip: endpoint.ip, port: endpoint.port, tls: false, service: 'ollama', auth: 'none', version: hostile, range: endpoint.range }, evidence: hostile,
    };
    const html = renderReport(buildReportModel({ endpoints: [endpoint], runs: [], alerts: [opened], catalog, now: new Date(at(120)) }));
    expectSelfContained(html);
    const row = elements(html).find((e) => attr(e, 'data-key') === '127.5.0.2:11434') as Element;
    // The text is there, as text.
    expect(text(row as Node)).toContain('<script>alert(1)</script>');
  });

  it('1,000 endpoints over 100 runs stay under 2 MB', () => {
    const endpoints = Array.from({ length: 1000 }, (_, i) => record(i, { service: i % 3 === 0 ? 'jupyter' : 'ollama', owner: `team-${i % 7}` }));
    const runs: RunRecord[] = Array.from({ length: 100 }, (_, r) => ({
      runId: `run-${String(r).padStart(3, '0')}`, startedAt: at(r * 360), finishedAt: at(r * 360 + 5), status: 'complete', ranges: [], blockSize: 256, blocksTotal: 256, blocksDone: 256,
      tally: { unauthenticated: 1000 - r * 5, endpoints: 1000 },
    }));
    const alerts: AlertEvent[] = endpoints.slice(0, 500).map((e, i) => ({
      schema: ALERT_SCHEMA, id: `a${i}`, type: 'endpoint.new_unauthenticated', severity: 'high', runId: 'run-000', at: at(5),
      endpoint: { ip: e.ip, port: e.port, tls: false, service: e.service, auth: 'none', version: null, range: e.range }, evidence: 'x',
    }));
    const html = renderReport(buildReportModel({ endpoints, runs, alerts, catalog, now: new Date(at(100 * 360)) }));
    const size = Buffer.byteLength(html);
    console.log(`report size for 1,000 endpoints over 100 runs: ${(size / 1024).toFixed(0)} KB`);
    expect(size).toBeLessThan(2 * 1024 * 1024);
    expect(elements(html).filter((e) => e.tagName === 'tr' && attr(e, 'data-key')).length).toBe(1000);
    expect(elements(html).filter((e) => e.tagName === 'circle').length).toBe(100);
  });
});
