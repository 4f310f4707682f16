/** Application, Workbook, Sheets and Worksheet wrappers of the fake (fresh per read, counted). */
import { XL, type WpsListener } from '../../../src/hosts/wps/types';
import type { FakeWpsControl } from './control';
import type { FakeBookState, FakeSheetState } from './model';
import { usedBox } from './model';
import { FakeRange, parseAreas, WHOLE_SHEET, type SheetFactory } from './range';

function sheetIndex(book: FakeBookState, s: FakeSheetState): number {
  return book.sheets.indexOf(s) + 1;
}

export class FakeWorksheet {
  constructor(
    private readonly fake: FakeWpsControl,
    readonly state: FakeSheetState,
  ) {}
  private t(member: string, write = false): void {
    if (!this.fake.book.sheets.includes(this.state)) throw new Error(`Worksheet.${member}: the sheet was deleted`);
    this.fake.tick(`Worksheet.${member}`, write);
  }
  private range(areas = [WHOLE_SHEET]): FakeRange {
    return new FakeRange(this.fake, factory(this.fake), this.state, areas);
  }
  get Name(): string {
    this.t('Name');
    return this.state.name;
  }
  set Name(v: string) {
    this.t('Name', true);
    if (this.fake.book.protectStructure) throw new Error('Worksheet.Name: the workbook structure is protected');
    const taken = this.fake.book.sheets.some((s) => s !== this.state && s.name.toLowerCase() === String(v).toLowerCase());
    if (!v || taken || /[\\/?*[\]:]/.test(v) || v.length > 31) throw new Error(`Worksheet.Name = "${v}": invalid or taken`);
    this.state.name = v;
  }
  get Index(): number {
    this.t('Index');
    return sheetIndex(this.fake.book, this.state);
  }
  /** -1 / 0 / 2 (7.4 12). Hiding the last visible sheet fails. */
  get Visible(): number {
    this.t('Visible');
    return this.state.visible;
  }
  set Visible(v: number) {
    this.t('Visible', true);
    if (this.fake.book.protectStructure) throw new Error('Worksheet.Visible: the workbook structure is protected');
    const value = v === (true as unknown as number) ? XL.sheetVisible : v === (false as unknown as number) ? XL.sheetHidden : v;
    if (![XL.sheetVisible, XL.sheetHidden, XL.sheetVeryHidden].includes(value as -1)) throw new Error(`Worksheet.Visible = ${v}`);
    if (value !== XL.sheetVisible && !this.fake.book.sheets.some((s) => s !== this.state && s.visible === XL.sheetVisible)) {
      throw new Error('Worksheet.Visible: a workbook must keep one visible sheet');
    }
    this.state.visible = value;
    if (value !== XL.sheetVisible && this.fake.book.active === this.state) {
      this.fake.book.active = this.fake.book.sheets.find((s) => s.visible === XL.sheetVisible) ?? null;
      this.fake.book.selection = 'A1';
    }
  }
  /** Empty on WPS 12.1.0.28505 (notes §2.2): never an identity. */
  get CodeName(): string {
    this.t('CodeName');
    return this.state.codeName;
  }
  get ProtectContents(): boolean {
    this.t('ProtectContents');
    return this.state.protectContents;
  }
  /** Bounding box of non-blank cells; A1 on an empty sheet (7.4 11). */
  get UsedRange(): FakeRange {
    this.t('UsedRange');
    return this.range([usedBox(this.state) ?? { top: 0, left: 0, bottom: 0, right: 0 }]);
  }
  get Cells(): FakeRange {
    this.t('Cells');
    return this.range();
  }
  get Parent(): FakeWorkbook {
    this.t('Parent');
    return new FakeWorkbook(this.fake);
  }
  Range(address: string): FakeRange {
    this.t('Range');
    return this.range(parseAreas(address));
  }
  Activate(): void {
    this.t('Activate', true);
    if (this.state.visible !== XL.sheetVisible) throw new Error('Worksheet.Activate: the sheet is hidden');
    this.fake.book.active = this.state;
    this.fake.book.selection = 'A1';
  }
  /** Deleting with DisplayAlerts on would show WPS's confirmation dialog: counted as a modal prompt. */
  Delete(): void {
    this.t('Delete', true);
    const book = this.fake.book;
    if (book.protectStructure) throw new Error('Worksheet.Delete: the workbook structure is protected');
    if (!book.sheets.some((s) => s !== this.state && s.visible === XL.sheetVisible)) throw new Error('Worksheet.Delete: the last visible sheet');
    if (this.fake.switches.DisplayAlerts) this.fake.modalPrompts++;
    book.sheets = book.sheets.filter((s) => s !== this.state);
    if (book.active === this.state) book.active = book.sheets.find((s) => s.visible === XL.sheetVisible) ?? null;
  }
  Protect(_password?: string): void {
    this.t('Protect', true);
    this.state.protectContents = true;
  }
  Unprotect(_password?: string): void {
    this.t('Unprotect', true);
    this.state.protectContents = false;
  }
}

