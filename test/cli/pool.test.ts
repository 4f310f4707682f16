/** The audit's worker pool: input order kept, and a worker that dies takes down only its own file. */
import { Worker } from 'worker_threads';
import { availableParallelism } from 'os';
import { runJobs, workOn } from '../../src/cli/pool';
import { defaultJobs, prestartWorkers } from '../../src/cli/workers';
import type { AuditJob } from '../../src/cli/reviewer';

/**
 * A stand-in worker speaking the pool's protocol (take the next file from the shared counter, note it
 * in the worker's slot): answers after a delay that reverses the finishing order, and dies on a file
 * named "crash" with that file in hand.
 */
const FAKE = `
const { parentPort } = require('worker_threads');
parentPort.once('message', ({ jobs, shared, slot }) => {
  const s = new Int32Array(shared);
  const next = () => {
    const index = Atomics.add(s, 0, 1);
    if (index >= jobs.length) return;
    Atomics.store(s, 1 + slot, index);
    if (jobs[index].path.includes('crash')) process.exit(3);
    setTimeout(() => {
      parentPort.postMessage({ index, outcome: { review: { file: jobs[index].path, error: null, forms: [], findings: [] }, rulesId: 'mof-2020', format: 'xlsx', report: null, reportError: null } });
      Atomics.store(s, 1 + slot, -1);
      next();
    }, 50 - index * 5);
  };
  next();
});`;

const job = (path: string): AuditJob => ({ path, lang: 'zh-CN', rules: undefined, report: null, candidates: [] });

describe('runJobs', () => {
  it('keeps the input order, counts files as they finish, and survives a worker that dies', async () => {
    const jobs = ['a', 'b', 'crash', 'd', 'e', 'f'].map(job);
    const done: number[] = [];
    let started = 0;
    const results = await runJobs(jobs, 2, (i) => done.push(i), {
      mainThreadWorks: false,
      start: () => {
        started++;
        return new Worker(FAKE, { eval: true });
      },
    });
    expect(results.map((r) => r.review.file)).toEqual(['a', 'b', 'crash', 'd', 'e', 'f']);
    expect(results[2].review.error).toBe('the check stopped unexpectedly');
    expect(results.filter((r) => r.review.error === null)).toHaveLength(5);
    expect([...done].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toBe(2); // the other worker took the rest
  });

  it('starts a new worker when the only one dies with files left', async () => {
    const jobs = ['a', 'crash', 'c', 'd'].map(job);
    let started = 0;
    const results = await runJobs(jobs, 1, () => undefined, {
      mainThreadWorks: false,
      start: () => {
        started++;
        return new Worker(FAKE, { eval: true });
      },
    });
    expect(results.map((r) => r.review.error)).toEqual([null, 'the check stopped unexpectedly', null, null]);
    expect(started).toBe(2);
  });

  it('gives up on the files nobody took when every worker dies at start', async () => {
    const jobs = ['a', 'b', 'c'].map(job);
    const results = await runJobs(jobs, 1, () => undefined, { mainThreadWorks: false, start: () => new Worker('process.exit(1)', { eval: true }) });
    expect(results.map((r) => r.review.error)).toEqual(new Array(3).fill('the check stopped unexpectedly'));
  });
});

describe('workOn', () => {
  it('takes files from the shared counter until none are left, noting the one in hand', async () => {
    const jobs = ['a', 'b', 'c'].map(job);
    const shared = new SharedArrayBuffer(4 * 3);
    const view = new Int32Array(shared);
    view.fill(-1, 1);
    Atomics.store(view, 0, 1); // another thread took "a"
    const seen: { index: number; inHand: number }[] = [];
    await workOn({ jobs, shared, slot: 1 }, (r) => {
      seen.push({ index: r.index, inHand: Atomics.load(view, 2) });
    }, async (j) => ({ review: { file: j.path, error: null, forms: [], findings: [] }, rulesId: null, format: 'xlsx', report: null, reportError: null }));
    expect(seen).toEqual([{ index: 1, inHand: 1 }, { index: 2, inHand: 2 }]);
    expect(Atomics.load(view, 2)).toBe(-1);
    expect(Atomics.load(view, 0)).toBeGreaterThanOrEqual(3);
  });
});

describe('the main thread and the workers together', () => {
  it('finishes without waiting for a worker that is still starting', async () => {
    const jobs = ['a', 'b'].map(job);
    // A worker that never answers: the main thread checks both files, and the pool does not wait for it.
    const silent = () => new Worker(`require('worker_threads').parentPort.once('message', () => setInterval(() => undefined, 1000));`, { eval: true });
    const t0 = Date.now();
    const results = await runJobs(jobs, 2, () => undefined, { start: silent });
    expect(results.map((r) => r.review.file)).toEqual(['a', 'b']);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('prestartWorkers', () => {
  const isFolder = (p: string) => p.endsWith('/');

  it('starts none for one thread or a single file, threads − 1 otherwise', async () => {
    expect(prestartWorkers(['inbox/'], 1, isFolder)).toEqual([]);
    expect(prestartWorkers(['a.xlsx'], 4, isFolder)).toEqual([]);
    const two = prestartWorkers(['a.xlsx', 'b.xlsx'], 4, isFolder);
    const three = prestartWorkers(['inbox/'], 4, isFolder);
    try {
      expect(two).toHaveLength(1); // two files: the main thread and one worker
      expect(three).toHaveLength(3);
    } finally {
      await Promise.all([...two, ...three].map((w) => w.terminate()));
    }
  });

  it('leaves a core to V8 by default, and never goes below one thread', () => {
    expect(defaultJobs()).toBe(Math.max(1, availableParallelism() - 1));
  });
});
