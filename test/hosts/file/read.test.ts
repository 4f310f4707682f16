import ExcelJS from 'exceljs';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { CHART, FORM_SHEET, SEED, fixture } from './helpers';

const ALL = [SEED, 'hunan-hengshan-2023-whole-unit.xlsx', 'yunnan-yongde-2022-project.xlsx', CHART];

function cell(s: SheetSnapshot, a1: string): { value: unknown; text: string; fmt: string } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const c = m[1].charCodeAt(0) - 65;
  const r = Number(m[2]) - 1;
  return { value: s.values[r][c], text: s.texts[r][c], fmt: s.numberFormats[r][c] };
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reader on the fixtures', () => {
  it.each(ALL)('%s reads every sheet with consistent shapes', async (name) => {
    const snap = await snapshotFromBuffer(fixture(name), name);
    expect(snap.sheets.length).toBeGreaterThan(0);
    for (const s of snap.sheets) {
      const rows = s.values.length;
      for (const grid of [s.texts, s.formulas, s.numberFormats, s.fills ?? s.values]) expect(grid.length).toBe(rows);
      expect(s.visibility).toBe('visible');
      expect(s.protected).toBe(false);
    }
  });

  it('seed: percent texts, merges, merged areas hold their value in the master only', async () => {
    const snap = await snapshotFromBuffer(fixture(SEED));
    const basic = snap.sheets[0];
    expect(basic.texts.flat()).toContain('92.5%');
    const form = snap.sheets.find((s) => s.name === FORM_SHEET) as SheetSnapshot;
    expect(form.merges).toEqual(expect.arrayContaining(['A1:I1', 'A12:A20', 'A21:F21']));
    expect(cell(form, 'G4')).toEqual({ value: 1, text: '100%', fmt: '0%' });
    expect(cell(form, 'H14').value).toBe(15);
    expect(cell(form, 'H21').value).toBe(97);
    expect(cell(form, 'A12').value).not.toBeNull();
    expect(cell(form, 'A13').value).toBeNull(); // inside A12:A20
    expect(form.values[0].length).toBe(9);
  });

  it('hengshan: a two-decimal percent', async () => {
    const snap = await snapshotFromBuffer(fixture('hunan-hengshan-2023-whole-unit.xlsx'));
    expect(snap.sheets.flatMap((s) => s.texts.flat())).toContain('108.70%');
  });

  it('chart fixture: custom number formats read through', async () => {
    const snap = await snapshotFromBuffer(fixture(CHART));
    const s = snap.sheets[0];
    expect(s.numberFormats.flat()).toEqual(expect.arrayContaining(['#,##0.00', '0%']));
    expect(s.merges.length).toBe(23);
  });
});

