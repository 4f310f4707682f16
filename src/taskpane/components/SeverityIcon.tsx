/** The coloured icon of a severity (decorative: the text says the severity too). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Severity } from '../../core/types';

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  info: { color: tokens.colorBrandForeground1, flexShrink: 0 },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const s = useStyles();
  const Icon = severity === 'error' ? ErrorCircle16Filled : severity === 'warning' ? Warning16Filled : Info16Filled;
  return <Icon className={s[severity]} aria-hidden />;
}
