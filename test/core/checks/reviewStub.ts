import type { LocatedForm } from '../../../src/core/form';
import type { FormReview } from '../../../src/core/types';

/** The checks read the analysis, not the review; a minimal review keeps the context well-typed. */
export function selfEvaluationReviewStub(form: LocatedForm): FormReview {
  return { sheet: form.sheet, kind: form.kind, range: form.range, unit: null };
}
