/**
 * A small spinning ring drawn with CSS. Fluent's Spinner costs ~3 KB gzipped, which the pane's
 * bundle budget (≤ 163 KB, Microsoft's own template) cannot spare for an icon-sized ring.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  ring: {
    display: 'inline-block',
    boxSizing: 'border-box',
    borderRadius: '50%',
    border: `2px solid ${tokens.colorNeutralStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: 'rotate(0deg)' }, to: { transform: 'rotate(360deg)' } },
    animationDuration: '0.8s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media (prefers-reduced-motion: reduce)': { animationDuration: '2.4s' },
  },
  tiny: { width: '16px', height: '16px' },
  small: { width: '20px', height: '20px' },
  row: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

export function BusyIndicator({ size = 'tiny', label }: { size?: 'tiny' | 'small'; label?: string }) {
  const s = useStyles();
  const ring = <span aria-hidden className={mergeClasses(s.ring, s[size])} />;
  if (!label) return ring;
  return (
    <span role="progressbar" aria-label={label} className={s.row}>
      {ring}
      <span>{label}</span>
    </span>
  );
}
