/**
 * Audit's worker threads, started before anything else loads: a worker spends about 0.25 s loading
 * the engine, which it then does while the main thread loads its own copy and lists the files,
 * instead of after. Kept apart from ./pool so that starting one loads nothing of the engine here.
 */
import { Worker } from 'worker_threads';
import { availableParallelism, cpus } from 'os';
import { join } from 'path';

/** A worker thread running ./auditWorker; from the TypeScript sources (tests), through tsx. */
export function startWorker(): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = JSON.stringify(join(__dirname, 'auditWorker.ts'));
    return new Worker(`require('tsx/cjs'); require(${entry});`, { eval: true });
  }
  return new Worker(join(__dirname, 'auditWorker.js'));
}

function cores(): number {
  try {
    return availableParallelism();
  } catch {
    return cpus().length || 1;
  }
}

/**
 * Threads to check files on without --jobs: one fewer than the cores, at least one. Each thread's V8
 * isolate compiles and collects garbage on background threads, which keep another core about half
 * busy: measured on 2 cores, one thread used 1.45 cores, and a second thread made a 200-file audit
 * 13% and an 800-file audit 11–24% slower (it used 1 s more CPU for the same files).
 */
export function defaultJobs(): number {
  return Math.max(1, cores() - 1);
}

/**
 * The workers an audit will use beside the main thread (which checks files too): none for one thread
 * or a single file named; otherwise threads − 1. Started at once; any the batch turns out not to need
 * are terminated unused.
 */
export function prestartWorkers(inputs: readonly string[], jobs: number | undefined, isFolder: (p: string) => boolean): Worker[] {
  const threads = jobs ?? defaultJobs();
  if (threads <= 1) return [];
  if (inputs.length === 1 && !isFolder(inputs[0])) return [];
  const n = Math.min(threads - 1, inputs.some(isFolder) ? Infinity : inputs.length - 1);
  const started: Worker[] = [];
  for (let k = 0; k < n; k++) {
    const w = startWorker();
    // Until the pool takes it: a worker that fails to start must not bring the process down, and an
    // audit that stops early (a bad --rules file) must not wait for it.
    w.on('error', () => undefined);
    w.unref();
    started.push(w);
  }
  return started;
}
