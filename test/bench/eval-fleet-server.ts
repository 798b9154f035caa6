// Child process of fingerprint-cpu.ts: serves the eval's fixture fleet (test/eval/eval-fleet.ts)
// on loopback, so the servers' CPU (TLS handshakes, JSON answers) is not counted as the prober's.
// Prints one JSON line, the cases; closes the fleet and exits when its stdin ends.
import { Fleet } from '../../lambdas/local/fixture-fleet.js';
import { startEvalFleet } from '../eval/eval-fleet.js';

const fleet = new Fleet();
const cases = await startEvalFleet(fleet);
process.stdout.write(`${JSON.stringify(cases)}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void fleet.close().then(() => process.exit(0));
});
