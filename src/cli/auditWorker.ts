/** Worker thread of `selfeval audit --jobs N` (see ./pool): checks the files it is sent, one at a time. */
import { parentPort } from 'worker_threads';
import { auditFile, type AuditJob } from './reviewer';

parentPort?.on('message', (m: { index: number; job: AuditJob }) => {
  auditFile(m.job).then(
    (outcome) => parentPort!.postMessage({ index: m.index, outcome }),
    (e: unknown) => {
      const file = m.job.path.split(/[\\/]/).pop() ?? m.job.path;
      parentPort!.postMessage({ index: m.index, outcome: { review: { file, error: String((e as Error)?.message ?? e), forms: [], findings: [] }, rulesId: null, format: null, report: null, reportError: null } });
    },
  );
});
