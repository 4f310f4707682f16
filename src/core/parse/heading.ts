/** Weights written into 一级指标 headings: "产出指标\n\n(40分)" → 40. */
import { normalizeText } from './normalize';

export function parseWeightHeading(text: string | null | undefined): number | null {
  if (typeof text !== 'string' || text === '') return null;
  const s = normalizeText(text.length > 2000 ? text.slice(0, 2000) : text);
  // Prefer the bracketed form; fall back to a bare "40分" ("产出指标40分"), never "分值".
  const m = /\((\d+(?:\.\d+)?)分?\)/.exec(s) ?? /(\d+(?:\.\d+)?)分(?!钟)/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}
