/**
 * Many forms (a bureau's workbook of 50): one line each — sheet, unit or project, totals, grade —
 * under a collapsed heading with a filter, so the findings above stay in view.
 */
import { useState } from 'react';
import { Body1, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding, FormReview } from '../../core/types';
import { differs, formKindKey, formatNumber } from '../model';
import { useT } from '../i18nContext';
import { Collapsible } from './Collapsible';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXXS} 0` },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  doubt: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function FormsList({ forms, doubts }: { forms: FormReview[]; doubts?: Map<FormReview, Finding | undefined> }) {
  const t = useT();
  const s = useStyles();
  const shared = useSharedStyles();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = q ? forms.filter((f) => [f.sheet, f.unit ?? '', f.project ?? ''].some((x) => x.toLowerCase().includes(q))) : forms;
  const num = (n: number | null | undefined) => (n === null || n === undefined ? t('forms.noValue') : formatNumber(n));
  return (
    <section className={shared.section}>
      <Collapsible title={t('forms.heading', { n: forms.length })}>
        <Field label={t('forms.filter')} className={shared.narrow}>
          <Input value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <ul className={shared.list} aria-label={t('forms.heading', { n: shown.length })}>
          {shown.map((f) => {
            const bad = differs(f.total);
            return (
              <li key={`${f.sheet}!${f.range}`} className={s.line}>
                <Body1>{f.sheet}</Body1>
                <Body1 className={shared.muted}>{f.project ?? f.unit ?? t(formKindKey(f))}</Body1>
                {f.total ? (
                  <Body1 className={mergeClasses(bad && s.mismatch)}>
                    {t('forms.line', { stated: num(f.total.stated), computed: num(f.total.computed) })}
                  </Body1>
                ) : null}
                {f.grade ? <Body1>{t(`grade.${f.grade}`)}</Body1> : null}
                {doubts?.get(f) ? (
                  <Body1 className={s.doubt} title={doubts.get(f)?.message}>
                    {t('forms.readingDoubt')}
                  </Body1>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Collapsible>
    </section>
  );
}