export class FakeSheets {
  constructor(private readonly fake: FakeWpsControl) {}
  get Count(): number {
    this.fake.tick('Sheets.Count');
    return this.fake.book.sheets.length;
  }
  /** 1-based index or name, names without regard to case; anything else throws (7.4 2). */
  Item(indexOrName: number | string): FakeWorksheet {
    this.fake.tick('Sheets.Item');
    const sheets = this.fake.book.sheets;
    const s =
      typeof indexOrName === 'number'
        ? Number.isInteger(indexOrName) && indexOrName >= 1
          ? sheets[indexOrName - 1]
          : undefined
        : sheets.find((x) => x.name.toLowerCase() === String(indexOrName).toLowerCase());
    if (!s) throw new Error(`Sheets.Item(${JSON.stringify(indexOrName)}): no such sheet`);
    return new FakeWorksheet(this.fake, s);
  }
  /** Sheets.Add(Before, After): a new "SheetN", which becomes the active sheet. */
  Add(before?: FakeWorksheet | null, after?: FakeWorksheet | null, _count?: number, _type?: number): FakeWorksheet {
    this.fake.tick('Sheets.Add', true);
    const book = this.fake.book;
    if (book.protectStructure) throw new Error('Sheets.Add: the workbook structure is protected');
    let n = book.sheets.length + 1;
    while (book.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
    const state: FakeSheetState = { name: `Sheet${n}`, visible: XL.sheetVisible, codeName: '', protectContents: false, cells: new Map(), merges: [] };
    const at = after ? book.sheets.indexOf(after.state) + 1 : before ? book.sheets.indexOf(before.state) : book.active ? book.sheets.indexOf(book.active) : 0;
    book.sheets.splice(Math.max(0, at), 0, state);
    book.active = state;
    book.selection = 'A1';
    book.saved = false;
    return new FakeWorksheet(this.fake, state);
  }
}

export class FakeWorkbook {
  constructor(private readonly fake: FakeWpsControl) {}
  get Name(): string {
    this.fake.tick('Workbook.Name');
    return this.fake.book.name;
  }
  get FullName(): string {
    this.fake.tick('Workbook.FullName');
    return this.fake.book.fullName;
  }
  get Worksheets(): FakeSheets {
    this.fake.tick('Workbook.Worksheets');
    return new FakeSheets(this.fake);
  }
  get Sheets(): FakeSheets {
    this.fake.tick('Workbook.Sheets');
    return new FakeSheets(this.fake);
  }
  get ProtectStructure(): boolean {
    this.fake.tick('Workbook.ProtectStructure');
    return this.fake.book.protectStructure;
  }
  get Date1904(): boolean {
    this.fake.tick('Workbook.Date1904');
    return this.fake.book.date1904;
  }
  get Saved(): boolean {
    this.fake.tick('Workbook.Saved');
    return this.fake.book.saved;
  }
  set Saved(v: boolean) {
    this.fake.tick('Workbook.Saved', true);
    this.fake.book.saved = v;
  }
  get Windows() {
    this.fake.tick('Workbook.Windows');
    const fake = this.fake;
    return {
      get Count() {
        fake.tick('Windows.Count');
        return 1;
      },
      Item(i: number) {
        fake.tick('Windows.Item');
        if (i !== 1) throw new Error(`Windows.Item(${i}): out of range`);
        return {
          get Hwnd() {
            fake.tick('Window.Hwnd');
            return 4242;
          },
        };
      },
    };
  }
  Activate(): void {
    this.fake.tick('Workbook.Activate');
  }
}

const factories = new WeakMap<FakeWpsControl, SheetFactory>();
function factory(fake: FakeWpsControl): SheetFactory {
  let f = factories.get(fake);
  if (!f) factories.set(fake, (f = { sheet: (state) => new FakeWorksheet(fake, state) }));
  return f;
}

class FakeTaskPane {
  constructor(
    private readonly fake: FakeWpsControl,
    private readonly rec: FakeWpsControl['panes'][number],
  ) {}
  get ID(): number {
    this.fake.tick('TaskPane.ID');
    return this.rec.ID;
  }
  get Visible(): boolean {
    this.fake.tick('TaskPane.Visible');
    return this.rec.visible;
  }
  set Visible(v: boolean) {
    this.fake.tick('TaskPane.Visible');
    this.rec.visible = Boolean(v);
  }
  get DockPosition(): number {
    this.fake.tick('TaskPane.DockPosition');
    return this.rec.dock;
  }
  set DockPosition(v: number) {
    this.fake.tick('TaskPane.DockPosition');
    this.rec.dock = v;
  }
  get Width(): number {
    this.fake.tick('TaskPane.Width');
    return this.rec.width;
  }
  set Width(v: number) {
    this.fake.tick('TaskPane.Width');
    this.rec.width = v;
  }
  Navigate(url: string): void {
    this.fake.tick('TaskPane.Navigate');
    this.rec.url = url;
  }
  Delete(): void {
    this.fake.tick('TaskPane.Delete');
    this.rec.deleted = true;
  }
}

/** The fake `window.Application` (== `window.wps`). */
export class FakeApplication {
  constructor(readonly fake: FakeWpsControl) {}

