import ExcelJS from 'exceljs';
import { applyChanges } from '../../../src/hosts/file/patch';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { readZip } from '../../../src/hosts/file/zip';
import { MARK_FILLS, STATE_SHEET, type CellChange } from '../../../src/core/edits';
import { CHART, FORM_SHEET, SEED, dump, entries, entryNames, fixture, hostError, load, text } from './helpers';

const FORM_PART = 'xl/worksheets/sheet2.xml';

/** Raw (compressed) bytes of each entry, local header and data descriptor included. */
function rawEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  const zip = readZip(bytes);
  return new Map(zip.entries.map((e) => [e.name, bytes.subarray(e.offset, e.end)]));
}

function expectSameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined, what: string): void {
  expect({ what, same: !!a && !!b && Buffer.from(a).equals(Buffer.from(b)) }).toEqual({ what, same: true });
}

/** The sheet XML with the given rows and the dimension blanked: what must not change at all. */
function outside(xml: string, rows: number[]): string {
  let out = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension/>');
  for (const r of rows) out = out.replace(new RegExp(`<row r="${r}"[^>]*?(/>|>[\\s\\S]*?</row>)`), `<row ${r}/>`);
  return out;
}

const WRITE: CellChange[] = [
  { sheet: FORM_SHEET, cell: 'H14', value: 14.55 },
  { sheet: FORM_SHEET, cell: 'H21', value: 99.35 },
  { sheet: FORM_SHEET, cell: 'H14', fill: MARK_FILLS.error },
  { sheet: FORM_SHEET, cell: 'I14', fill: MARK_FILLS.error },
];

describe('surgical writer on the seed', () => {
  const seed = fixture(SEED);
  const out = applyChanges(seed, WRITE);

  it('writes the values and the fills', async () => {
    const ws = (await load(out)).getWorksheet(FORM_SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell('H14').value).toBe(14.55);
    expect(ws.getCell('H21').value).toBe(99.35);
    for (const a of ['H14', 'I14']) {
      expect(ws.getCell(a).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    }
    // The mark keeps the rest of the cell's style (border, alignment).
    const before = (await load(seed)).getWorksheet(FORM_SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell('H14').border).toEqual(before.getCell('H14').border);
    expect(ws.getCell('H14').alignment).toEqual(before.getCell('H14').alignment);
  });

  it('leaves every other cell value, style and merge identical (full ExcelJS dump)', async () => {
    const a = dump(await load(seed));
    const b = dump(await load(out));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const touched = new Set(['H14', 'H21', 'I14'].map((c) => `${FORM_SHEET}!${c}`));
    for (const [k, v] of a) if (!touched.has(k)) expect({ k, v: b.get(k) }).toEqual({ k, v });
  });

  it('keeps every other zip entry byte-identical, compressed bytes included, in the same order', () => {
    expect(entryNames(out)).toEqual(entryNames(seed));
    const a = rawEntries(seed);
    const b = rawEntries(out);
    const ua = entries(seed);
    const ub = entries(out);
    for (const name of a.keys()) {
      if (name === FORM_PART || name === 'xl/styles.xml') continue;
      expectSameBytes(a.get(name), b.get(name), name);
      expectSameBytes(ua.get(name), ub.get(name), name);
    }
    // In the edited sheet only rows 14 and 21 differ.
    expect(outside(text(out, FORM_PART), [14, 21])).toBe(outside(text(seed, FORM_PART), [14, 21]));
    // styles.xml only grew: the original xfs/fills are a prefix of the new lists.
    expect(text(out, 'xl/styles.xml').replace(/ count="\d+"/g, '')).toContain(
      text(seed, 'xl/styles.xml').match(/<cellXfs[^>]*>([\s\S]*)<\/cellXfs>/)?.[1] as string,
    );
  });

  it('revert (old values, fill null) gives back the original values and style indices exactly', () => {
    const reverted = applyChanges(out, [
      { sheet: FORM_SHEET, cell: 'H14', value: 15, fill: null },
      { sheet: FORM_SHEET, cell: 'H21', value: 97 },
      { sheet: FORM_SHEET, cell: 'I14', fill: null },
    ]);
    expect(text(reverted, FORM_PART)).toBe(text(seed, FORM_PART));
    // Marking again reuses the clone instead of growing styles.xml.
    const again = applyChanges(reverted, WRITE);
    expect(text(again, 'xl/styles.xml')).toBe(text(out, 'xl/styles.xml'));
    expect(text(again, FORM_PART)).toBe(text(out, FORM_PART));
  });

  it('a fill-null on an unmarked cell changes nothing', () => {
    const same = applyChanges(seed, [{ sheet: FORM_SHEET, cell: 'G4', fill: null }]);
    expectSameBytes(same, seed, 'whole package');
  });

  it('writes strings with XML-special characters, new rows and cells in order, and widens the dimension', async () => {
    const evil = `A&B <script>"x"</script> 'q' ≥98% 😀`;
    const b = applyChanges(seed, [
      { sheet: FORM_SHEET, cell: 'I14', value: evil },
      { sheet: FORM_SHEET, cell: 'K30', value: '  padded  ' },
      { sheet: FORM_SHEET, cell: 'B25', value: 7, numberFormat: '0.00%' },
      { sheet: FORM_SHEET, cell: 'A24', value: true },
    ]);
    const ws = (await load(b)).getWorksheet(FORM_SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell('I14').value).toBe(evil);
    expect(ws.getCell('K30').value).toBe('  padded  ');
    expect(ws.getCell('B25').value).toBe(7);
    expect(ws.getCell('B25').numFmt).toBe('0.00%');
    expect(ws.getCell('A24').value).toBe(true);
    const xml = text(b, FORM_PART);
    expect(xml).toContain('<dimension ref="A1:K30"/>');
    const rowNums = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rowNums).toEqual([...rowNums].sort((x, y) => x - y));
    const snap = await snapshotFromBuffer(b);
    expect(snap.sheets[1].texts[24][1]).toBe('700.00%');
  });

  it('clearing a value keeps the cell style', async () => {
    const b = applyChanges(seed, [{ sheet: FORM_SHEET, cell: 'H14', value: null }]);
    expect(text(b, FORM_PART)).toContain('<c r="H14" s="2"/>');
  });

  it('refuses unknown sheets, bad addresses, non-finite numbers, over-long text — and produces nothing', async () => {
    const cases: CellChange[] = [
      { sheet: 'nope', cell: 'A1', value: 1 },
      { sheet: FORM_SHEET, cell: 'A0', value: 1 },
      { sheet: FORM_SHEET, cell: 'A1', value: Infinity },
      { sheet: FORM_SHEET, cell: 'A1', value: 'x'.repeat(32768) },
      { sheet: FORM_SHEET, cell: 'A1', fill: 'red' },
    ];
    for (const c of cases) expect((await hostError(() => applyChanges(seed, [c]))).code).toBe('write-failed');
  });
});

