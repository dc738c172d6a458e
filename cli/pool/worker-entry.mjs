// Entry of a pool worker thread: loads the module named in workerData (through tsx when it is TypeScript,
// directly when it is the cached bundle), then serves its tasks. Plain JavaScript so the thread can start
// before a TypeScript loader is in place.
import { parentPort, workerData } from 'node:worker_threads';

// Standard output carries the results (JSON lines): nothing a library logs may land there.
for (const method of ['log', 'info', 'debug']) console[method] = (...args) => console.error(...args);

// tsx costs each thread about a second of CPU (a loader thread of its own): only when there is TypeScript.
if (/\.[cm]?tsx?$/.test(new URL(workerData.module).pathname)) (await import('tsx/esm/api')).register();
const pending = new Map();
let nextCall = 0;
/** Asks the main thread (reputation lookups); answered by a 'reply' message. */
const call = (method, args) =>
  new Promise((resolve, reject) => {
    const id = ++nextCall;
    pending.set(id, { resolve, reject });
    parentPort.postMessage({ type: 'call', id, method, args });
  });

const module = await import(workerData.module);
const handle = await module.createHandler(workerData.init, call);

parentPort.on('message', async (message) => {
  if (message.type === 'reply') {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.result);
    return;
  }
  try {
    const result = await handle(message.payload);
    parentPort.postMessage({ type: 'result', id: message.id, result });
  } catch (error) {
    parentPort.postMessage({ type: 'result', id: message.id, error: (error && error.message) || String(error) });
  }
});
parentPort.postMessage({ type: 'ready' });
