import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModuleBuild } from './build.js';
import type { OutputFiles, TargetContext, TargetName } from './model/target.js';
import { printGuidePdf } from './render/guide/pdf.js';
import type { ValidateOptions } from './validate/rule.js';

const WORKER = new URL('./build-worker.js', import.meta.url);

/** Worker threads need the compiled worker script (running from src/ under a test runner, there is none). */
export function workersAvailable(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/** What the main thread and a worker say to each other. */
export type ToWorker =
  | { type: 'build'; task: number; dir: string }
  | { type: 'pdf'; request: number; bytes?: Uint8Array; error?: string };
export type FromWorker =
  | { type: 'done'; task: number; result: ModuleBuild }
  | { type: 'failed'; task: number; message: string; stack?: string }
  | { type: 'pdf'; request: number; page: string; files: OutputFiles; title: string };
export interface WorkerSetup { wanted: readonly TargetName[]; options: ValidateOptions & Pick<TargetContext, 'pdf'> }

export interface BuildPool {
  /** Builds one module in the next free worker. */
  build(dir: string): Promise<ModuleBuild>;
  close(): Promise<void>;
}

/**
 * `size` worker threads, each loading, validating and building one module at a time and handing
 * back its files with their memory transferred, not copied. A worker that needs a guide PDF asks
 * this thread, whose one shared Chromium prints for all of them.
 */
export function createPool(size: number, wanted: readonly TargetName[], options: ValidateOptions & TargetContext): BuildPool {
  const setup: WorkerSetup = { wanted, options: { ...(options.release !== undefined ? { release: options.release } : {}), ...(options.pdf !== undefined ? { pdf: options.pdf } : {}) } };
  const print = options.printPdf ?? printGuidePdf;
  const idle: Worker[] = [];
  const waiting: Array<(w: Worker) => void> = [];
  const all: Worker[] = [];
  const pending = new Map<number, { resolve: (m: ModuleBuild) => void; reject: (e: Error) => void; worker: Worker }>();
  let nextTask = 0;
  let closed = false;

  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const failAll = (w: Worker, error: Error) => {
    for (const [task, p] of pending) if (p.worker === w) {
      pending.delete(task);
      p.reject(error);
    }
  };
  const spawn = (): Worker => {
    const w = new Worker(WORKER, { workerData: setup });
    w.on('message', (msg: FromWorker) => {
      if (msg.type === 'pdf') {
        print(msg.page, msg.files, msg.title).then(
          (bytes) => w.postMessage({ type: 'pdf', request: msg.request, bytes } satisfies ToWorker, [bytes.buffer as ArrayBuffer]),
          (error: Error) => w.postMessage({ type: 'pdf', request: msg.request, error: error.message } satisfies ToWorker),
        );
        return;
      }
      const p = pending.get(msg.task);
      if (!p) return;
      pending.delete(msg.task);
      if (msg.type === 'done') p.resolve(msg.result);
      else p.reject(Object.assign(new Error(msg.message), msg.stack ? { stack: msg.stack } : {}));
      release(w);
    });
    w.on('error', (error) => failAll(w, error));
    w.on('exit', (code) => {
      if (!closed) failAll(w, new Error(`a build worker stopped unexpectedly (exit code ${code})`));
    });
    all.push(w);
    return w;
  };
  const acquire = (): Promise<Worker> => {
    const w = idle.pop();
    if (w) return Promise.resolve(w);
    if (all.length < size) return Promise.resolve(spawn());
    return new Promise((resolve) => waiting.push(resolve));
  };

  return {
    async build(dir) {
      const w = await acquire();
      const task = nextTask++;
      return new Promise<ModuleBuild>((resolve, reject) => {
        pending.set(task, { resolve, reject, worker: w });
        w.postMessage({ type: 'build', task, dir } satisfies ToWorker);
      });
    },
    async close() {
      closed = true;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

/**
 * The ArrayBuffers to transfer with a result: each file's own buffer when the file is all of it
 * (a view into a shared or pooled buffer is copied into one of its own first), each buffer once.
 */
export function transferable(files: OutputFiles): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const [rel, bytes] of files) {
    let b = bytes;
    const whole = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
    if (!whole) {
      b = new Uint8Array(b);
      files.set(rel, b);
    }
    seen.add(b.buffer as ArrayBuffer);
  }
  return [...seen];
}
