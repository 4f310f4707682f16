/** The readable report of `selfeval check` (Chinese by default). */
import type { FileReview, Lang, Severity } from '../core/types';
import { cliText, severityWord } from './text';

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));

export function countBySeverity(files: FileReview[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const x of f.findings) n[x.severity]++;
  return n;
}

export function renderReport(files: FileReview[], lang: Lang): string {
  const t = cliText(lang);
  const out: string[] = [];
  for (const f of files) {
    out.push(f.file);
    if (f.error) {
      out.push(`  ${t.unreadable(f.file, f.error)}`);
      continue;
    }
    for (const form of f.forms) {
      const kind = form.kind === 'basic-data' ? t.basicData : t.selfEvaluation;
      const who = form.unit ?? form.project ?? '';
      const count = form.indicators ? `，${t.indicators(form.indicators.length)}` : '';
      out.push(`  ${form.sheet} ${form.range}  ${kind}${who ? ' — ' + who : ''}${lang === 'en-US' ? count.replace('，', ', ') : count}`);
      if (form.total) out.push(`    ${t.total(fmt(form.total.stated), fmt(form.total.computed), form.grade ?? '—')}`);
    }
    for (const x of f.findings) {
      const where = [x.sheet, x.cell].filter(Boolean).join('!');
      out.push(`    ${severityWord(lang, x.severity).padEnd(lang === 'en-US' ? 8 : 3)} ${where.padEnd(14)} ${x.message}  [${x.code}]`);
    }
  }
  const n = countBySeverity(files);
  out.push('', t.summary(n.error, n.warning, n.info));
  return out.join('\n') + '\n';
}
