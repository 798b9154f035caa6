import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { TerminalSink } from '../../lambdas/adapters/sinks/terminal-sink.js';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { renderSlackMessage } from '../../lambdas/core/alerts/render-slack.js';
import type { HostResolver } from '../../lambdas/core/ports.js';
import { Fleet, fixtureHandler, fixtureTls, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { freshDynamo } from '../support/dynalite.js';
import { routeByHost, routeBySni } from '../support/name-routing.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';

// Name-routed reverse proxies on 127.0.120.x, as an ingress controller is: a request by address
// gets the default backend's 404; only the right Host (HTTP) or SNI (TLS) reaches the product.
// Names live under .test and resolve through a map the test changes between cycles: no DNS query.
const fleet = new Fleet();
const ollama = fixtureHandler(loadFixture('ollama', 'none'));
const jupyter = fixtureHandler(loadFixture('jupyter', 'none'));
const PROXY = '127.0.120.10';
const INGRESS = '127.0.120.12';
const EMPTY = '127.0.120.14';

beforeAll(async () => {
  await fleet.start({ host: PROXY, port: 8080, handler: routeByHost({ 'chat.corp.test:8080': ollama }) });
  // An ingress whose certificate names notebook.corp.test and chat.corp.test: two products by SNI.
  await fleet.start({
    host: INGRESS,
    port: 8443,
    tls: true,
    tlsMaterial: fixtureTls('corp-names'),
    handler: routeBySni({ 'notebook.corp.test': jupyter, 'chat.corp.test': ollama }),
  });
});
afterAll(() => fleet.close());

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

/** A resolver whose answers the test sets per cycle; it counts lookups so the test sees each name asked. */
function mapResolver(): HostResolver & { answers: Map<string, string[] | Error>; asked: string[] } {
  const answers = new Map<string, string[] | Error>();
  const asked: string[] = [];
  return {
    answers,
    asked,
    async resolve(name: string) {
      asked.push(name);
      const answer = answers.get(name) ?? [];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

const clock = steppingClock();
async function cycle(resolver: HostResolver, ports: number[], extra: { goneAfterMisses?: number; runId?: string } = {}) {
  const terminal = new TerminalSink();
  const result = await runLocalCycle({
    store: dynamo.store,
    settings: testSettings(ports, { goneAfterMisses: extra.goneAfterMisses ?? 1 }),
    probe: testProbe,
    catalog: testCatalog,
    sinks: [terminal],
    clock,
    logger: quiet,
    resolver,
    ...(extra.runId ? { runId: extra.runId } : {}),
  });
  return { result, events: terminal.events };
}

const brief = (events: readonly AlertEvent[]): string[] =>
  events.map((e) => `${e.type} ${e.target?.host ?? (e.endpoint ? `${e.endpoint.host ?? '-'} ${e.endpoint.ip}:${e.endpoint.port} ${e.endpoint.service}` : '')}`.trim()).sort();

describe('host rows: a registered name, resolved each cycle, probed with the name as Host and SNI', () => {
  it('a CIDR row finds only the default backend; the host row finds the product, and the alert names the host first', async () => {
    const resolver = mapResolver();
    resolver.answers.set('chat.corp.test', [PROXY]);
    await dynamo.store.putRangeRow({ cidr: `${PROXY}/32`, label: 'by address' });
    const byAddress = await cycle(resolver, [8080]);
    expect(brief(byAddress.events)).toEqual([]);

    await dynamo.store.putRangeRow({ cidr: 'chat.corp.test', label: 'chat', owner: 'ml-team' });
    const byName = await cycle(resolver, [8080]);
    expect(brief(byName.events)).toEqual([`endpoint.new_unauthenticated chat.corp.test ${PROXY}:8080 ollama`]);
    const [event] = byName.events as AlertEvent[];
    expect(event?.endpoint).toMatchObject({ host: 'chat.corp.test', ip: PROXY, range: 'chat.corp.test', label: 'chat', owner: 'ml-team' });
    const slack = JSON.stringify(renderSlackMessage(event as AlertEvent));
    expect(slack).toContain(`http://chat.corp.test:8080 (${PROXY})`);
    // The endpoint by name is its own: state holds it under name + address + port, and the
    // address-only endpoint (none here) is untouched.
    expect(await dynamo.store.getEndpoint(PROXY, 8080, 'chat.corp.test')).toMatchObject({ host: 'chat.corp.test', auth: 'none' });
    expect(await dynamo.store.getEndpoint(PROXY, 8080)).toBeUndefined();

    const again = await cycle(resolver, [8080]);
    expect(brief(again.events)).toEqual([]);
  });

  it('a name that stops resolving is reported once, never as gone; when it moves, its old endpoint goes', async () => {
    const resolver = mapResolver();
    resolver.answers.set('chat.corp.test', [PROXY]);
    await dynamo.store.putRangeRow({ cidr: 'chat.corp.test', route: undefined, ports: [8080] });
    expect(brief((await cycle(resolver, [8080])).events)).toEqual([`endpoint.new_unauthenticated chat.corp.test ${PROXY}:8080 ollama`]);

    resolver.answers.set('chat.corp.test', []);
    const lost = await cycle(resolver, [8080]);
    expect(brief(lost.events)).toEqual(['target.unresolved chat.corp.test']);
    expect(lost.events[0]).toMatchObject({ severity: 'info', target: { host: 'chat.corp.test' } });
    expect(lost.result.plan.unresolvedHosts).toEqual([{ row: 'chat.corp.test', error: 'chat.corp.test resolves to no address' }]);
    expect(await dynamo.store.getEndpoint(PROXY, 8080, 'chat.corp.test')).toMatchObject({ status: 'open', missCount: 0 });

    // Still unresolved (now a lookup error): nothing more, and still not gone (goneAfterMisses is 1).
    resolver.answers.set('chat.corp.test', new Error('SERVFAIL'));
    expect(brief((await cycle(resolver, [8080])).events)).toEqual([]);
    expect(await dynamo.store.getEndpoint(PROXY, 8080, 'chat.corp.test')).toMatchObject({ status: 'open' });

    // It resolves again, to an address where nothing listens: the old endpoint is missing.
    resolver.answers.set('chat.corp.test', [EMPTY]);
    expect(brief((await cycle(resolver, [8080])).events)).toEqual([`endpoint.gone chat.corp.test ${PROXY}:8080 ollama`]);
  });

  it('"once" follows the runs in the order they started, not the order their ids sort in (runs within one second)', async () => {
    const resolver = mapResolver();
    resolver.answers.set('chat.corp.test', [PROXY]);
    await dynamo.store.putRangeRow({ cidr: 'chat.corp.test', ports: [8080] });
    // Run ids sort to the second, then by a random suffix: the first run here sorts last.
    await cycle(resolver, [8080], { runId: '20261202T100000Z-ffff' });
    resolver.answers.set('chat.corp.test', []);
    expect(brief((await cycle(resolver, [8080], { runId: '20261202T100000Z-0001' })).events)).toEqual(['target.unresolved chat.corp.test']);
    expect(brief((await cycle(resolver, [8080], { runId: '20261202T100000Z-0002' })).events)).toEqual([]);
  });

  it('a name that resolves to a refused address is skipped with a warning naming both; nothing is probed', async () => {
    const resolver = mapResolver();
    resolver.answers.set('internal.corp.test', ['10.20.30.40', '192.0.2.7']);
    await dynamo.store.putRangeRow({ cidr: 'internal.corp.test', ports: [8080] });
    const { result, events } = await cycle(resolver, [8080]);
    expect(events).toEqual([]);
    expect(result.plan.blocks).toBe(0);
    expect(result.plan.hostProblems.map((p) => p.error)).toEqual([
      expect.stringMatching(/^internal\.corp\.test resolves to 10\.20\.30\.40, which is refused \(.*private/),
      expect.stringMatching(/^internal\.corp\.test resolves to 192\.0\.2\.7, which is refused/),
    ]);
    // Refused is not unresolved: no target event, and the name was looked up once.
    expect(result.plan.unresolvedHosts).toEqual([]);
    expect(resolver.asked).toEqual(['internal.corp.test']);
  });

  it('certificate names under a domain the row registers find a second name-routed product behind one address', async () => {
    const resolver = mapResolver();
    // Without a registered domain the address shows only its default backend.
    await dynamo.store.putRangeRow({ cidr: `${INGRESS}/32`, ports: [8443] });
    expect(brief((await cycle(resolver, [8443])).events)).toEqual([]);

    await dynamo.store.putRangeRow({ cidr: `${INGRESS}/32`, ports: [8443], domains: ['corp.test'] });
    const { events } = await cycle(resolver, [8443]);
    expect(brief(events)).toEqual([
      `endpoint.new_unauthenticated chat.corp.test ${INGRESS}:8443 ollama`,
      `endpoint.new_unauthenticated notebook.corp.test ${INGRESS}:8443 jupyter`,
    ]);
    // No DNS was needed: the names came from the certificate, the address from the row.
    expect(resolver.asked).toEqual([]);
  });

  it('refuses host rows that cannot be probed, naming the value, and plans the rest', async () => {
    const resolver = mapResolver();
    resolver.answers.set('chat.corp.test', [PROXY]);
    await dynamo.store.putRangeRow({ cidr: 'chat.corp.test', ports: [8080] });
    await dynamo.store.putRangeRow({ cidr: '*.corp.test' });
    await dynamo.store.putRangeRow({ cidr: 'bad_label.corp.test' });
    await dynamo.store.putRangeRow({ cidr: 'lab.corp.test', exclude: ['127.0.120.0/24'] });
    const { result } = await cycle(resolver, [8080]);
    expect(result.plan.rangeProblems.map((p) => p.row).sort()).toEqual(['*.corp.test', 'bad_label.corp.test', 'lab.corp.test']);
    expect(result.plan.rangeProblems.find((p) => p.row === '*.corp.test')?.error).toContain('wildcard');
    expect(result.plan.rangeProblems.find((p) => p.row === 'lab.corp.test')?.error).toContain('"exclude" applies to CIDR rows only');
    expect(result.plan.blocks).toBe(1);
  });
});
