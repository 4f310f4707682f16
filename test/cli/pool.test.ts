/** The audit's worker pool: input order kept, and a worker that dies takes down only its own file. */
import { Worker } from 'worker_threads';
import { join } from 'path';
import { runJobs } from '../../src/cli/pool';
import { workWorthThreads } from '../../src/cli/audit';
import type { AuditJob } from '../../src/cli/reviewer';

/** A stand-in worker: answers after a delay that reverses the finishing order, and dies on a file named "crash". */
const FAKE = `
const { parentPort } = require('worker_threads');
parentPort.on('message', ({ index, job }) => {
  if (job.path.includes('crash')) process.exit(3);
  setTimeout(() => parentPort.postMessage({ index, outcome: { review: { file: job.path, error: null, forms: [], findings: [] }, rulesId: 'mof-2020', format: 'xlsx', report: null, reportError: null } }), 50 - index * 5);
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
    expect(started).toBeGreaterThanOrEqual(3); // two at first, and one to replace the worker that died
  });
});

describe('workWorthThreads', () => {
  it('keeps a small batch on one thread, and gives big ones more', () => {
    const seed = join(__dirname, '../fixtures/seed-longquan-2023.xlsx');
    expect(workWorthThreads(new Array(200).fill(seed))).toBe(1);
    expect(workWorthThreads(new Array(2000).fill(seed))).toBeGreaterThan(1);
  });
});
