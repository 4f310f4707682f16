/**
 * Settings as an inline panel in the pane rather than a modal dialog: a task pane is narrow, Office
 * discourages modals there, and Fluent's Dialog with its motion costs ~20 KB gzipped. Escape closes
 * it; focus moves to its heading on open and back to the settings button on close (App).
 */
import { useEffect, useRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Settings } from '../../app/types';
import { RULE_SETS, type RuleSetOption } from '../settings';
import { SettingsForm } from './SettingsForm';

export interface SettingsDialogProps {
  open: boolean;
  settings: Settings | undefined;
  ruleSets?: readonly RuleSetOption[];
  onSave(settings: Settings): void;
  onClose(): void;
}

const useStyles = makeStyles({
  panel: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export function SettingsDialog({ open, settings, ruleSets = RULE_SETS, onSave, onClose }: SettingsDialogProps) {
  const s = useStyles();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open) ref.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <section
      ref={ref}
      className={s.panel}
      role="region"
      aria-labelledby="selfeval-settings-title"
      aria-describedby="selfeval-settings-intro"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <SettingsForm settings={settings} ruleSets={ruleSets} onSave={onSave} onCancel={onClose} />
    </section>
  );
}