describe('reader on generated workbooks', () => {
  it('error values, formulas, dates, booleans, HTML text, fills, protection, visibility', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
      ws.getCell('A2').value = { error: '#N/A' } as ExcelJS.CellValue;
      ws.getCell('A3').value = '<script>alert("x")</script>';
      ws.getCell('A4').value = { formula: 'B4*2', result: 0.97 } as ExcelJS.CellValue;
      ws.getCell('A4').numFmt = '0.0%';
      ws.getCell('A5').value = new Date(Date.UTC(2023, 11, 31));
      ws.getCell('A5').numFmt = 'yyyy-mm-dd';
      ws.getCell('A6').value = true;
      ws.getCell('A7').value = 1234.5;
      ws.getCell('A7').numFmt = '#,##0.00';
      ws.getCell('A7').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      ws.getCell('A8').value = 3;
      ws.getCell('A8').fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 13 } as unknown as ExcelJS.Color };
      ws.getCell('A9').value = 4;
      ws.getCell('A9').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4 } as unknown as ExcelJS.Color };
      const hidden = wb.addWorksheet('H', { state: 'veryHidden' });
      hidden.getCell('A1').value = 'state';
      const prot = wb.addWorksheet('P');
      prot.getCell('A1').value = 1;
      void prot.protect('', {});
    });
    const snap = await snapshotFromBuffer(bytes);
    const s = snap.sheets[0];
    expect(s.values.map((r) => r[0])).toEqual(['#DIV/0!', '#N/A', '<script>alert("x")</script>', 0.97, 45291, true, 1234.5, 3, 4]);
    expect(s.texts.map((r) => r[0])).toEqual(['#DIV/0!', '#N/A', '<script>alert("x")</script>', '97.0%', '2023-12-31', 'TRUE', '1,234.50', '3', '4']);
    expect(s.formulas[0][0]).toBe('=1/0');
    expect(s.formulas[3][0]).toBe('=B4*2');
    expect(s.formulas[2][0]).toBeNull();
    expect(s.fills?.map((r) => r[0])).toEqual([null, null, null, null, null, null, '#FFC7CE', '#FFFF00', null]);
    expect(snap.sheets[1].visibility).toBe('veryHidden');
    expect(snap.sheets[2].protected).toBe(true);
  });

  it('an empty cell between values takes its row style, else its column style (like eachCell includeEmpty)', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getColumn(3).numFmt = '0.00';
      ws.getColumn(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
      const row = ws.getRow(2);
      row.numFmt = '0%';
      row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      for (const r of [1, 2, 3]) {
        ws.getCell(r, 1).value = 'x';
        ws.getCell(r, 4).value = r;
      }
    });
    const s = (await snapshotFromBuffer(bytes)).sheets[0];
    // Reference: ExcelJS creating the empty cells itself.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('S') as ExcelJS.Worksheet;
    for (const r of [1, 2, 3]) {
      for (const c of [2, 3]) {
        const ref = ws.getRow(r).getCell(c);
        const fill = ref.fill as ExcelJS.FillPattern | undefined;
        expect([r, c, s.numberFormats[r - 1][c - 1], s.fills?.[r - 1][c - 1]]).toEqual([
          r, c, ref.numFmt || 'General', fill?.pattern === 'solid' ? '#' + String(fill.fgColor?.argb).slice(-6) : null,
        ]);
        expect(s.values[r - 1][c - 1]).toBeNull();
      }
    }
    expect([s.numberFormats[1][1], s.fills?.[1][1], s.numberFormats[2][2], s.fills?.[2][2]]).toEqual(['0%', '#FFFF00', '0.00', '#00FF00']);
  });

  it('reading ExcelJS internals gives what its public getters give, for every kind of value', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getColumn(3).numFmt = '0.00%';
      ws.getCell('A1').value = '标题';
      ws.mergeCells('A1:E1');
      const values: ExcelJS.CellValue[] = [
        1.5, -0, 1e21, '≥98%', '', ' ', true, false, new Date(Date.UTC(2023, 11, 31)), { error: '#N/A' } as ExcelJS.CellErrorValue,
        { formula: 'A2*2', result: 3 } as ExcelJS.CellFormulaValue, { formula: 'A2/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue,
        { formula: 'NOW()' } as ExcelJS.CellFormulaValue, { richText: [{ text: '富' }, { text: '文本' }] },
        { text: '链接', hyperlink: 'https://example.org' },
      ];
      values.forEach((v, k) => (ws.getCell(2 + Math.floor(k / 5), 1 + (k % 5)).value = v));
      ws.getCell('B6').value = 'm';
      ws.mergeCells('B6:C7');
    });
    const s = (await snapshotFromBuffer(bytes)).sheets[0];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('S') as ExcelJS.Worksheet;
    ws.eachRow((row, r) => {
      row.eachCell({ includeEmpty: true }, (ref, c) => {
        const slave = ref.isMerged && ref.master !== ref;
        const v = ref.value;
        const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
        const plain = slave || v === null || v === undefined ? null
          : v instanceof Date ? 45291
          : typeof v !== 'object' ? v
          : 'error' in o ? o.error
          : 'richText' in o ? '富文本'
          : 'formula' in o ? ((o.result as { error?: string })?.error ?? o.result ?? null)
          : o.text;
        expect([ref.address, s.values[r - 1][c - 1]]).toEqual([ref.address, plain]);
        expect([ref.address, s.formulas[r - 1][c - 1]]).toEqual([ref.address, !slave && 'formula' in o ? '=' + String(o.formula) : null]);
        expect([ref.address, s.numberFormats[r - 1][c - 1]]).toEqual([ref.address, ref.numFmt || 'General']);
      });
    });
    expect(s.texts[1][0]).toBe('1.5');
    expect(s.values[1][2]).toBe(1e21);
  });

  it('a 10,000-row form reads within seconds', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Big');
      for (let r = 1; r <= 10_000; r++) ws.addRow([r, `指标${r}`, r / 100, r % 7 === 0 ? '≥98%' : 0.5, 'text']);
    });
    const t0 = Date.now();
    const snap = await snapshotFromBuffer(bytes);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(snap.sheets[0].values.length).toBe(10_000);
    expect(snap.sheets[0].values[9999][1]).toBe('指标10000');
  });
});
