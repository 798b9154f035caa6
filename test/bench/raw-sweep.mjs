// The limit for Node here: the simplest possible connect sweep, same targets, concurrency and
// timeout as the product. Usage: node raw-sweep.mjs <first-ip> <count> <ports,...> <concurrency> <timeoutMs>
import net from 'node:net';

const [first, countText, portsText, concurrencyText, timeoutText] = process.argv.slice(2);
const base = first.split('.').reduce((a, b) => a * 256 + Number(b), 0);
const count = Number(countText);
const ports = portsText.split(',').map(Number);
const total = count * ports.length;
let next = 0;
let open = 0;

function target(i) {
  const v = base + Math.floor(i / ports.length);
  return { host: `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`, port: ports[i % ports.length] };
}

function probe({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => done(false), Number(timeoutText));
    function done(isOpen) {
      clearTimeout(timer);
      socket.destroy();
      if (isOpen) open++;
      resolve();
    }
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function worker() {
  while (next < total) await probe(target(next++));
}

await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
console.log(JSON.stringify({ probes: total, open }));
