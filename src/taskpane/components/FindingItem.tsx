/** One finding: cell, indicator name, kind and the plain message; activating it selects the cell. */
import { Body1, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/types';
import type { MessageKey } from '../../i18n';
import type { Place } from '../model';
import { useT } from '../i18nContext';
import { useSharedStyles } from './styles';
import { SeverityIcon } from './SeverityIcon';

export interface FindingItemProps {
  finding: Finding;
  place: Place;
  /** Show the sheet name (several forms, no filter). */
  showSheet: boolean;
  onReveal(finding: Finding): void;
}

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  plain: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, display: 'flex', flexDirection: 'column' },
  code: { marginInlineStart: 'auto' },
});

const SEVERITY_ONE: Record<Severity, MessageKey> = {
  error: 'severity.one.error',
  warning: 'severity.one.warning',
  info: 'severity.one.info',
};

export function FindingItem({ finding, place, showSheet, onReveal }: FindingItemProps) {
  const t = useT();
  const s = useStyles();
  const shared = useSharedStyles();
  const name = place ? ('text' in place ? place.text : t(place.key)) : null;
  const cell = finding.cell ?? t('findings.noCell');
  const sheet = showSheet && finding.sheet ? finding.sheet : null;
  const where = [sheet, finding.cell, name].filter(Boolean).join(' ') || t('findings.noCell');

  const body = (
    <>
      <span className={s.line}>
        <SeverityIcon severity={finding.severity} />
        {sheet ? <Caption1 className={shared.muted}>{sheet}</Caption1> : null}
        <span className={shared.cell}>{cell}</span>
        {name ? <Body1 className={shared.wrap}>{name}</Body1> : null}
        <Caption1 className={mergeClasses(shared.muted, s.code)}>{t(`code.${finding.code}`)}</Caption1>
      </span>
      <Body1 className={shared.wrap}>{finding.message}</Body1>
    </>
  );

  if (!finding.cell || !finding.sheet) return <li className={s.plain}>{body}</li>;
  return (
    <li>
      <button
        type="button"
        className={shared.rowButton}
        aria-label={t('findings.itemAria', { severity: t(SEVERITY_ONE[finding.severity]), where, message: finding.message })}
        onClick={() => onReveal(finding)}
      >
        {body}
      </button>
    </li>
  );
}