  private t(member: string, write = false): void {
    this.fake.tick(`Application.${member}`, write);
  }
  private workbookOpen(): boolean {
    return this.fake.options.workbook !== false;
  }

  get ActiveWorkbook(): FakeWorkbook | null {
    this.t('ActiveWorkbook');
    return this.workbookOpen() ? new FakeWorkbook(this.fake) : null;
  }
  get ActiveSheet(): FakeWorksheet | null {
    this.t('ActiveSheet');
    const a = this.fake.book.active;
    return this.workbookOpen() && a ? new FakeWorksheet(this.fake, a) : null;
  }
  get ActiveCell(): FakeRange | null {
    this.t('ActiveCell');
    const a = this.fake.book.active;
    if (!this.workbookOpen() || !a) return null;
    const first = parseAreas(this.fake.book.selection)[0];
    return new FakeRange(this.fake, factory(this.fake), a, [{ top: first.top, left: first.left, bottom: first.top, right: first.left }]);
  }
  get Selection(): FakeRange | null {
    this.t('Selection');
    const a = this.fake.book.active;
    return this.workbookOpen() && a ? new FakeRange(this.fake, factory(this.fake), a, parseAreas(this.fake.book.selection)) : null;
  }

  get ScreenUpdating(): boolean {
    this.t('ScreenUpdating');
    return this.fake.switches.ScreenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.t('ScreenUpdating');
    this.fake.setSwitch('ScreenUpdating', v as never);
  }
  get EnableEvents(): boolean {
    this.t('EnableEvents');
    return this.fake.switches.EnableEvents;
  }
  set EnableEvents(v: boolean) {
    this.t('EnableEvents');
    this.fake.setSwitch('EnableEvents', v as never);
  }
  get DisplayAlerts(): boolean {
    this.t('DisplayAlerts');
    return this.fake.switches.DisplayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.t('DisplayAlerts');
    this.fake.setSwitch('DisplayAlerts', v as never);
  }
  get Calculation(): number {
    this.t('Calculation');
    return this.fake.switches.Calculation;
  }
  set Calculation(v: number) {
    this.t('Calculation');
    this.fake.setSwitch('Calculation', v as never);
  }
  get EditDirectlyInCell(): boolean {
    this.t('EditDirectlyInCell');
    return this.fake.switches.EditDirectlyInCell;
  }
  /** Refused while the user edits a cell (notes fact 17, [V-field]). */
  set EditDirectlyInCell(v: boolean) {
    this.t('EditDirectlyInCell', true);
    this.fake.setSwitch('EditDirectlyInCell', v as never);
  }
  /** Stays true in edit mode (notes fact 17). */
  get Ready(): boolean {
    this.t('Ready');
    return true;
  }

  get DebugTools() {
    this.t('DebugTools');
    if (this.fake.options.debugTools === false) return undefined;
    const fake = this.fake;
    return {
      UndoTransBegin(_wb: unknown, description?: string) {
        fake.tick('DebugTools.UndoTransBegin');
        fake.undoLog.push({ op: 'begin', description });
        if (fake.undoDepth++ === 0) fake.undoSteps.push({ description: description ?? '', before: [] });
      },
      UndoTransEnd(_wb: unknown, cancel?: boolean, description?: string) {
        fake.tick('DebugTools.UndoTransEnd');
        fake.undoLog.push({ op: 'end', description, cancel });
        if (fake.undoDepth > 0) fake.undoDepth--;
        if (fake.undoDepth === 0 && description) fake.undoSteps[fake.undoSteps.length - 1].description = description;
      },
    };
  }

