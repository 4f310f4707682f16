/** Read-only workbook view: a tab per sheet, merged cells drawn merged, display texts and fills. */
import * as React from 'react';
import { makeStyles, mergeClasses, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { displayedCell, layoutSheet, type GridRow } from './grid';
import { fill, strings } from './strings';
import type { Lang } from '../core/types';

export interface Selection {
  sheet: string;
  cell: string;
}

export interface SheetViewProps {
  snapshot: WorkbookSnapshot;
  activeSheet: string;
  onActiveSheetChange(sheet: string): void;
  selected: Selection | null;
  onSelectCell?(sheet: string, cell: string): void;
  lang?: Lang;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  tabs: { flexShrink: 0, overflowX: 'auto', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  scroller: { flexGrow: 1, overflow: 'auto', minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  head: {
    position: 'sticky',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    textAlign: 'center',
    zIndex: 1,
  },
  colHead: { top: 0, minWidth: '56px' },
  rowHead: { left: 0, minWidth: '32px' },
  corner: { top: 0, left: 0, zIndex: 2 },
  headActive: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground1 },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '2px 6px',
    maxWidth: '260px',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    verticalAlign: 'middle',
    cursor: 'cell',
  },
  numeric: { textAlign: 'right' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  note: { padding: '4px 8px', color: tokens.colorNeutralForeground3 },
});

interface RowProps {
  row: GridRow;
  sheet: string;
  selectedAddress: string | null;
  onSelect?(cell: string): void;
}

/** One table row; memoised so a new selection only re-renders the rows it touches. */
const Row = React.memo(function Row({ row, sheet, selectedAddress, onSelect }: RowProps) {
  const s = useStyles();
  const active = selectedAddress !== null && row.cells.some((c) => c.address === selectedAddress);
  return (
    <tr>
      <th scope="row" className={mergeClasses(s.head, s.rowHead, active && s.headActive)}>
        {row.number}
      </th>
      {row.cells.map((c) => {
        const isSel = c.address === selectedAddress;
        return (
          <td
            key={c.address}
            role="gridcell"
            data-sheet={sheet}
            data-cell={c.address}
            data-fill={c.fill ?? undefined}
            aria-selected={isSel}
            rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
            colSpan={c.colSpan > 1 ? c.colSpan : undefined}
            className={mergeClasses(s.cell, c.numeric && s.numeric, isSel && s.selected)}
            style={c.fill ? { backgroundColor: c.fill } : undefined}
            onClick={onSelect ? () => onSelect(c.address) : undefined}
          >
            {c.text}
          </td>
        );
      })}
    </tr>
  );
});

function SheetGrid(props: { sheet: SheetSnapshot; selected: string | null; onSelect?(cell: string): void; lang: Lang }) {
  const s = useStyles();
  const t = strings(props.lang);
  const grid = React.useMemo(() => layoutSheet(props.sheet), [props.sheet]);
  const sel = props.selected ? displayedCell(grid, props.selected) : null;
  const selCol = sel ? sel.replace(/\d+$/, '') : null;
  const scroller = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!sel || !scroller.current) return;
    const el = scroller.current.querySelector(`[data-cell="${sel}"]`) as HTMLElement | null;
    el?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  }, [sel, props.sheet]);
  if (grid.rows.length === 0) return <Text className={s.note}>{t.emptySheet}</Text>;
  return (
    <div ref={scroller} className={s.scroller} data-testid="sheet-scroller" data-print="expand">
      {grid.truncated && (
        <Text as="p" className={s.note}>
          {fill(t.truncated, { rows: grid.rows.length, cols: grid.columns.length })}
        </Text>
      )}
      <table role="grid" aria-label={props.sheet.name} data-sheet={props.sheet.name} className={s.table}>
        <thead>
          <tr>
            <th className={mergeClasses(s.head, s.corner)} />
            {grid.columns.map((c) => (
              <th key={c} scope="col" className={mergeClasses(s.head, s.colHead, c === selCol && s.headActive)}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((r) => (
            <Row
              key={r.number}
              row={r}
              sheet={props.sheet.name}
              selectedAddress={sel && r.cells.some((c) => c.address === sel) ? sel : null}
              onSelect={props.onSelect}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SheetView(props: SheetViewProps): JSX.Element {
  const s = useStyles();
  const lang = props.lang ?? 'zh-CN';
  const t = strings(lang);
  const sheets = props.snapshot.sheets.filter((x) => x.visibility !== 'veryHidden');
  const sheet = sheets.find((x) => x.name === props.activeSheet) ?? sheets[0];
  const { onSelectCell } = props;
  const onSelect = React.useMemo(
    () => (onSelectCell && sheet ? (cell: string) => onSelectCell(sheet.name, cell) : undefined),
    [onSelectCell, sheet],
  );
  return (
    <section className={s.root} aria-label={t.workbook} data-testid="sheet-view" data-print="expand">
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={sheet?.name}
        onTabSelect={(_e, d) => props.onActiveSheetChange(String(d.value))}
        data-print="hide"
      >
        {sheets.map((x) => (
          <Tab key={x.name} value={x.name} data-sheet={x.name}>
            {x.visibility === 'hidden' ? `${x.name} (${t.hidden})` : x.name}
          </Tab>
        ))}
      </TabList>
      {sheet && (
        <SheetGrid
          key={sheet.name}
          sheet={sheet}
          lang={lang}
          selected={props.selected && props.selected.sheet === sheet.name ? props.selected.cell : null}
          onSelect={onSelect}
        />
      )}
    </section>
  );
}
