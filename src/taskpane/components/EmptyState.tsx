/** Shown when the workbook holds no recognisable form: what the tool looks for and what to do. */
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentSearch24Regular } from '@fluentui/react-icons';
import { useT } from '../i18nContext';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: '40px', color: tokens.colorBrandForeground1 },
});

export function EmptyState() {
  const t = useT();
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="selfeval-empty-title">
      <DocumentSearch24Regular className={s.icon} aria-hidden />
      <Subtitle2 as="h2" id="selfeval-empty-title">
        {t('empty.title')}
      </Subtitle2>
      <Body1>{t('empty.body')}</Body1>
      <Body1>{t('empty.hint')}</Body1>
    </section>
  );
}
