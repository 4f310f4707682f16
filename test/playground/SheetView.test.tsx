/** @jest-environment jsdom */
import * as React from 'react';
import { readFileSync } from 'fs';
import { join } from 'path';
import { render, screen, fireEvent, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SheetView, type SheetViewProps } from '../../src/playground/SheetView';
import { TextDecoder, TextEncoder } from 'util';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

const SHEET = '附件3 自评表';
let seed: WorkbookSnapshot;

beforeAll(async () => {
  // jsdom lacks TextDecoder, which the reader's zip code needs; load the reader after providing it.
  Object.assign(globalThis, { TextDecoder, TextEncoder });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { snapshotFromBuffer } = require('../../src/hosts/file/read') as typeof import('../../src/hosts/file/read');
  seed = await snapshotFromBuffer(readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx')), 'seed.xlsx');
});

function view(props: Partial<SheetViewProps> & { snapshot: WorkbookSnapshot }) {
  const all: SheetViewProps = { activeSheet: SHEET, onActiveSheetChange: () => {}, selected: null, ...props };
  return render(
    <FluentProvider theme={webLightTheme}>
      <SheetView {...all} />
    </FluentProvider>,
  );
}

function td(cell: string): HTMLTableCellElement | null {
  return document.querySelector(`td[data-sheet="${SHEET}"][data-cell="${cell}"]`);
}

describe('SheetView', () => {
  it('shows a tab per visible sheet and the active sheet as a grid', () => {
    view({ snapshot: seed });
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    expect(screen.getByRole('tab', { name: '附件2 基础数据表' })).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByRole('tab', { name: SHEET })).toHaveAttribute('aria-selected', 'true');
    const grid = screen.getByRole('grid', { name: SHEET });
    const heads = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
    expect(heads).toEqual(['', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toHaveLength(22);
  });

  it('draws merged areas with rowSpan/colSpan and omits covered cells', () => {
    view({ snapshot: seed });
    expect(td('A1')).toHaveAttribute('colspan', '9');
    expect(td('B13')).toHaveAttribute('rowspan', '3');
    expect(td('B13')!.textContent).toContain('产出指标');
    expect(td('A12')).toHaveAttribute('rowspan', '9');
    expect(td('B14')).toBeNull();
    expect(td('B1')).toBeNull();
    expect(td('H14')!.textContent).toBe('15');
    expect(td('H14')).not.toHaveAttribute('rowspan');
  });

  it('shows display texts and fills', () => {
    const snap: WorkbookSnapshot = JSON.parse(JSON.stringify(seed));
    const s = snap.sheets[1];
    s.values[13][7] = 14.55;
    s.texts[13][7] = '14.55';
    s.fills![13][7] = '#FFC7CE';
    view({ snapshot: snap });
    expect(td('H14')!.textContent).toBe('14.55');
    expect(td('H14')).toHaveAttribute('data-fill', '#FFC7CE');
    expect(td('H14')!.style.backgroundColor).toBe('rgb(255, 199, 206)');
    expect(td('H13')).not.toHaveAttribute('data-fill');
    expect(td('G4')!.textContent).toBe('100%');
  });

  it('highlights the selected cell and the merged area holding it', () => {
    const { rerender } = view({ snapshot: seed, selected: { sheet: SHEET, cell: 'H14' } });
    expect(td('H14')).toHaveAttribute('aria-selected', 'true');
    expect(td('H13')).toHaveAttribute('aria-selected', 'false');
    rerender(
      <FluentProvider theme={webLightTheme}>
        <SheetView snapshot={seed} activeSheet={SHEET} onActiveSheetChange={() => {}} selected={{ sheet: SHEET, cell: 'B14' }} />
      </FluentProvider>,
    );
    expect(td('B13')).toHaveAttribute('aria-selected', 'true');
    expect(td('H14')).toHaveAttribute('aria-selected', 'false');
  });

  it('reports cell clicks and tab changes', () => {
    const onSelectCell = jest.fn();
    const onActiveSheetChange = jest.fn();
    view({ snapshot: seed, onSelectCell, onActiveSheetChange });
    fireEvent.click(td('D14')!);
    expect(onSelectCell).toHaveBeenCalledWith(SHEET, 'D14');
    fireEvent.click(screen.getByRole('tab', { name: '附件2 基础数据表' }));
    expect(onActiveSheetChange).toHaveBeenCalledWith('附件2 基础数据表');
  });

  it('hides very hidden sheets (the state sheet)', () => {
    const snap: WorkbookSnapshot = { sheets: [...seed.sheets, { ...seed.sheets[0], name: '_selfeval', visibility: 'veryHidden' }] };
    view({ snapshot: snap });
    expect(screen.queryByRole('tab', { name: '_selfeval' })).toBeNull();
  });
});
