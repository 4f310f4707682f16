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
    expect(s.fills?.map((r) => r[0])).toEqual([null, null, null, null, null, null, '#FFC7CE', '#FFFF00', 'other']); // a theme colour cannot be written back as it was
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

describe('fills the planner could not write back exactly are "other"', () => {
  it('theme colours, patterns and gradients; no fill is null; solid RGB and palette colours are colours', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      const fills: ExcelJS.Fill[] = [
        { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.8 } as unknown as ExcelJS.Color },
        { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FFFF0000' } },
        { type: 'gradient', gradient: 'angle', degree: 0, stops: [{ position: 0, color: { argb: 'FF0000FF' } }, { position: 1, color: { argb: 'FFFFFFFF' } }] },
        { type: 'pattern', pattern: 'none' },
        { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } },
      ];
      fills.forEach((f, i) => {
        ws.getCell(1, i + 1).value = i;
        ws.getCell(1, i + 1).fill = f;
      });
    });
    const s = (await snapshotFromBuffer(bytes)).sheets[0];
    expect(s.fills?.[0]).toEqual(['other', 'other', 'other', null, '#00B050']);
  });
});

describe('a 1904 date-system workbook', () => {
  it('reads the serials as stored, flags the sheet, and the engine dates them right', async () => {
    const { reviewWorkbook } = await import('../../../src/core/review');
    const bytes = await xlsx((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('自评表');
      const rows: (string | number | Date | null)[][] = [
        ['项目支出绩效自评表'],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ['产出指标', '时效指标', '完工时间', new Date(Date.UTC(2023, 11, 31)), new Date(Date.UTC(2024, 1, 29)), 10, 10],
        ['产出指标', '时效指标', '验收时间', new Date(Date.UTC(2023, 11, 31)), new Date(Date.UTC(2023, 10, 30)), 10, 10],
      ];
      rows.forEach((r, i) => r.forEach((v, j) => {
        if (v === null) return;
        const c = ws.getCell(i + 1, j + 1);
        c.value = v;
        if (v instanceof Date) c.numFmt = 'yyyy-mm-dd';
      }));
    });
    const snap = await snapshotFromBuffer(bytes);
    const s = snap.sheets[0];
    expect(s.date1904).toBe(true);
    expect(s.values[2][3]).toBe(45291 - 1462); // 2023-12-31 in the 1904 system
    expect(s.texts[2][3]).toBe('2023-12-31');
    const form = reviewWorkbook(snap).fileReview.forms[0];
    expect(form.indicators?.map((i) => [i.kind, i.score.computed])).toEqual([['date', 7.99], ['date', 10]]);
  });
});
