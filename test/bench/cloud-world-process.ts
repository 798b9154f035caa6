// cloud-world.ts in a process of its own (argv: cidr, ports "a,b", services). Prints the layout as
// one JSON line when ready; answers each stdin line "requests" with {"httpRequests": n}; closes
// everything and exits when stdin ends.
import { createInterface } from 'node:readline';
import { startCloudWorld } from './cloud-world.js';

const [cidr = '', ports = '', services = '8'] = process.argv.slice(2);
const world = await startCloudWorld(cidr, ports.split(',').map(Number), Number(services));
process.stdout.write(`${JSON.stringify({ endpoint: world.endpoint, services: world.services })}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'requests') process.stdout.write(`${JSON.stringify({ httpRequests: world.httpRequests() })}\n`);
});
lines.on('close', () => {
  void world.close().then(() => process.exit(0));
});
