/**
 * The fake ET Application must behave as ../shared/notes/wps-addin.md §7.4 says the real one does,
 * or the WPS host tests prove nothing. One test per must-have (numbered as in the notes).
 */
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { XL } from '../../../src/hosts/wps/types';
import { hexToBgr } from '../../../src/hosts/wps/values';
import { book, formSheet, blankSheet } from '../../hosts/excel/book';
import { createFakeWpsApplication, installFakeWps, type FakeWpsOptions } from '.';

// formSheet: rows 2-5 (top 1), A..D; D5 =SUM(D3:D4); A3:A4 merged; A2:D2 filled #D9D9D9, D3 #FFEB9C.
const make = (options: FakeWpsOptions = {}, snap: WorkbookSnapshot = book(formSheet(), blankSheet('空白'))) => createFakeWpsApplication(snap, options);
const FORM = '项目支出绩效自评表';

test('7.4 1: installs as window.Application and window.wps, or as wps.EtApplication() (legacy)', () => {
  const app = make();
  const w: Record<string, unknown> = {};
  installFakeWps(w, app);
  expect(w.Application).toBe(app);
  expect(w.wps).toBe(app);
  const old: Record<string, unknown> = {};
  installFakeWps(old, app, 'legacy');
  expect(old.Application).toBeUndefined();
  expect((old.wps as { EtApplication(): unknown }).EtApplication()).toBe(app);
});

test('7.4 2: items are 1-based, by index or name (any case); out of range throws', () => {
  const sheets = make().ActiveWorkbook!.Worksheets;
  expect(sheets.Count).toBe(2);
  expect(sheets.Item(1).Name).toBe(FORM);
  expect(sheets.Item('空白').Index).toBe(2);
  expect(() => sheets.Item(0)).toThrow();
  expect(() => sheets.Item(3)).toThrow();
  expect(() => sheets.Item('nope')).toThrow();
  const ws = sheets.Item(1);
  expect(ws.Cells.Item(3, 4).Address()).toBe('$D$3');
  expect(ws.Range('B3:D5').Item(2, 1).Address(false, false)).toBe('B4');
  expect(ws.Range('B3:D5').Item(4).Address(false, false)).toBe('B4');
  expect(() => ws.Range('B3:D5').Item(4, 1)).toThrow();
});

test('7.4 3: a fresh wrapper on every read; identity only through Intersect', () => {
  const app = make();
  expect(app.ActiveSheet).not.toBe(app.ActiveSheet);
  expect(app.ActiveWorkbook!.Worksheets.Item(1).Range('A1')).not.toBe(app.ActiveWorkbook!.Worksheets.Item(1).Range('A1'));
  const a = app.ActiveSheet!.Range('A1:B2');
  expect(app.Intersect(a, app.ActiveWorkbook!.Worksheets.Item(1).Range('B2:C3'))!.Address(false, false)).toBe('B2');
  expect(app.Intersect(a, app.ActiveWorkbook!.Worksheets.Item(2).Range('A1'))).toBeNull();
});

test('7.4 4: Address() and Value() are methods; multi-area addresses are comma lists', () => {
  const ws = make().ActiveSheet!;
  const rg = ws.Range('$A$2:B3,D5');
  expect(typeof rg.Address).toBe('function');
  expect(rg.Address()).toBe('$A$2:$B$3,$D$5');
  expect(rg.Address(false, false)).toBe('A2:B3,D5');
  expect(ws.Range('C3').Value()).toBe(20);
  ws.Range('C3').Value(undefined, 21);
  expect(ws.Range('C3').Value2).toBe(21);
});

