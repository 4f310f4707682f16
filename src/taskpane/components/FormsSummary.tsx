/** The forms found in the workbook, as cards in a grid that uses the width it gets. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { FormReview } from '../../core/types';
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
  /** The clerk's column map: with onColumnMap, each form shows its 列映射 to correct. */
  template?: TemplateProfile;
  disabled?: boolean;
  onColumnMap?(template: TemplateProfile): void;
}

export function FormsSummary({ forms, template, disabled = false, onColumnMap }: FormsSummaryProps) {
  const t = useT();
  const s = useStyles();
  const shared = useSharedStyles();
  if (forms.length > CARDS_UP_TO) return <FormsList forms={forms} />;
  return (
    <section className={shared.section} aria-labelledby="selfeval-forms-heading">
      <h2 id="selfeval-forms-heading" className={shared.heading}>
        {t('forms.heading', { n: forms.length })}
      </h2>
      <ul className={s.grid}>
        {forms.map((form) => (
          <li key={`${form.sheet}!${form.range}`}>
            <FormCard form={form} />
            {onColumnMap ? <ColumnMap form={form} template={template} disabled={disabled} onChange={onColumnMap} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
