/** The settings dialog shell; its form mounts afresh from the stored settings each time it opens. */
import { Dialog, DialogSurface } from '@fluentui/react-components';
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

export function SettingsDialog({ open, settings, ruleSets = RULE_SETS, onSave, onClose }: SettingsDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface aria-describedby="selfeval-settings-intro">
        <SettingsForm settings={settings} ruleSets={ruleSets} onSave={onSave} onCancel={onClose} />
      </DialogSurface>
    </Dialog>
  );
}
