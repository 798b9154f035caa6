// A child process for hostile-sockets.test.ts: listens on COUNT ephemeral ports of HOST (loopback
// 127.0.9x.y only) and holds every connection it accepts open forever. It reads and discards what
// it receives (so it notices when the prober hangs up) but never answers and never closes its own
// side (allowHalfOpen). Running apart from the prober, it keeps the prober's memory and file
// descriptor figures free of the server side. Talks over IPC:
//   -> { type: 'ready', ports }            once listening
//   <- { type: 'stats' } -> { type: 'stats', accepted, held }   held: not yet hung up by the client
//   <- { type: 'wait-released', atLeast, timeoutMs } -> { type: 'released', accepted, held } once it has
//      accepted at least `atLeast` connections and the client hung up every one (held 0), or at the timeout.
//      (Waiting for `atLeast`: a connection the prober made and closed may still be in the accept queue.)
import net from 'node:net';

const host = process.argv[2] ?? '';
const count = Number(process.argv[3] ?? 0);
if (!/^127\.0\.9\d\.\d{1,3}$/.test(host)) throw new Error(`socket holder binds 127.0.90.0-127.0.99.255 only, not ${host}`);

let accepted = 0;
let held = 0;
let waiter;
const release = () => {
  if (waiter && held === 0 && accepted >= waiter.atLeast) {
    clearTimeout(waiter.timer);
    waiter = undefined;
    process.send?.({ type: 'released', accepted, held });
  }
};

const servers = [];
for (let i = 0; i < count; i++) {
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    accepted++;
    held++;
    let gone = false;
    const hungUp = () => {
      if (gone) return;
      gone = true;
      held--;
      release();
    };
    socket.on('error', () => undefined);
    socket.on('end', hungUp);
    socket.on('close', hungUp);
    socket.resume();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  servers.push(server);
}

process.on('message', (message) => {
  if (message?.type === 'stats') process.send?.({ type: 'stats', accepted, held });
  if (message?.type === 'wait-released') {
    waiter = {
      atLeast: message.atLeast ?? 0,
      timer: setTimeout(() => {
        waiter = undefined;
        process.send?.({ type: 'released', accepted, held });
      }, message.timeoutMs),
    };
    release();
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready', ports: servers.map((s) => s.address().port) });
