/** What the colours in the sheet mean: 已更正 (we wrote it) and 待处理 (the clerk must act), and how to clear them. */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CORRECTED_FILL, MARK_FILLS } from '../../core/edits';
import { useT } from '../i18nContext';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  items: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  item: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  // The swatch shows the very colour painted in the sheet (a fill colour, not a theme token).
  swatch: { width: '14px', height: '14px', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
});

const KINDS = [
  { fill: CORRECTED_FILL, key: 'legend.corrected' },
  { fill: MARK_FILLS.error, key: 'legend.error' },
  { fill: MARK_FILLS.warning, key: 'legend.warning' },
] as const;

export function MarkLegend() {
  const t = useT();
  const s = useStyles();
  const shared = useSharedStyles();
  return (
    <section className={shared.section} aria-labelledby="selfeval-legend-heading">
      <h2 id="selfeval-legend-heading" className={shared.heading}>
        {t('legend.heading')}
      </h2>
      <ul className={s.items}>
        {KINDS.map((k) => (
          <li key={k.key} className={s.item}>
            <span className={s.swatch} style={{ backgroundColor: k.fill }} aria-hidden />
            <Caption1>{t(k.key)}</Caption1>
          </li>
        ))}
      </ul>
      <Caption1 className={shared.muted}>{t('legend.clear')}</Caption1>
    </section>
  );
}
