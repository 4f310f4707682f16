/** The forms found in the workbook, as cards in a grid that uses the width it gets. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, FormReview } from '../../core/types';
import { attributeFindings, readingDoubt } from '../../core/attribute';
import { useT } from '../i18nContext';
import { FormCard } from './FormCard';
import { ColumnMap } from './ColumnMap';
import type { TemplateProfile } from '../../core/profile';
import { FormsList } from './FormsList';

/** Up to this many forms are shown as cards; more get one line each, collapsed (FormsList). */
const CARDS_UP_TO = 6;
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  grid: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
});

export interface FormsSummaryProps {
  forms: FormReview[];
  /** The review's findings: a form read with doubt (layout-uncertain) is marked, and listed first. */
  findings?: Finding[];
  /** The clerk's column map: with onColumnMap, each form shows its 列映射 to correct. */
  template?: TemplateProfile;
  disabled?: boolean;
  onColumnMap?(template: TemplateProfile): void;
}

export function FormsSummary({ forms: found, findings = [], template, disabled = false, onColumnMap }: FormsSummaryProps) {
  const t = useT();
  const s = useStyles();
  const shared = useSharedStyles();
  const { perForm } = attributeFindings({ file: '', error: null, forms: found, findings });
  const doubts = new Map(found.map((f, i) => [f, readingDoubt(perForm[i])]));
  // Forms read with doubt first: they are the ones whose column map the clerk should look at.
  const forms = [...found].sort((a, b) => Number(!!doubts.get(b)) - Number(!!doubts.get(a)));
  if (forms.length > CARDS_UP_TO) return <FormsList forms={forms} doubts={doubts} />;
  return (
    <section className={shared.section} aria-labelledby="selfeval-forms-heading">
      <h2 id="selfeval-forms-heading" className={shared.heading}>
        {t('forms.heading', { n: forms.length })}
      </h2>
      <ul className={s.grid}>
        {forms.map((form) => (
          <li key={`${form.sheet}!${form.range}`}>
            <FormCard form={form} doubt={doubts.get(form)} />
            {onColumnMap ? <ColumnMap form={form} template={template} disabled={disabled} onChange={onColumnMap} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