describe('7.4 5: configurable Value2 shapes; empty → null; error cells', () => {
  const grid = [
    ['一级指标', '二级指标'],
    ['产出指标', '数量指标'],
  ];
  it.each([
    ['array2d', (v: unknown) => v],
    ['item', (v: unknown) => [1, 2].map((r) => [1, 2].map((c) => (v as { Item(r: number, c: number): unknown }).Item(r, c)))],
    ['vbarray', (v: unknown) => { const f = (v as { toArray(): unknown[] }).toArray(); return [[f[0], f[2]], [f[1], f[3]]]; }],
    ['array1d', (v: unknown) => v],
  ] as const)('%s', (shape, unpack) => {
    const ws = make({ shape }).ActiveSheet!;
    expect(unpack(ws.Range('A2:B3').Value2)).toEqual(grid);
    expect(ws.Range('A2').Value2).toBe('一级指标');
    expect(ws.Range('B5').Value2).toBeNull();
    if (shape === 'array1d') expect(ws.Range('A2:D2').Value2).toEqual(['一级指标', '二级指标', '分值', '得分']);
  });
  it('errors as CVErr integers (default) or text; Text shows #DIV/0!', () => {
    const snap = book(formSheet({ values: [['#DIV/0!']], texts: [['#DIV/0!']], formulas: [['=1/0']], numberFormats: [['General']], fills: [[null]], merges: [] }));
    expect(createFakeWpsApplication(snap).ActiveSheet!.Range('A2').Value2).toBe(-2146826281);
    expect(createFakeWpsApplication(snap, { errors: 'text' }).ActiveSheet!.Range('A2').Value2).toBe('#DIV/0!');
    expect(createFakeWpsApplication(snap).ActiveSheet!.Range('A2').Text).toBe('#DIV/0!');
  });
  it('multi-cell Text is one text when uniform, else null (or a matrix when asked)', () => {
    expect(make().ActiveSheet!.Range('A2:B2').Text).toBeNull();
    expect(make().ActiveSheet!.Range('E2:E3').Text).toBe('');
    expect(make({ text: 'array2d' }).ActiveSheet!.Range('A2:B2').Text).toEqual([['一级指标', '二级指标']]);
  });
});

test('7.4 6: NumberFormat, Interior.Color, HasFormula and MergeCells are uniform or null', () => {
  const ws = make().ActiveSheet!;
  expect(ws.Range('A2:C2').NumberFormat).toBe('General');
  expect(ws.Range('D2:D3').NumberFormat).toBeNull();
  expect(ws.Range('A2:D2').Interior.Color).toBe(hexToBgr('#D9D9D9'));
  expect(ws.Range('A2:A3').Interior.Color).toBeNull();
  expect(ws.Range('C5:D5').HasFormula).toBe(true);
  expect(ws.Range('C4:C5').HasFormula).toBeNull();
  expect(ws.Range('A3:A4').MergeCells).toBe(true);
  expect(ws.Range('A3:B3').MergeCells).toBeNull();
  expect(ws.Range('B3:B4').MergeCells).toBe(false);
});

test('7.4 7: MergeArea is the merged block, or the cell itself', () => {
  const ws = make().ActiveSheet!;
  expect(ws.Range('A4').MergeArea.Address(false, false)).toBe('A3:A4');
  expect(ws.Range('B4').MergeArea.Address(false, false)).toBe('B4');
});

test('7.4 8: colours are BGR; unfilled reads white with ColorIndex/Pattern xlNone; ColorIndex = xlNone clears', () => {
  const app = make();
  const ws = app.ActiveSheet!;
  expect(hexToBgr('#FFC7CE')).toBe(0xcec7ff);
  expect(ws.Range('B5').Interior.Color).toBe(XL.white);
  expect(ws.Range('B5').Interior.ColorIndex).toBe(XL.none);
  expect(ws.Range('B5').Interior.Pattern).toBe(XL.none);
  ws.Range('B5').Interior.Color = hexToBgr('#FFC7CE');
  expect(app.fake.snapshot().sheets[0].fills![3][1]).toBe('#FFC7CE');
  expect(ws.Range('B5').Interior.Pattern).toBe(XL.patternSolid);
  ws.Range('B5:C5').Interior.TintAndShade = 0.4;
  expect(ws.Range('B5:C5').Interior.TintAndShade).toBe(0.4);
  expect(ws.Range('B5:D5').Interior.TintAndShade).toBeNull();
  ws.Range('B5').Interior.ColorIndex = XL.none;
  expect(app.fake.snapshot().sheets[0].fills![3][1]).toBeNull();
});

test('7.4 9: comments', () => {
  const ws = make().ActiveSheet!;
  expect(ws.Range('B3').Comment).toBeNull();
  expect(ws.Range('B3').AddComment('说明').Text()).toBe('说明');
  expect(() => ws.Range('B3').AddComment('again')).toThrow();
  ws.Range('B3').ClearComments();
  expect(ws.Range('B3').Comment).toBeNull();
});

