/** @jest-environment jsdom */
import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Dialog, DialogSurface, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SettingsDialog } from '../../src/taskpane/components/SettingsDialog';
import { SettingsForm } from '../../src/taskpane/components/SettingsForm';
import { RULE_SETS } from '../../src/taskpane/settings';
function W({ v }: { v: number }) {
  const [open, setOpen] = useState(false);
  return (
    <FluentProvider theme={webLightTheme}>
      <Button onClick={() => setOpen(true)}>Open</Button>
      {v === 0 ? <SettingsDialog open={open} settings={{ rules: 'mof-2020' }} onSave={() => {}} onClose={() => setOpen(false)} /> :
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}><DialogSurface>
        {v === 1 ? <SettingsForm settings={{ rules: 'mof-2020' }} ruleSets={RULE_SETS} onSave={() => {}} onCancel={() => setOpen(false)} /> : 'x'}
      </DialogSurface></Dialog>}
    </FluentProvider>
  );
}
test.each([0, 1, 2])('v%s', async (v) => {
  const user = userEvent.setup();
  render(<W v={v} />);
  await user.click(screen.getByRole('button', { name: 'Open' }));
  await new Promise((r) => setTimeout(r, 100));
  console.log(v, document.querySelector('[role=dialog]')?.getAttribute('aria-hidden'), document.activeElement?.tagName);
});
