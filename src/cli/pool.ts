/**
 * Audit's files checked in parallel on worker threads: results in input order whatever order they
 * finish in, `onDone` called as each finishes (the progress bar), and one file that crashes its
 * worker (or a worker that dies) recorded as that file's error while the others go on.
 *
 * Threads take the next file themselves from a shared counter (Atomics), so a worker never waits
 * for the main thread, which checks files too and reads the workers' results only between its own.
 * Each worker also notes the file in hand in its own slot, so that a worker that dies is charged
 * with that file alone.
 */
import type { Worker } from 'worker_threads';
import { auditFile, type AuditJob, type AuditOutcome } from './reviewer';
import { startWorker } from './workers';

/** What the pool sends a worker once: the whole batch, the shared counter, and the worker's slot. */
export interface PoolStart {
  jobs: readonly AuditJob[];
  /** Int32 [next file to take, file in hand of worker 0, of worker 1, …] (−1: none). */
  shared: SharedArrayBuffer;
  slot: number;
}

/** What a worker sends back: one file's outcome. */
export interface PoolResult {
  index: number;
  outcome: AuditOutcome;
}

export function failedOutcome(job: AuditJob, why: string): AuditOutcome {
  const file = job.path.split(/[\\/]/).pop() ?? job.path;
  return { review: { file, error: why, forms: [], findings: [] }, rulesId: null, format: null, report: null, reportError: null };
}

const checked = (job: AuditJob): Promise<AuditOutcome> => auditFile(job).catch((e: unknown) => failedOutcome(job, String((e as Error)?.message ?? e)));

/** A thread's side of the protocol (./auditWorker, and the main thread): take files from the counter until none are left. */
export async function workOn(start: PoolStart, post: (r: PoolResult) => void | Promise<void>, check = checked): Promise<void> {
  const shared = new Int32Array(start.shared);
  for (;;) {
    const index = Atomics.add(shared, 0, 1);
    if (index >= start.jobs.length) break;
    Atomics.store(shared, 1 + start.slot, index);
    await post({ index, outcome: await check(start.jobs[index]) });
    Atomics.store(shared, 1 + start.slot, -1);
  }
}

export interface PoolOptions {
  /** Starts a worker (tests give their own). */
  start?: () => Worker;
  /** Workers already started (see ./workers): used first, and terminated when not needed. */
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
  const mainWorks = options.mainThreadWorks ?? true;
  const workerCount = Math.max(0, Math.min(mainWorks ? threads - 1 : threads, mainWorks ? jobs.length - 1 : jobs.length));
  const results = new Array<AuditOutcome>(jobs.length);
  let finished = 0;
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const finish = (i: number, o: AuditOutcome) => {
    if (results[i] !== undefined) return;
    results[i] = o;
    finished++;
    onDone(i, o);
    if (finished === jobs.length) allDone();
  };
  if (jobs.length === 0) allDone();

  // One slot for the main thread, one per worker ever started: the first ones, and at most one replacement per file.
  const shared = new Int32Array(new SharedArrayBuffer(4 * (2 + workerCount + jobs.length)));
  shared.fill(-1, 1);
  const live = new Set<Worker>();
  const mainSlot = 0;
  let slots = 1;
  const launch = () => {
    // Slots are never reused: a dead worker's slot still names its last file.
    const slot = slots++;
    if (slot >= shared.length - 1) {
      // Workers keep dying before taking a file: the files nobody took are not checked.
      for (let i = Atomics.add(shared, 0, 1); i < jobs.length; i = Atomics.add(shared, 0, 1)) finish(i, failedOutcome(jobs[i], 'the check stopped unexpectedly'));
      return;
    }
    const worker = spare.shift() ?? (options.start ?? startWorker)();
    worker.ref();
    live.add(worker);
    worker.on('message', (m: PoolResult) => finish(m.index, m.outcome));
    let why = 'the check stopped unexpectedly';
    worker.on('error', (e) => (why = `the check stopped: ${e.message.split('\n')[0]}`));
    worker.on('exit', () => {
      live.delete(worker);
      const inHand = Atomics.load(shared, 1 + slot);
      if (inHand >= 0) finish(inHand, failedOutcome(jobs[inHand], why));
      // With nobody else to take the rest, a new worker carries on.
      if (finished < jobs.length && Atomics.load(shared, 0) < jobs.length && live.size === 0 && !mainWorks) launch();
    });
    worker.postMessage({ jobs, shared: shared.buffer, slot } satisfies PoolStart);
  };
  for (let k = 0; k < workerCount; k++) launch();
  spare.splice(0).forEach((w) => void w.terminate());

  if (mainWorks) {
    await workOn({ jobs, shared: shared.buffer, slot: mainSlot }, async (r) => {
      finish(r.index, r.outcome);
      // Let the workers' results through (the progress bar counts them as they come).
      if (live.size) await new Promise((resolve) => setImmediate(resolve));
    });
  }
  await done;
  for (const w of live) void w.terminate();
  return results;
}
