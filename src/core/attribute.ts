/**
 * Which form a finding belongs to (the range that holds its cell), and whether a form was read with
 * doubt: shared by the task pane and the audit summary, so both show such forms apart.
 */
import type { FileReview, Finding } from './types';
import { parseA1, parseRange } from './address';

/** Where the findings of a file go: one list per form (by the range that holds the cell), and the rest. */
export function attributeFindings(review: FileReview): { perForm: Finding[][]; fileLevel: Finding[] } {
  const perForm: Finding[][] = review.forms.map(() => []);
  const fileLevel: Finding[] = [];
  const ranges = review.forms.map((f) => parseRange(f.range));
  for (const x of review.findings) {
    const onSheet = review.forms.map((f, i) => i).filter((i) => x.sheet !== null && review.forms[i].sheet === x.sheet);
    if (!onSheet.length) {
      fileLevel.push(x);
      continue;
    }
    const at = x.cell ? parseA1(x.cell) : null;
    let best = onSheet[0];
    if (at) {
      // The form whose range holds the cell (the smallest, should two overlap), else the nearest one.
      let bestKey = Infinity;
      for (const i of onSheet) {
        const r = ranges[i];
        if (!r) continue;
        const dr = at.row < r.top ? r.top - at.row : at.row > r.bottom ? at.row - r.bottom : 0;
        const dc = at.col < r.left ? r.left - at.col : at.col > r.right ? at.col - r.right : 0;
        const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
        const key = (dr + dc) * 1e12 + area;
        if (key < bestKey) {
          bestKey = key;
          best = i;
        }
      }
    }
    perForm[best].push(x);
  }
  return { perForm, fileLevel };
}

/** The finding that says a form was not read with confidence (layout-uncertain), if any. */
export function readingDoubt(formFindings: readonly Finding[]): Finding | undefined {
  return formFindings.find((f) => f.code === 'layout-uncertain');
}
