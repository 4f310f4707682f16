/**
 * A disclosure section (button with aria-expanded + panel). Used instead of Fluent's Accordion,
 * whose motion system alone costs ~20 KB gzipped in a pane that must load fast on old PCs.
 */
import { useId, useState, type ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  header: { width: '100%', justifyContent: 'flex-start', fontWeight: tokens.fontWeightSemibold, paddingLeft: tokens.spacingHorizontalXS },
  title: { flexGrow: 1, textAlign: 'start', display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  panel: { paddingLeft: tokens.spacingHorizontalS, paddingBottom: tokens.spacingVerticalS },
});

export interface CollapsibleProps {
  title: ReactNode;
  icon?: ReactNode;
  defaultOpen?: boolean;
  children: ReactNode;
}

export function Collapsible({ title, icon, defaultOpen = false, children }: CollapsibleProps) {
  const s = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  return (
    <div>
      <Button
        appearance="subtle"
        className={s.header}
        aria-expanded={open}
        aria-controls={panelId}
        icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
        onClick={() => setOpen(!open)}
      >
        <span className={s.title}>
          {icon}
          {title}
        </span>
      </Button>
      <div id={panelId} className={s.panel} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
