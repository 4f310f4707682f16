import { locateForms } from '../../../src/core/locate';
import type { CellValue } from '../../../src/core/snapshot';
import { centralForm } from './builders';
import { paste, shiftMerges, sheet, workbook } from './grid';


// Time is measured by `npm run bench`; these check that large inputs are handled correctly.
describe('locator at scale', () => {
  it('scans a 10,000-row sheet of noise without finding a form', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 10_000; i++) {
      rows.push([`第${i}行`, i, i * 1.5, i % 7 === 0 ? '分值' : '说明文字', i % 11 === 0 ? '一级指标' : null, '其他', 3, 4, 5, '备注', i % 13 === 0 ? '执行率' : 'x', 0.5]);
    }
    const s = sheet(rows, { merges: Array.from({ length: 2000 }, (_, i) => `A${i * 5 + 1}:B${i * 5 + 3}`) });
    expect(locateForms(workbook(s)).filter((f) => f.kind === 'self-evaluation' && f.indicators.length > 0)).toEqual([]);
  });

  it('locates 50 forms of 30 indicators on one sheet', () => {
    const lines: CellValue[][] = Array.from({ length: 30 }, (_, i) => [
      i % 10 === 0 ? `产出指标${i}（30分）` : null, `二级${i % 3}`, `指标${i}`, '≥90%', '95%', 3, 3, '',
    ]);
    const f = centralForm({ indicators: lines });
    let rows: CellValue[][] = [];
    const merges: string[] = [];
    const height = f.rows.length + 2;
    for (let k = 0; k < 50; k++) {
      rows = paste(rows, f.rows, k * height, 0);
      merges.push(...shiftMerges(f.merges, k * height, 0));
    }
    const result = locateForms(workbook(sheet(rows, { merges })));
    expect(result).toHaveLength(50);
    expect(result.every((x) => x.kind === 'self-evaluation' && x.indicators.length === 30)).toBe(true);
  });
});
