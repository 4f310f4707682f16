/**
 * Whole processes, as a user starts them (`npm run bench`, section "process"): start-up, reading and
 * the engine together, not warm in-process timings.
 * - `selfeval check` on the 50-form workbook against a Node process that only loads the same file with
 *   ExcelJS (require('exceljs') + xlsx.load): pairs run alternately, median of the per-pair ratios.
 * - `selfeval audit` of 200 copies of the seed (default --jobs, and --jobs 1 for comparison) against one
 *   Node process that loads those 200 files with ExcelJS one after another.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { availableParallelism, loadavg, tmpdir } from 'os';
import { join } from 'path';

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(cmd: string, args: string[], cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const EXCELJS_LOAD = `
const ExcelJS = require('exceljs');
const fs = require('fs');
(async () => { for (const f of process.argv.slice(1)) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f)); })();
`;

export async function processBench(root: string, bench50: Uint8Array): Promise<void> {
  // The CLI as shipped: compiled into lib/.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-bench-'));
  const book = join(dir, 'bench-50-forms.xlsx');
  writeFileSync(book, bench50);
  const cli = join(root, 'bin/selfeval.js');
  const load = (files: string[]) => timed(process.execPath, ['-e', EXCELJS_LOAD, ...files], root);
  const pairs = 9;
  const ratios: number[] = [];
  const checks: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < pairs + 1; i++) {
    const l = load([book]);
    const c = timed(process.execPath, [cli, 'check', book], root);
    if (i === 0) continue; // warm the disk cache
    loads.push(l);
    checks.push(c);
    ratios.push(c / l);
  }
  console.log(
    `process: check on the 50-form workbook ${med(checks).toFixed(0)} ms vs a Node process loading it with ExcelJS ${med(loads).toFixed(0)} ms — ` +
      `ratio ${med(ratios).toFixed(2)}× (median of ${pairs} alternating pairs; target ≤ 1.2×)`,
  );
  const box = join(dir, 'inbox');
  mkdirSync(box);
  const seed = join(root, 'test/fixtures/seed-longquan-2023.xlsx');
  const copies: string[] = [];
  for (let i = 0; i < 200; i++) {
    const f = join(box, `unit-${String(i).padStart(3, '0')}.xlsx`);
    copyFileSync(seed, f);
    copies.push(f);
  }
  // The default (--jobs: the cores), and one thread for comparison: what the worker threads add.
  const auditRatios: number[] = [];
  const oneRatios: number[] = [];
  const audits: number[] = [];
  const ones: number[] = [];
  const sequential: number[] = [];
  const rounds = 5;
  for (let i = 0; i < rounds + 1; i++) {
    const l = load(copies);
    const a = timed(process.execPath, [cli, 'audit', box, '-o', join(dir, `summary-${i}.xlsx`)], root);
    const one = timed(process.execPath, [cli, 'audit', box, '-o', join(dir, `summary-${i}.xlsx`), '--jobs', '1'], root);
    if (i === 0) continue; // warm the disk cache
    sequential.push(l);
    audits.push(a);
    ones.push(one);
    auditRatios.push(a / l);
    oneRatios.push(one / l);
  }
  console.log(
    `process: audit of 200 seed copies ${med(audits).toFixed(0)} ms (${availableParallelism()} cores, default --jobs) vs loading them with ExcelJS one after another ${med(sequential).toFixed(0)} ms — ` +
      `ratio ${med(auditRatios).toFixed(2)}× (median of ${rounds} alternating rounds; target ≤ 0.7× on 2 cores); ` +
      `with --jobs 1 ${med(ones).toFixed(0)} ms, ${med(oneRatios).toFixed(2)}×. Load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
  );
}
