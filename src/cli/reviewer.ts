/**
 * One workbook reviewed for the command line, and its report cross-checked: the job `check` runs per
 * file and `audit` runs per file on its worker threads. Never throws: a file that cannot be read gets
 * `error` in its review.
 */
import type { FileReview, Lang } from '../core/types';
import type { LocatedForm } from '../core/form';
import { Assistant } from '../app/assistant';
import type { TemplateProfile } from '../core/profile';
import { openWorkbook, describeError } from './load';
import { unreadableReason } from './unreadable';
import { readReport } from './reportfile';
// Static, not import(): this module runs in audit's worker threads too (see ./pool).
import { crossCheckReport } from '../core/report';

export type RuleSource = string | Record<string, unknown> | undefined;

export interface Reviewed {
  review: FileReview;
  rulesId: string | null;
  /** The format read ('xlsx', 'xls', 'ods' …), null when the file could not be opened. */
  format: string | null;
  forms: LocatedForm[];
}

/** `template`: --template's profile, read through in place of the column map stored in the workbook. */
export async function reviewPath(path: string, lang: Lang, ruleSource: RuleSource, template?: TemplateProfile): Promise<Reviewed> {
  const opened = await openWorkbook(path);
  // The reason in the clerk's language, with the fix (另存为 .xlsx…).
  if (!opened.ok) return { review: { file: opened.name, error: unreadableReason(path, opened.error, lang), forms: [], findings: [] }, rulesId: null, format: null, forms: [] };
  try {
    // The pane's own controller: the workbook's stored settings, or --rules in their place.
    const { review, rules, forms } = await new Assistant(opened.host, { lang, file: opened.name, rules: ruleSource, template }).inspect();
    return { review, rulesId: rules.id, format: opened.format, forms };
  } catch (e) {
    return { review: { file: opened.name, error: describeError(e), forms: [], findings: [] }, rulesId: null, format: opened.format, forms: [] };
  }
}

/** What audit asks of one file: review it, and cross-check it with its report if one is beside it. */
export interface AuditJob {
  path: string;
  lang: Lang;
  rules: RuleSource;
  /** --template's profile (plain JSON, so it crosses to the worker threads). */
  template?: TemplateProfile;
  /** The report paired by file name, if any. */
  report: string | null;
  /** Otherwise the unpaired reports beside it: the one that names the workbook's unit is its report. */
  candidates: string[];
}

export interface AuditOutcome {
  review: FileReview;
  rulesId: string | null;
  format: string | null;
  /** The report cross-checked, and why it could not be read. */
  report: string | null;
  reportError: string | null;
}

const squash = (s: string): string => s.normalize('NFKC').replace(/[\s\u3000（）()]/g, '');

/** The unit of the whole-unit form, as a report would name it. */
function unitName(reviewed: Reviewed): string | null {
  const form = reviewed.review.forms.find((f) => f.kind === 'self-evaluation' && f.unit) ?? reviewed.review.forms.find((f) => f.unit);
  const unit = form?.unit ? squash(form.unit) : '';
  return unit.length >= 4 ? unit : null;
}

export async function auditFile(job: AuditJob): Promise<AuditOutcome> {
  const reviewed = await reviewPath(job.path, job.lang, job.rules, job.template);
  const out: AuditOutcome = { review: reviewed.review, rulesId: reviewed.rulesId, format: reviewed.format, report: null, reportError: null };
  if (reviewed.review.error) return out;
  let report = job.report ? await readReport(job.report) : null;
  if (!report && job.candidates.length) {
    const unit = unitName(reviewed);
    if (unit) {
      const named = [];
      for (const c of job.candidates) {
        const r = await readReport(c);
        if (r.ok && squash(r.text).includes(unit)) named.push(r);
      }
      if (named.length === 1) report = named[0];
    }
  }
  if (!report) return out;
  out.report = report.path;
  if (!report.ok) {
    out.reportError = report.error;
    return out;
  }
  try {
    out.review.findings.push(...crossCheckReport(report.text, reviewed.forms, reviewed.review, job.lang));
  } catch (e) {
    out.reportError = describeError(e);
  }
  return out;
}
