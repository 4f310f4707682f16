/** Drag-and-drop of a file anywhere on the page. */
import * as React from 'react';
import { Subtitle1, makeStyles, tokens } from '@fluentui/react-components';

export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = React.useState(false);
  const depth = React.useRef(0);
  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const handlers = {
    onDragEnter: (e: React.DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    },
    onDragOver: (e: React.DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) onFiles(files);
    },
  };
  return { dragging, handlers };
}

const useStyles = makeStyles({
  overlay: {
    position: 'fixed',
    inset: 0,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    pointerEvents: 'none',
    backgroundColor: tokens.colorBackgroundOverlay,
    zIndex: 1000,
  },
  box: {
    padding: tokens.spacingHorizontalXXXL,
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function DropOverlay({ text }: { text: string }): JSX.Element {
  const s = useStyles();
  return (
    <div className={s.overlay} data-testid="drop-overlay">
      <div className={s.box}>
        <Subtitle1>{text}</Subtitle1>
      </div>
    </div>
  );
}
