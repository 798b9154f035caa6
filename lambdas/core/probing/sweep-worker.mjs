// A sweep worker thread, kept in a pool and reused across sweeps: starting a thread costs far
// more CPU than a block's connects on a fast network (a local cycle of 64 blocks spent three
// quarters of its CPU starting threads). For each sweep ("session") the main thread sends
// `start`, then chunks of targets and `end`; the worker sweeps them with the same code the main
// thread uses, reports open ports as soon as they are found, and a summary when it is done.
import { parentPort } from 'node:worker_threads';
import { sweepTargets } from './connect-sweep.mjs';

// Every refused connect builds an Error, and Node reads its `stack` when it destroys the socket:
// capturing and formatting a stack per closed port was about a seventh of a sweep thread's CPU on
// an RST-heavy fleet. This thread only reads `err.code`, so it keeps no stack frames (an error
// this thread itself throws still reaches the main thread with its message).
Error.stackTraceLimit = 0;

/** The session being swept: one at a time per worker. */
let session;

function askForMore(s) {
  if (s.requested || s.ended || s.queue.length - s.head > s.lowWater) return;
  s.requested = true;
  parentPort.postMessage({ type: 'more', session: s.id });
}

function next(s) {
  if (s.head < s.queue.length) {
    const target = s.queue[s.head++];
    if (s.head > 4096 && s.head * 2 > s.queue.length) {
      s.queue.splice(0, s.head);
      s.head = 0;
    }
    // Ask for more before running dry, so the pool rarely waits. (Asking only when the count hit
    // the mark exactly deadlocked when a chunk landed on an empty queue: the count started below it.)
    askForMore(s);
    return target;
  }
  if (s.ended) return undefined;
  askForMore(s);
  return new Promise((resolve) => {
    s.waiting.push(() => resolve(next(s)));
  });
}

async function run(s) {
  try {
    const summary = await sweepTargets(() => next(s), {
      concurrency: s.options.concurrency,
      connectTimeoutMs: s.options.connectTimeoutMs,
      ratePerSecond: s.options.ratePerSecond,
      onOpen: (t) => parentPort.postMessage({ type: 'open', session: s.id, host: t.host, port: t.port }),
    });
    parentPort.postMessage({ type: 'done', session: s.id, summary });
  } catch (err) {
    parentPort.postMessage({ type: 'error', session: s.id, message: err.message });
  }
}

parentPort.on('message', (message) => {
  if (message.type === 'start') {
    session = { id: message.session, options: message.options, lowWater: message.options.lowWater, queue: [], head: 0, ended: false, waiting: [], requested: false };
    void run(session);
    return;
  }
  const s = session;
  if (!s || message.session !== s.id) return; // a message of a finished session
  if (message.type === 'chunk') {
    for (let i = 0; i < message.flat.length; i += 2) s.queue.push({ host: message.flat[i], port: message.flat[i + 1] });
    s.requested = false;
  } else if (message.type === 'end') {
    s.ended = true;
  }
  for (const resume of s.waiting.splice(0)) resume();
});