test('7.4 10: a protected sheet and edit mode refuse writes; Ready stays true; EditDirectlyInCell cannot be set', () => {
  const app = make();
  const ws = app.ActiveSheet!;
  ws.Protect();
  expect(ws.ProtectContents).toBe(true);
  expect(() => (ws.Range('B5').Value2 = 1)).toThrow(/protected/);
  ws.Unprotect();
  app.fake.editMode = true;
  expect(app.Ready).toBe(true);
  expect(ws.Range('A2').Value2).toBe('一级指标');
  expect(() => (ws.Range('B5').Value2 = 1)).toThrow(/edit mode/);
  expect(() => (app.EditDirectlyInCell = true)).toThrow(/edit mode/);
  expect(app.fake.value(FORM, 'B5')).toBeNull();
});

test('7.4 11: UsedRange is the bounding box; A1 on an empty sheet', () => {
  const sheets = make().ActiveWorkbook!.Worksheets;
  expect(sheets.Item(1).UsedRange.Address(false, false)).toBe('A2:D5');
  expect(sheets.Item(2).UsedRange.Address(false, false)).toBe('A1');
});

test('7.4 12: Sheets.Add activates the new sheet; Visible = 2 hides it very; the last visible sheet cannot be hidden', () => {
  const app = make();
  const sheets = app.ActiveWorkbook!.Worksheets;
  const ws = sheets.Add(null, sheets.Item(sheets.Count));
  expect(ws.Index).toBe(3);
  expect(app.ActiveSheet!.Name).toBe(ws.Name);
  ws.Visible = XL.sheetVeryHidden;
  expect(sheets.Item(3).Visible).toBe(2);
  expect(app.ActiveSheet!.Visible).toBe(XL.sheetVisible);
  expect(sheets.Item(3).CodeName).toBe('');
  sheets.Item(2).Visible = XL.sheetHidden;
  expect(() => (sheets.Item(1).Visible = XL.sheetHidden)).toThrow();
  app.fake.book.protectStructure = true;
  expect(() => sheets.Add()).toThrow(/structure/);
});

test('7.4 13: switches are recorded', () => {
  const app = make();
  app.ScreenUpdating = false;
  app.EnableEvents = false;
  app.ScreenUpdating = true;
  expect(app.fake.switchLog).toEqual([
    { name: 'ScreenUpdating', value: false },
    { name: 'EnableEvents', value: false },
    { name: 'ScreenUpdating', value: true },
  ]);
  expect(app.fake.switches.EnableEvents).toBe(false);
});

test('SheetChange fires on writes only while EnableEvents is on', () => {
  const app = make();
  app.ActiveSheet!.Range('B4').Value2 = 'x';
  app.EnableEvents = false;
  app.ActiveSheet!.Range('B4').Value2 = 'y';
  expect(app.fake.fired).toEqual(['SheetChange']);
});

test('7.4 14: PluginStorage keeps simple values only; missing → null', () => {
  const app = make();
  app.PluginStorage.setItem('k', 'v');
  expect(app.PluginStorage.getItem('k')).toBe('v');
  expect(app.PluginStorage.getItem('missing')).toBeNull();
  expect(() => app.PluginStorage.setItem('o', {} as never)).toThrow();
  expect(app.PluginStorage.length).toBe(1);
  expect(make({ storageMissing: '' }).PluginStorage.getItem('missing')).toBe('');
});

test('7.4 15: task panes under both spellings; URLs recorded', () => {
  const app = make();
  const pane = app.CreateTaskPane!('http://127.0.0.1/selfeval/taskpane.html');
  pane.Visible = true;
  expect(app.GetTaskpane!(pane.ID).Visible).toBe(true);
  app.CreateTaskpane!('file:///x/taskpane.html');
  expect(app.fake.panes.map((p) => p.url)).toEqual(['http://127.0.0.1/selfeval/taskpane.html', 'file:///x/taskpane.html']);
});

