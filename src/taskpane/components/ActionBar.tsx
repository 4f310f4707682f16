/** The main actions: one-click recompute (primary), check again and settings. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { BusyIndicator } from './BusyIndicator';
import { ArrowClockwise20Regular, Calculator20Regular, Settings20Regular } from '@fluentui/react-icons';
import type { Operation } from '../useAssistant';
import { useT } from '../i18nContext';

export interface ActionBarProps {
  busy: Operation | null;
  /** False when no form was found: nothing to recompute. */
  canRecompute: boolean;
  onRecompute(): void;
  onCheck(): void;
  onSettings(): void;
}

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  primary: { flexGrow: 1, minWidth: '140px', maxWidth: '320px' },
});

/** The settings panel returns focus here when it closes. */
export const SETTINGS_BUTTON_ID = 'selfeval-settings-button';
/** Focus comes back here when the control that acted went away (revert removes its own section). */
export const RECOMPUTE_BUTTON_ID = 'selfeval-recompute-button';

export function ActionBar({ busy, canRecompute, onRecompute, onCheck, onSettings }: ActionBarProps) {
  const t = useT();
  const s = useStyles();
  const tiny = <BusyIndicator />;
  return (
    <div className={s.bar} role="toolbar" aria-label={t('app.title')}>
      <Button
        className={s.primary}
        appearance="primary"
        icon={busy === 'recompute' ? tiny : <Calculator20Regular />}
        // While busy: disabled but still focusable, so focus stays on the control that acted.
        disabled={!canRecompute}
        disabledFocusable={canRecompute && busy !== null}
        aria-busy={busy === 'recompute' || undefined}
        id={RECOMPUTE_BUTTON_ID}
        title={t('action.recomputeHint')}
        onClick={onRecompute}
      >
        {t('action.recompute')}
      </Button>
      <Button
        appearance="subtle"
        icon={busy === 'check' ? tiny : <ArrowClockwise20Regular />}
        disabledFocusable={busy !== null}
        aria-label={t('action.check')}
        title={t('action.check')}
        onClick={onCheck}
      />
      <Button
        appearance="subtle"
        icon={<Settings20Regular />}
        disabledFocusable={busy !== null}
        aria-label={t('action.settings')}
        title={t('action.settings')}
        onClick={onSettings}
        id={SETTINGS_BUTTON_ID}
      />
    </div>
  );
}
