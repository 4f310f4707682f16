/**
 * Audit's files checked in parallel on worker threads: results in input order whatever order they
 * finish in, `onDone` called as each finishes (the progress bar), and one file that crashes its
 * worker (or a worker that dies) recorded as that file's error while the others go on.
 */
import { Worker } from 'worker_threads';
import { join } from 'path';
import { auditFile, type AuditJob, type AuditOutcome } from './reviewer';

/** A worker thread running ./auditWorker; from the TypeScript sources (tests), through tsx. */
function startWorker(): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = JSON.stringify(join(__dirname, 'auditWorker.ts'));
    return new Worker(`require('tsx/cjs'); require(${entry});`, { eval: true });
  }
  return new Worker(join(__dirname, 'auditWorker.js'));
}

function failed(job: AuditJob, why: string): AuditOutcome {
  const file = job.path.split(/[\\/]/).pop() ?? job.path;
  return { review: { file, error: why, forms: [], findings: [] }, rulesId: null, format: null, report: null, reportError: null };
}

export interface PoolOptions {
  /** Starts a worker (tests give their own). */
  start?: () => Worker;
  /** Workers already started; used first, and terminated when not needed. */
  started?: Worker[];
  /** Whether the main thread checks files too (default true). */
  mainThreadWorks?: boolean;
}

export async function runJobs(
  jobs: readonly AuditJob[],
  threads: number,
  onDone: (index: number, outcome: AuditOutcome) => void,
  options: PoolOptions = {},
): Promise<AuditOutcome[]> {
  const spare = [...(options.started ?? [])];
  const start = () => spare.shift() ?? (options.start ?? startWorker)();
  const release = () => spare.splice(0).forEach((w) => void w.terminate());
  const mainWorks = options.mainThreadWorks ?? true;
  const results = new Array<AuditOutcome>(jobs.length);
  const finish = (i: number, o: AuditOutcome) => {
    results[i] = o;
    onDone(i, o);
  };
  // One thread, or one file: no worker to start (a worker loads the engine again, ~0.2 s).
  if (threads <= 1 || jobs.length <= 1) {
    release();
    for (let i = 0; i < jobs.length; i++) finish(i, await auditFile(jobs[i]).catch((e: unknown) => failed(jobs[i], String((e as Error)?.message ?? e))));
    return results;
  }
  let next = 0;
  // The main thread is one of the threads: it checks files too, between the workers' messages, and
  // saves loading the engine once more.
  const own = (async () => {
    while (mainWorks && next < jobs.length) {
      const i = next++;
      finish(i, await auditFile(jobs[i]).catch((e: unknown) => failed(jobs[i], String((e as Error)?.message ?? e))));
      // Let the workers' results and requests for more work through.
      await new Promise((r) => setImmediate(r));
    }
  })();
  const workers = new Promise<void>((resolve) => {
    let running = 0;
    const launch = () => {
      if (next >= jobs.length) {
        if (running === 0) resolve();
        return;
      }
      running++;
      const worker = start();
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, job: jobs[current] });
      };
      worker.on('message', (m: { index: number; outcome: AuditOutcome }) => {
        finish(m.index, m.outcome);
        feed();
      });
      // A worker that dies takes only its current file down; a new one carries on with the rest.
      worker.on('error', (e) => {
        if (current >= 0 && results[current] === undefined) finish(current, failed(jobs[current], `the check stopped: ${e.message.split('\n')[0]}`));
        current = -1;
      });
      worker.on('exit', () => {
        if (current >= 0 && results[current] === undefined) finish(current, failed(jobs[current], 'the check stopped unexpectedly'));
        running--;
        if (next < jobs.length) launch();
        else if (running === 0) resolve();
      });
      feed();
    };
    const workers = mainWorks ? Math.min(threads - 1, jobs.length - 1) : Math.min(threads, jobs.length);
    for (let k = 0; k < workers; k++) launch();
    if (workers <= 0) resolve();
  });
  await Promise.all([own, workers]);
  release();
  return results;
}