  get ApiEvent() {
    this.t('ApiEvent');
    const fake = this.fake;
    return {
      get Cancel() {
        fake.tick('ApiEvent.Cancel');
        return fake.apiCancel;
      },
      set Cancel(v: boolean) {
        fake.tick('ApiEvent.Cancel');
        fake.apiCancel = Boolean(v);
      },
      AddApiEventListener(event: string, listener: WpsListener) {
        fake.tick('ApiEvent.AddApiEventListener');
        fake.listeners.set(event, [...(fake.listeners.get(event) ?? []), listener]);
      },
      RemoveApiEventListener(event: string, listener?: WpsListener) {
        fake.tick('ApiEvent.RemoveApiEventListener');
        fake.listeners.set(event, listener === undefined ? [] : (fake.listeners.get(event) ?? []).filter((l) => l !== listener));
      },
    };
  }

  /** Simple values only, missing → null (notes §1.4; 7.4 14). */
  get PluginStorage() {
    this.t('PluginStorage');
    const fake = this.fake;
    const ext = fake.options.storage;
    const simple = (v: unknown) => {
      if (v !== null && typeof v === 'object') throw new Error('PluginStorage.setItem: only simple values (use JSON strings)');
      return v as string | number | boolean;
    };
    return {
      get length() {
        fake.tick('PluginStorage.length');
        return ext ? ext.length : fake.storage.size;
      },
      setItem(k: string, v: string | number | boolean) {
        fake.tick('PluginStorage.setItem');
        if (ext) ext.setItem(k, String(simple(v)));
        else fake.storage.set(k, simple(v));
      },
      getItem(k: string) {
        fake.tick('PluginStorage.getItem');
        const v = ext ? ext.getItem(k) : fake.storage.get(k);
        return v ?? fake.options.storageMissing ?? null;
      },
      removeItem(k: string) {
        fake.tick('PluginStorage.removeItem');
        if (ext) ext.removeItem(k);
        else fake.storage.delete(k);
      },
      clear() {
        fake.tick('PluginStorage.clear');
        if (ext) ext.clear();
        else fake.storage.clear();
      },
      key(i: number) {
        fake.tick('PluginStorage.key');
        return ext ? ext.key(i) : ([...fake.storage.keys()][i] ?? null);
      },
    };
  }

  /** Identity of ranges without `===` (notes fact 4). */
  Intersect(a: FakeRange, b: FakeRange): FakeRange | null {
    this.t('Intersect');
    if (a.state !== b.state) return null;
    const areas = ([] as FakeRange['areas']).concat(
      ...a.areas.map((x) =>
        b.areas
          .map((y) => ({ top: Math.max(x.top, y.top), left: Math.max(x.left, y.left), bottom: Math.min(x.bottom, y.bottom), right: Math.min(x.right, y.right) }))
          .filter((r) => r.top <= r.bottom && r.left <= r.right),
      ),
    );
    return areas.length ? new FakeRange(this.fake, factory(this.fake), a.state, areas) : null;
  }
  Undo(): void {
    this.t('Undo', true);
    this.fake.undo();
  }

  private createPane(url: string, title?: string): FakeTaskPane {
    const rec = { ID: 1000 + this.fake.panes.length, url, title, visible: false, dock: XL.ctpDockRight, width: 300, deleted: false };
    this.fake.panes.push(rec);
    return new FakeTaskPane(this.fake, rec);
  }
  private getPane(id: number): FakeTaskPane {
    const rec = this.fake.panes.find((p) => p.ID === Number(id) && !p.deleted);
    if (!rec) throw new Error(`GetTaskPane(${id}): no such pane`);
    return new FakeTaskPane(this.fake, rec);
  }
  /** Both spellings exist (notes §1.3; 7.4 15). */
  CreateTaskPane(url: string, title?: string): FakeTaskPane {
    this.t('CreateTaskPane');
    return this.createPane(url, title);
  }
  CreateTaskpane(url: string, title?: string): FakeTaskPane {
    this.t('CreateTaskpane');
    return this.createPane(url, title);
  }
  GetTaskPane(id: number): FakeTaskPane {
    this.t('GetTaskPane');
    return this.getPane(id);
  }
  GetTaskpane(id: number): FakeTaskPane {
    this.t('GetTaskpane');
    return this.getPane(id);
  }

  ribbonUI: unknown = undefined;

  /** Stubs (7.4 19). */
  get FileSystem() {
    this.t('FileSystem');
    const files = fileStore(this.fake);
    return {
      ReadFile: (p: string) => {
        if (!files.has(p)) throw new Error(`ReadFile: ${p} not found`);
        return files.get(p) as string;
      },
      WriteFile: (p: string, text: string) => {
        files.set(p, text);
        return true;
      },
      existsSync: (p: string) => files.has(p),
    };
  }
  get Env() {
    this.t('Env');
    return { GetTempPath: () => '/tmp/' };
  }
}

const stores = new WeakMap<FakeWpsControl, Map<string, string>>();
function fileStore(fake: FakeWpsControl): Map<string, string> {
  let m = stores.get(fake);
  if (!m) stores.set(fake, (m = new Map()));
  return m;
}
