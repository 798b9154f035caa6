// A sweep worker thread: sweeps the targets the main thread streams to it in chunks (with the
// same code the main thread uses), reports open ports as soon as they are found, and a summary
// when the main thread says there is nothing more.
import { parentPort, workerData } from 'node:worker_threads';
import { sweepTargets } from './connect-sweep.mjs';

const queue = [];
let head = 0;
let ended = false;
const waiting = [];
// One request for more targets at a time: set when asked, cleared when a chunk (or the end) arrives.
let requested = false;

function askForMore() {
  if (requested || ended || queue.length - head > workerData.lowWater) return;
  requested = true;
  parentPort.postMessage({ type: 'more' });
}

parentPort.on('message', (message) => {
  if (message.type === 'chunk') {
    for (let i = 0; i < message.flat.length; i += 2) queue.push({ host: message.flat[i], port: message.flat[i + 1] });
    requested = false;
  } else if (message.type === 'end') {
    ended = true;
  }
  for (const resume of waiting.splice(0)) resume();
});

function next() {
  if (head < queue.length) {
    const target = queue[head++];
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    // Ask for more before running dry, so the pool rarely waits. (Asking only when the count hit
    // the mark exactly deadlocked when a chunk landed on an empty queue: the count started below it.)
    askForMore();
    return target;
  }
  if (ended) return undefined;
  askForMore();
  return new Promise((resolve) => {
    waiting.push(() => resolve(next()));
  });
}

try {
  const summary = await sweepTargets(next, {
    concurrency: workerData.concurrency,
    connectTimeoutMs: workerData.connectTimeoutMs,
    ratePerSecond: workerData.ratePerSecond,
    onOpen: (t) => parentPort.postMessage({ type: 'open', host: t.host, port: t.port }),
  });
  parentPort.postMessage({ type: 'done', summary });
} catch (err) {
  parentPort.postMessage({ type: 'error', message: err.message });
}