test('7.4 16: events take a function or a dotted global name; cancel through the last argument or ApiEvent.Cancel', () => {
  const app = make();
  const wb = app.ActiveWorkbook;
  const seen: unknown[] = [];
  app.ApiEvent.AddApiEventListener('WorkbookBeforePrint', (w: unknown, cancel: unknown) => seen.push(w, cancel));
  expect(app.fake.print(wb)).toBe(true);
  expect(seen[1]).toEqual({ Value: false });
  const g = globalThis as Record<string, unknown>;
  g.ribbonTest = { OnBeforePrint: (_w: unknown, cancel: { Value: boolean }) => (cancel.Value = true) };
  app.ApiEvent.AddApiEventListener('WorkbookBeforePrint', 'ribbonTest.OnBeforePrint');
  expect(app.fake.print(wb)).toBe(false);
  app.ApiEvent.RemoveApiEventListener('WorkbookBeforePrint', 'ribbonTest.OnBeforePrint');
  app.ApiEvent.AddApiEventListener('WorkbookBeforePrint', () => (app.ApiEvent.Cancel = true));
  expect(app.fake.print(wb)).toBe(false);
  expect(app.fake.printed).toBe(1);
  delete g.ribbonTest;
});

test('7.4 17: writes inside UndoTransBegin/End are one undo step; Undo restores them; DebugTools can be absent', () => {
  const app = make();
  const ws = app.ActiveSheet!;
  const wb = app.ActiveWorkbook!;
  ws.Range('B5').Value2 = 'a';
  app.DebugTools!.UndoTransBegin(wb, 'x');
  ws.Range('B5').Value2 = 'b';
  ws.Range('C4').Value2 = 11;
  ws.Range('B5').Interior.Color = 255;
  app.DebugTools!.UndoTransEnd(wb, false, 'x');
  expect(app.fake.undoCount).toBe(2);
  app.Undo();
  expect(app.fake.value(FORM, 'B5')).toBe('a');
  expect(app.fake.value(FORM, 'C4')).toBe(10);
  expect(app.fake.cell(FORM, 'B5').pattern).toBe(XL.none);
  app.Undo();
  expect(app.fake.value(FORM, 'B5')).toBeNull();
  expect(make({ debugTools: false }).DebugTools).toBeUndefined();
});

test('7.4 18: every call is counted; failures can be injected at the n-th call or write', () => {
  const app = make();
  const ws = app.ActiveSheet!; // 1 call
  void ws.Range('A2').Value2; // 2 more
  expect(app.fake.calls).toBe(3);
  expect(app.fake.byMember.get('Range.Value2')).toBe(1);
  app.fake.failAt(2);
  ws.Range('A2'); // call 4
  expect(() => ws.Range('A2')).toThrow(/injected/);
  ws.Range('A2'); // only once
  app.fake.failAt(1, { writesOnly: true, times: 2 });
  void ws.Range('A2').Value2;
  expect(() => (ws.Range('B4').Value2 = 1)).toThrow(/injected/);
  expect(() => (ws.Range('B4').Value2 = 1)).toThrow(/injected/);
  ws.Range('B4').Value2 = 1;
  expect(app.fake.value(FORM, 'B4')).toBe(1);
});

test('7.4 19: SpecialCells throws when nothing is found', () => {
  const ws = make().ActiveSheet!;
  expect(ws.Range('A2:D5').SpecialCells(XL.cellTypeFormulas).Address(false, false)).toBe('C5,D5');
  expect(() => ws.Range('A2:B3').SpecialCells(XL.cellTypeFormulas)).toThrow(/No cells/);
});

test('assigned constants are parsed as ET does: "95%" is a number, "\'95%" text; arrays must fit', () => {
  const app = make();
  const ws = app.ActiveSheet!;
  ws.Range('B4:C4').Value2 = [['95%', "'95%"]];
  expect(app.fake.cell(FORM, 'B4')).toMatchObject({ value: 0.95, numberFormat: '0%', text: '95%' });
  expect(app.fake.cell(FORM, 'C4')).toMatchObject({ value: '95%', numberFormat: 'General' });
  expect(() => (ws.Range('B4:C4').Value2 = [[1]])).toThrow();
  ws.Range('C3').NumberFormat = '0.00';
  expect(app.fake.cell(FORM, 'C3').text).toBe('20.00');
});

test('Select needs the sheet to be active', () => {
  const app = make();
  const other = app.ActiveWorkbook!.Worksheets.Item(2);
  expect(() => other.Range('B2').Select()).toThrow(/not active/);
  other.Activate();
  other.Range('B2').Select();
  expect(app.Selection!.Address(false, false)).toBe('B2');
  expect(app.ActiveSheet!.Name).toBe('空白');
});
