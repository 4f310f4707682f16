/** One located form: kind, sheet, unit/project, indicator count, stated vs computed total and grade. */
import { Body1, Body1Strong, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Finding, FormReview } from '../../core/types';
import { differs, formKindKey, formatNumber } from '../model';
import { useT } from '../i18nContext';
import { useSharedStyles } from './styles';


const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  // The grade as a small filled badge (Fluent's Badge costs 3 KB gzipped for this one use).
  grade: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '24px',
    height: '20px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  优: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  良: { backgroundColor: tokens.colorBrandBackground },
  中: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  差: { backgroundColor: tokens.colorPaletteRedBackground3 },
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  totals: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    columnGap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: {
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  mismatch: { color: tokens.colorPaletteRedForeground1 },
  doubt: { display: 'flex', columnGap: tokens.spacingHorizontalXS, color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** `doubt`: the layout-uncertain finding of this form: it was not read with confidence, and says so. */
export function FormCard({ form, doubt }: { form: FormReview; doubt?: Finding }) {
  const t = useT();
  const s = useStyles();
  const shared = useSharedStyles();
  const selfEval = form.kind === 'self-evaluation';
  const total = form.total;
  const bad = differs(total);
  const show = (n: number | null | undefined) => (n === null || n === undefined ? t('forms.noValue') : formatNumber(n));
  return (
    <article className={s.card} aria-label={`${t(formKindKey(form))} ${form.sheet}`}>
      <div className={s.top}>
        <Body1Strong>{t(formKindKey(form))}</Body1Strong>
        {selfEval && form.grade ? (
          <span role="img" className={mergeClasses(s.grade, s[form.grade])} aria-label={`${t('forms.grade')} ${t(`grade.${form.grade}`)}`}>
            {t(`grade.${form.grade}`)}
          </span>
        ) : null}
      </div>
      <Caption1 className={mergeClasses(shared.muted, shared.wrap)}>{form.sheet}</Caption1>
      {form.unit ? (
        <Body1 className={shared.wrap}>{t('forms.unitLine', { unit: form.unit })}</Body1>
      ) : null}
      {form.project ? (
        <Body1 className={shared.wrap}>{t('forms.projectLine', { project: form.project })}</Body1>
      ) : null}
      {selfEval ? <Caption1>{t('forms.indicators', { n: form.indicators?.length ?? 0 })}</Caption1> : null}
      {doubt ? (
        <Caption1 className={mergeClasses(s.doubt, shared.wrap)} data-testid="form-doubt" title={doubt.message}>
          <Warning16Filled aria-hidden />
          {t('forms.readingDoubt')}
        </Caption1>
      ) : null}
      {selfEval && total ? (
        <dl className={s.totals}>
          <div>
            <dt className={s.term}>{t('forms.stated')}</dt>
            <dd className={mergeClasses(s.value, bad && s.mismatch)} data-mismatch={bad || undefined}>
              {show(total.stated)}
              {bad ? <ErrorCircle16Filled role="img" aria-label={t('forms.mismatch')} /> : null}
            </dd>
          </div>
          <div>
            <dt className={s.term}>{t('forms.computed')}</dt>
            <dd className={s.value}>{show(total.computed)}</dd>
          </div>
        </dl>
      ) : null}
    </article>
  );
}
