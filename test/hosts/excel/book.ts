/** A small hand-made workbook snapshot shaped like a self-evaluation form, for the Excel host tests. */
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { STATE_SHEET } from '../../../src/core/edits';

export function formSheet(over: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return {
    name: '项目支出绩效自评表',
    top: 1,
    left: 0,
    values: [
      ['一级指标', '二级指标', '分值', '得分'],
      ['产出指标', '数量指标', 20, 18],
      [null, '质量指标', 10, '95%'],
      ['总分', null, 30, 28],
    ],
    texts: [
      ['一级指标', '二级指标', '分值', '得分'],
      ['产出指标', '数量指标', '20', '18'],
      ['', '质量指标', '10', '95%'],
      ['总分', '', '30', '28'],
    ],
    formulas: [
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, '=SUM(C3:C4)', '=SUM(D3:D4)'],
    ],
    numberFormats: [
      ['General', 'General', 'General', 'General'],
      ['General', 'General', 'General', '0.00'],
      ['General', 'General', 'General', 'General'],
      ['General', 'General', 'General', 'General'],
    ],
    merges: ['A3:A4'],
    fills: [
      ['#D9D9D9', '#D9D9D9', '#D9D9D9', '#D9D9D9'],
      [null, null, null, '#FFEB9C'],
      [null, null, null, null],
      [null, null, null, null],
    ],
    protected: false,
    visibility: 'visible',
    ...over,
  };
}

export function blankSheet(name: string): SheetSnapshot {
  return { name, top: 0, left: 0, values: [], texts: [], formulas: [], numberFormats: [], merges: [], fills: [], protected: false, visibility: 'visible' };
}

export function stateSheet(json = '{"v":1}'): SheetSnapshot {
  return {
    ...blankSheet(STATE_SHEET),
    values: [[json]],
    texts: [[json]],
    formulas: [[null]],
    numberFormats: [['General']],
    fills: [[null]],
    visibility: 'veryHidden',
  };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: 'longquan.xlsx', sheets: sheets.length ? sheets : [formSheet(), blankSheet('空白'), stateSheet()] };
}
