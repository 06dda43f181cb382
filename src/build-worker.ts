/**
 * A build worker thread (see build-pool.ts): builds the modules the main thread sends, one at a
 * time, and posts back each result with its files' memory transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildModule } from './build.js';
import { transferable, type FromWorker, type ToWorker, type WorkerSetup } from './build-pool.js';
import type { OutputFiles } from './model/target.js';

const port = parentPort!;
const { wanted, options } = workerData as WorkerSetup;
const printing = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
let nextRequest = 0;

/** Asks the main thread, which holds the one Chromium, to print a guide. */
function printPdf(page: string, files: OutputFiles, title: string): Promise<Uint8Array> {
  const request = nextRequest++;
  return new Promise((resolve, reject) => {
    printing.set(request, { resolve, reject });
    port.postMessage({ type: 'pdf', request, page, files, title } satisfies FromWorker);
  });
}

// One module at a time: the pool sends the next only after this one's result.
let queue = Promise.resolve();
port.on('message', (msg: ToWorker) => {
  if (msg.type === 'pdf') {
    const p = printing.get(msg.request);
    printing.delete(msg.request);
    if (msg.bytes) p?.resolve(msg.bytes);
    else p?.reject(new Error(msg.error ?? 'printing the guide failed'));
    return;
  }
  queue = queue.then(async () => {
    try {
      const result = await buildModule(msg.dir, wanted, { ...options, printPdf });
      const transfer = transferable(result.files);
      port.postMessage({ type: 'done', task: msg.task, result } satisfies FromWorker, transfer);
    } catch (error) {
      const e = error as Error;
      port.postMessage({ type: 'failed', task: msg.task, message: e?.message ?? String(error), ...(e?.stack ? { stack: e.stack } : {}) } satisfies FromWorker);
    }
  });
});
