import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeSlack, cleanText, slackCode } from '../../lambdas/core/alerts/sanitize.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { type Observation, probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import { fixtureHandler, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import {
  ANSWERING_OPTIONS,
  type Figure,
  type GeneratedCerts,
  generateCerts,
  HOSTILE_CN,
  type HostileServer,
  httpServer,
  measure,
  printFigures,
} from './support/servers.js';

// This file's servers: TLS cases on 127.0.94.x, hostile-text look-alikes on 127.0.95.x.
let certs: GeneratedCerts;
const servers: HostileServer[] = [];
const figures: Figure[] = [];

/** Terminal escapes, bidi overrides, Slack broadcasts and links, and a lot of it. */
const HOSTILE_TEXT = `\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e<!channel> <!here> <@U0123> <https://evil.example|click here> *bold* \r\n${'A'.repeat(5_000)}`;
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/;
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

beforeAll(() => {
  certs = generateCerts();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  certs?.cleanup();
  printFigures('hostile TLS and text:', figures);
});

/**
 * These hosts answer (what they answer is the problem), so the limits are generous: a handshake or
 * an answer delayed by a loaded machine must not turn into "not found". Time and memory are
 * printed, not asserted: nothing here waits on a timeout, and hostile-endpoints bounds both.
 */
async function probeOne(name: string, server: HostileServer): Promise<Observation[]> {
  const run = await measure(() => probeTargets([{ host: server.host, port: server.port }], catalog, ANSWERING_OPTIONS));
  figures.push({ name, ms: run.ms, peakRssGrowthMb: run.peakRssGrowthMb, rssGrowthMb: run.rssGrowthMb, note: `${run.value.observations.length} observation(s)` });
  return run.value.observations;
}

/** What every text field that came from the host must satisfy once rendered. */
function expectSafelyRendered(text: string): void {
  for (const rendered of [escapeSlack(cleanText(text)), slackCode(text)]) {
    expect(rendered).not.toContain('<!');
    expect(rendered).not.toContain('<@');
    expect(rendered).not.toContain('<http');
    expect(rendered).not.toMatch(CONTROL_CHARS);
  }
  expect(cleanText(text)).not.toMatch(CONTROL_CHARS);
}

describe('TLS endpoints with bad certificates are still probed, and the certificate recorded', () => {
  it('self-signed for the wrong name', async () => {
    const server = await httpServer('tls wrong name', '127.0.94.1', 11434, fixtureHandler(loadFixture('ollama', 'none')), certs.wrongName);
    servers.push(server);
    const [observation, ...rest] = await probeOne('TLS self-signed, wrong name', server);
    expect(rest).toEqual([]);
    expect(observation).toMatchObject({ ip: '127.0.94.1', port: 11434, service: 'ollama', auth: 'none', tls: true });
    expect(observation?.certificate).toMatchObject({ authorized: false, selfSigned: true, subject: 'wrong-name.invalid', issuer: 'wrong-name.invalid' });
    expect(observation?.certificate?.authorizationError).toBeTruthy();
  });

  it('expired (valid 2020-01-01 to 2021-01-01)', async () => {
    const server = await httpServer('tls expired', '127.0.94.2', 8443, fixtureHandler(loadFixture('vllm', 'none')), certs.expired);
    servers.push(server);
    const [observation, ...rest] = await probeOne('TLS expired', server);
    expect(rest).toEqual([]);
    expect(observation).toMatchObject({ ip: '127.0.94.2', port: 8443, service: 'vllm', tls: true });
    expect(observation?.certificate).toMatchObject({ authorized: false, selfSigned: true, subject: 'expired.invalid' });
    expect(Date.parse(observation?.certificate?.validTo ?? '')).toBe(Date.parse('2021-01-01T00:00:00Z'));
  });

  it('a certificate name full of escapes and Slack control sequences', async () => {
    const server = await httpServer('tls hostile CN', '127.0.94.3', 11434, fixtureHandler(loadFixture('ollama', 'none')), certs.hostileName);
    servers.push(server);
    const [observation] = await probeOne('TLS hostile certificate name', server);
    expect(observation).toMatchObject({ service: 'ollama', tls: true, certificate: { selfSigned: true } });
    const { subject, issuer } = observation?.certificate ?? {};
    for (const text of [subject, issuer]) {
      expect(text).toBeDefined();
      expect(text?.length).toBeLessThanOrEqual(HOSTILE_CN.length);
      // Stored clean, not only rendered clean: the CLI's JSON lines print the certificate as is.
      expect(text).not.toMatch(INVISIBLE_OR_CONTROL);
      expect(text).toContain('<!channel>');
      expectSafelyRendered(text ?? '');
    }
  });
});

describe('text from a hostile host stays bounded and inert', () => {
  it('an Ollama look-alike with a hostile version, model names and banner', async () => {
    const handler: http.RequestListener = (req, res) => {
      const send = (body: unknown): void => {
        res.writeHead(200, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', server: HOSTILE_TEXT.replace(/[^\t\x20-\x7e]/g, '') });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (req.url === '/') return send('Ollama is running');
      if (req.url === '/api/version') return send({ version: HOSTILE_TEXT });
      if (req.url === '/api/tags') {
        return send({ models: [{ name: HOSTILE_TEXT, model: HOSTILE_TEXT, digest: HOSTILE_TEXT, size: 1, details: { format: HOSTILE_TEXT, family: HOSTILE_TEXT } }] });
      }
      res.writeHead(404);
      res.end();
    };
    const server = await httpServer('ollama look-alike', '127.0.95.1', 11434, handler);
    servers.push(server);
    const [observation] = await probeOne('hostile text: Ollama look-alike', server);
    expect(observation).toMatchObject({ service: 'ollama' });
    const version = observation?.version ?? '';
    expect(version.length).toBeGreaterThan(0);
    expect(version.length).toBeLessThanOrEqual(64);
    expect(version).toMatch(PRINTABLE_ASCII);
    expectSafelyRendered(version);
    expect(observation?.evidence.length).toBeLessThanOrEqual(300);
    expectSafelyRendered(observation?.evidence ?? '');
  });

  it('an OpenAI-compatible look-alike whose model id and owner are hostile (they reach the evidence text)', async () => {
    const handler: http.RequestListener = (req, res) => {
      if (req.url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: HOSTILE_TEXT, object: 'model', created: 0, owned_by: HOSTILE_TEXT }] }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"detail":"Not Found"}');
    };
    const server = await httpServer('openai look-alike', '127.0.95.2', 9999, handler);
    servers.push(server);
    const [observation] = await probeOne('hostile text: OpenAI look-alike', server);
    expect(observation).toMatchObject({ service: 'openai-compatible', auth: 'none' });
    const evidence = observation?.evidence ?? '';
    // Each interpolated value is cut at 60 characters; the template itself is short.
    expect(evidence.length).toBeLessThanOrEqual(300);
    expect(evidence).not.toContain('A'.repeat(61));
    expectSafelyRendered(evidence);
  });
});
