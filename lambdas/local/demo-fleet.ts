import type http from 'node:http';
import { Fleet, type FleetMember, loadFixture } from './fixture-fleet.js';

/** The demo's monitored range: a loopback /24, so the demo never leaves this machine. */
export const DEMO_RANGE = '127.77.0.0/24';
export const DEMO_PORTS = [6333, 8000, 8080, 8188, 8888, 11434];

const host = (n: number): string => `127.77.0.${n}`;

/** A plain company web page: open port, HTTP, not AI. It must not be reported. */
const intranetPage: http.RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html', server: 'nginx' });
  res.end('<!doctype html><html><head><title>Intranet</title></head><body>Welcome</body></html>');
};

/** The fleet before the change: two open services, two that enforce auth, one non-AI web server. */
export function initialFleet(): FleetMember[] {
  return [
    { host: host(10), port: 11434, fixture: loadFixture('ollama', 'none') },
    { host: host(11), port: 8888, fixture: loadFixture('jupyter', 'required') },
    { host: host(12), port: 8000, fixture: loadFixture('vllm', 'required') },
    { host: host(13), port: 6333, fixture: loadFixture('qdrant', 'none') },
    { host: host(20), port: 8080, handler: intranetPage },
  ];
}

/** The change between cycles: a new ComfyUI appears, and vLLM is restarted without its API key. */
export function fleetChanges(): { start: FleetMember[]; replace: FleetMember[] } {
  return {
    start: [{ host: host(14), port: 8188, fixture: loadFixture('comfyui', 'none') }],
    replace: [{ host: host(12), port: 8000, fixture: loadFixture('vllm', 'none') }],
  };
}

export async function startDemoFleet(): Promise<Fleet> {
  const fleet = new Fleet();
  try {
    for (const member of initialFleet()) await fleet.start(member);
  } catch (err) {
    await fleet.close();
    throw err;
  }
  return fleet;
}

export async function applyFleetChanges(fleet: Fleet): Promise<void> {
  const changes = fleetChanges();
  for (const member of changes.start) await fleet.start(member);
  for (const member of changes.replace) await fleet.replace(member);
}
