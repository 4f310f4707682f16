/**
 * The surgical writer: applies CellChanges to .xlsx bytes without re-saving the workbook. Only the
 * worksheet parts that receive writes, xl/styles.xml (when a fill or format needs a new style) and,
 * for the state sheet, workbook.xml, its relationships and [Content_Types].xml are rewritten; every
 * other zip entry is copied raw. ExcelJS's own save is never used: it drops charts, drawings, pivot
 * tables and custom parts.
 */
import { HostError } from '../host';
import { STATE_SHEET, type CellChange, type NameChange } from '../../core/edits';
import { writeNames } from './names';
import { inspectWorkbook } from './inspect';
import { Package, type SheetRef } from './package';
import { SheetEditor } from './sheetxml';
import { Styles } from './styles';
import { findElement, prefixOf, setAttr } from './xml';

/** Elements that follow <calcPr> in CT_Workbook; calcPr goes before the first one present. */
const AFTER_CALCPR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

function findSheet(sheets: SheetRef[], name: string): SheetRef | undefined {
  // Excel sheet names are unique regardless of case.
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Asks Excel to recalculate on open, so formulas that depend on written cells do not show stale results. */
function requestFullCalc(pkg: Package): void {
  const part = pkg.workbookPart();
  const xml = pkg.read(part);
  const p = prefixOf(xml, 'workbook');
  const calc = findElement(xml, p + 'calcPr');
  if (calc) {
    const tag = xml.slice(calc.start, calc.openEnd);
    pkg.write(part, xml.slice(0, calc.start) + setAttr(tag, 'fullCalcOnLoad', '1') + xml.slice(calc.openEnd));
    return;
  }
  let at = xml.lastIndexOf(`</${p}workbook>`);
  for (const name of AFTER_CALCPR) {
    const el = findElement(xml, p + name);
    if (el) {
      at = Math.min(at, el.start);
      break;
    }
  }
  pkg.write(part, `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`);
}

function plan(pkg: Package, changes: CellChange[]): Map<SheetRef | string, CellChange[]> {
  const sheets = pkg.sheets();
  const bySheet = new Map<SheetRef | string, CellChange[]>();
  for (const c of changes) {
    // The state sheet is only ever ours by its exact name: a clerk's "_SELFEVAL" is never written into.
    const ref = c.sheet === STATE_SHEET ? sheets.find((s) => s.name === STATE_SHEET) : findSheet(sheets, c.sheet);
    const clash = c.sheet === STATE_SHEET && !ref ? findSheet(sheets, c.sheet) : undefined;
    if (clash) {
      throw new HostError(
        'write-failed',
        `the workbook has a sheet named "${clash.name}"; selfeval keeps its records in a very hidden sheet "${STATE_SHEET}" and does not write into another sheet of that name: rename that sheet`,
        clash.name,
      );
    }
    if (!ref && c.sheet !== STATE_SHEET) throw new HostError('write-failed', `the workbook has no sheet named "${c.sheet}"`, c.sheet);
    const key = ref ?? STATE_SHEET;
    if (!bySheet.has(key)) bySheet.set(key, []);
    (bySheet.get(key) as CellChange[]).push(c);
  }
  return bySheet;
}

function applyAll(original: Uint8Array, changes: CellChange[], names: NameChange[]): Uint8Array {
  inspectWorkbook(original);
  const pkg = new Package(original);
  const bySheet = plan(pkg, changes);
  // Refuse before producing anything: protected sheets, or a locked structure when a sheet must be added.
  const editors = new Map<SheetRef | string, SheetEditor>();
  for (const key of bySheet.keys()) {
    if (typeof key === 'string') {
      if (pkg.structureLocked()) throw new HostError('protected', 'the workbook structure is protected; selfeval cannot add its state sheet', STATE_SHEET);
      continue;
    }
    const ed = new SheetEditor(pkg.read(key.part), key.name);
    if (ed.isProtected()) throw new HostError('protected', `sheet "${key.name}" is protected; unprotect it to let selfeval write`, key.name);
    editors.set(key, ed);
  }
  const stylesPart = pkg.workbookRelated('styles') ?? 'xl/styles.xml';
  let styles: Styles | null = null;
  const needsStyles = changes.some((c) => c.fill !== undefined || c.numberFormat !== undefined);
  if (needsStyles) {
    if (!pkg.has(stylesPart)) throw new HostError('not-supported', 'the workbook has no style sheet; fills cannot be set');
    styles = new Styles(pkg.read(stylesPart));
  }
  let wroteValues = false;
  for (const [key, list] of bySheet) {
    let ref: SheetRef;
    let ed = editors.get(key);
    if (!ed) {
      ref = pkg.addHiddenSheet(STATE_SHEET);
      ed = new SheetEditor(pkg.read(ref.part), STATE_SHEET);
    } else ref = key as SheetRef;
    for (const c of list) {
      let s: number | undefined;
      if (styles && (c.numberFormat !== undefined || c.fill !== undefined)) {
        s = ed.styleOf(c.cell);
        if (c.numberFormat !== undefined) s = styles.withNumFmt(s, c.numberFormat);
        if (c.fill !== undefined) s = styles.withFill(s, c.fill);
      }
      if (c.value === undefined && s === undefined && c.cached === undefined) continue;
      ed.set(c.cell, { value: c.value, s, cached: c.cached });
      if (c.value !== undefined) wroteValues = true;
    }
    pkg.write(ref.part, ed.toXml());
  }
  if (styles?.changed()) pkg.write(stylesPart, styles.toXml());
  const formulas = pkg.has('xl/calcChain.xml') || [...editors.values()].some((e) => e.hasFormulas());
  if (wroteValues && formulas) requestFullCalc(pkg);
  if (names.length) pkg.write(pkg.workbookPart(), writeNames(pkg.read(pkg.workbookPart()), names));
  return pkg.finish();
}

/**
 * Applies the changes (and our defined names, names.ts) and returns the new package bytes; `original` is not modified. All or nothing:
 * throws HostError ('protected', 'write-failed', 'unreadable', 'too-large', 'not-supported') and
 * produces no bytes when any change cannot be made, e.g. over a formula or on a protected sheet.
 */
export function applyChanges(original: Uint8Array, changes: CellChange[], names: NameChange[] = []): Uint8Array {
  if (!changes.length && !names.length) return original;
  try {
    return applyAll(original, changes, names);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('write-failed', `could not write the workbook: ${e instanceof Error ? e.message : String(e)}`, undefined, e);
  }
}