describe('refusals', () => {
  async function book(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await build(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('never overwrites a formula, but may mark it; writing its inputs asks Excel to recalculate', async () => {
    const b = await book((wb) => {
      const ws = wb.addWorksheet('F');
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = { formula: 'A1*2', result: 2 } as ExcelJS.CellValue;
    });
    const e = await hostError(() => applyChanges(b, [{ sheet: 'F', cell: 'A2', value: 3 }]));
    expect(e.code).toBe('write-failed');
    expect(e.message).toMatch(/formula/);
    const marked = applyChanges(b, [{ sheet: 'F', cell: 'A2', fill: MARK_FILLS.warning }]);
    const ws = (await load(marked)).getWorksheet('F') as ExcelJS.Worksheet;
    expect(ws.getCell('A2').formula).toBe('A1*2');
    expect(ws.getCell('A2').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(text(marked, 'xl/workbook.xml')).not.toMatch(/fullCalcOnLoad/);
    const written = applyChanges(b, [{ sheet: 'F', cell: 'A1', value: 5 }]);
    expect(text(written, 'xl/workbook.xml')).toMatch(/fullCalcOnLoad="1"/);
  });

  it('refuses a protected sheet before producing anything', async () => {
    const b = await book(async (wb) => {
      wb.addWorksheet('Open').getCell('A1').value = 1;
      const p = wb.addWorksheet('Locked');
      p.getCell('A1').value = 1;
      await p.protect('', {});
    });
    const e = await hostError(() => applyChanges(b, [
      { sheet: 'Open', cell: 'A1', value: 2 },
      { sheet: 'Locked', cell: 'B2', fill: MARK_FILLS.error },
    ]));
    expect(e.code).toBe('protected');
    expect(e.sheet).toBe('Locked');
    expect(text(applyChanges(b, [{ sheet: 'Open', cell: 'A1', value: 2 }]), 'xl/worksheets/sheet1.xml')).toMatch(/<v>2<\/v>/);
  });
});

describe('state sheet', () => {
  it('is created very hidden, appended last, read back, and reused; defined names stay intact', async () => {
    const chart = fixture(CHART);
    const json = JSON.stringify({ journal: [{ cell: 'I12', old: 9, note: '<&>' }] });
    const b = applyChanges(chart, [{ sheet: STATE_SHEET, cell: 'A1', value: json }]);
    const wbXml = text(b, 'xl/workbook.xml');
    const names = (x: string) => x.match(/<definedNames>[\s\S]*<\/definedNames>/)?.[0];
    expect(names(wbXml)).toBe(names(text(chart, 'xl/workbook.xml')));
    expect(wbXml).toMatch(/<sheet name="公开14表"[^>]*\/><sheet name="_selfeval" sheetId="2" state="veryHidden" r:id="rId4"\/><\/sheets>/);
    expect(text(b, 'xl/_rels/workbook.xml.rels')).toMatch(/Id="rId4"[^>]*Target="worksheets\/sheet2\.xml"/);
    expect(text(b, '[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet2.xml"');
    const wb = await load(b);
    expect(wb.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
    expect(wb.getWorksheet('公开14表')?.pageSetup.printArea).toBe('A1:J20');
    const snap = await snapshotFromBuffer(b);
    const st = snap.sheets.find((s) => s.name === STATE_SHEET);
    expect(st?.visibility).toBe('veryHidden');
    expect(st?.values[0][0]).toBe(json);
    // A second write goes into the same sheet.
    const c = applyChanges(b, [{ sheet: STATE_SHEET, cell: 'A2', value: 'more' }]);
    expect(text(c, 'xl/workbook.xml').match(/_selfeval/g)?.length).toBe(1);
    expect((await snapshotFromBuffer(c)).sheets[1].values.map((r) => r[0])).toEqual([json, 'more']);
    // Untouched parts survive byte for byte.
    const ua = entries(chart);
    const ub = entries(b);
    for (const [name, data] of ua) {
      if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(name)) continue;
      expectSameBytes(data, ub.get(name), name);
    }
  });

  it('is refused when the workbook structure is locked', async () => {
    const seed = fixture(SEED);
    const locked = applyChanges(seed, []); // no-op returns the same bytes
    expect(locked).toBe(seed);
    const { zipSync, unzipSync, strToU8, strFromU8 } = await import('fflate');
    const files = unzipSync(seed);
    files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
    const e = await hostError(() => applyChanges(zipSync(files), [{ sheet: STATE_SHEET, cell: 'A1', value: 'x' }]));
    expect(e.code).toBe('protected');
  });
});

describe('the chart fixture keeps every part', () => {
  const chart = fixture(CHART);
  const out = applyChanges(chart, [
    { sheet: '公开14表', cell: 'I12', value: 9.8 },
    { sheet: '公开14表', cell: 'I12', fill: MARK_FILLS.error },
    { sheet: '公开14表', cell: 'J12', value: '偏差原因：<已说明>' },
  ]);

  it('every entry survives; all but the sheet and styles.xml are byte-identical', () => {
    expect(entryNames(out)).toEqual(entryNames(chart));
    const a = rawEntries(chart);
    const b = rawEntries(out);
    const changed: string[] = [];
    for (const name of a.keys()) {
      if (!Buffer.from(a.get(name) as Uint8Array).equals(Buffer.from(b.get(name) as Uint8Array))) changed.push(name);
    }
    expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    const xml = text(out, 'xl/worksheets/sheet1.xml');
    expect(outside(xml, [12])).toBe(outside(text(chart, 'xl/worksheets/sheet1.xml'), [12]));
    for (const part of ['<drawing r:id="rId2"/>', '<legacyDrawing r:id="rId3"/>', '<dataValidations count="1">']) expect(xml).toContain(part);
  });

  it('reads back with ExcelJS: the new values, the note, the print area and named range', async () => {
    const wb = await load(out);
    const ws = wb.getWorksheet('公开14表') as ExcelJS.Worksheet;
    expect(ws.getCell('I12').value).toBe(9.8);
    expect(ws.getCell('J12').value).toBe('偏差原因：<已说明>');
    expect(ws.getCell('I12').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(JSON.stringify(ws.getCell('B3').note)).toContain('单位盖章后打印');
    expect(ws.pageSetup.printArea).toBe('A1:J20');
    expect(text(out, 'xl/workbook.xml')).toContain('name="指标表" vbProcedure="false">公开14表!J10:J18</definedName>');
    const a = dump(await load(chart));
    const b = dump(wb);
    for (const [k, v] of a) if (!/!(I12|J12)$/.test(k)) expect({ k, v: b.get(k) }).toEqual({ k, v });
  });
});
