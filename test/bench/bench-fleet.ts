// The benchmark's target fleet, run in its own process so it does not share a CPU budget with the
// scanners under test. Everything binds 127.80.x.y (loopback). Prints one JSON line describing the
// layout when ready; exits when its stdin closes. BENCH_FLEET_FILTERED (default 8) sets how many
// filtered ports it has: 0 gives the RST-only variant (every port not listened on answers RST).
// BENCH_FLEET_AI (default 117) sets how many AI services it serves.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { Fleet, listFixtures } from '../../lambdas/local/fixture-fleet.js';

export const BENCH_PORTS = [80, 443, 3000, 4000, 5000, 5678, 6333, 7860, 8000, 8080, 8188, 8265, 8501, 8888, 9090, 11434];
const NET = '127.80';

const fleet = new Fleet();
const ai: { host: string; port: number; service: string; auth: string }[] = [];
const plain: { host: string; port: number }[] = [];
const filtered: { host: string; port: number }[] = [];

// About a hundred AI services, on their product's port when that port is swept. Fixed at 117 (the
// whole fixture set when the bench's figures were first taken), picked evenly from the fixtures
// sorted by product: the fleet keeps the proportions of the fleet the issue measured (~300 open
// ports, ~90 AI) as the catalog grows, so figures stay comparable between releases. The eval
// (npm run eval) serves every fixture.
const fixtures = listFixtures();
const aiCount = Math.max(0, Math.min(fixtures.length, 500, Number(process.env.BENCH_FLEET_AI ?? 117)));
const picked = Array.from({ length: aiCount }, (_, k) => fixtures[Math.floor((k * fixtures.length) / aiCount)]!);
let i = 0;
for (const f of picked) {
  const entry = catalog.find((e) => e.service === f.service);
  const port = entry?.ports.find((p) => BENCH_PORTS.includes(p)) ?? 8080;
  // 127.80.1.x first, then 127.80.7.x and 127.80.8.x (2-6 hold the non-AI ports): all inside the /20.
  const n = i++;
  const host = n < 250 ? `${NET}.1.${n + 1}` : `${NET}.${7 + Math.floor((n - 250) / 250)}.${((n - 250) % 250) + 1}`;
  await fleet.start({ host, port, fixture: f.fixture });
  ai.push({ host, port, service: f.fixture.service, auth: f.fixture.auth });
}

// A few hundred open non-AI ports: web pages, JSON health endpoints, and non-HTTP banners.
const page = (req: { url?: string }, res: { writeHead: (s: number, h: Record<string, string>) => void; end: (b: string) => void }) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html', server: 'nginx' });
  res.end('<!doctype html><title>Welcome</title><p>Company intranet</p>');
};
for (let n = 0; n < 250; n++) {
  const host = `${NET}.${2 + Math.floor(n / 125)}.${(n % 125) + 1}`;
  const port = BENCH_PORTS[(n * 7) % BENCH_PORTS.length] as number;
  await fleet.start({ host, port, handler: page as never });
  plain.push({ host, port });
}
const banners: net.Server[] = [];
for (let n = 0; n < 50; n++) {
  const host = `${NET}.5.${n + 1}`;
  const port = 5000;
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end('SSH-2.0-OpenSSH_9.6\r\n');
  });
  await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
  banners.push(server);
  plain.push({ host, port });
}

// Filtered ports: listeners that never accept, with their accept queue filled.
const FILTERED = Math.max(0, Math.min(250, Number(process.env.BENCH_FLEET_FILTERED ?? 8)));
for (let n = 0; n < FILTERED; n++) filtered.push({ host: `${NET}.6.${n + 1}`, port: 8000 });
const python = spawn('python3', [path.join(import.meta.dirname, 'filtered-listener.py'), ...filtered.map((f) => `${f.host}:${f.port}`)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (filtered.length > 0) await new Promise<void>((resolve) => python.stdout.once('data', () => resolve()));
const fillers: net.Socket[] = [];
for (const f of filtered) {
  // Backlog 0 still queues one or two connections; fill the queue so later SYNs are dropped.
  for (let k = 0; k < 3; k++) {
    const s = net.connect(f);
    s.on('error', () => undefined);
    fillers.push(s);
  }
}
await new Promise((r) => setTimeout(r, 300));

process.stdout.write(`${JSON.stringify({ cidr: `${NET}.0.0/20`, first: `${NET}.0.0`, count: 4096, ports: BENCH_PORTS, ai, plain, filtered })}\n`);

const stop = async (): Promise<void> => {
  for (const s of fillers) s.destroy();
  python.kill();
  for (const b of banners) b.close();
  await fleet.close();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
