/**
 * The per-file work moved out of the review (rule sets validated once, string-keyed memos, merges
 * parsed once per sheet, cheap gates before regexes) must answer exactly as the work it replaced,
 * and never hand one caller an object another caller can change.
 */
import { resolveRuleSet, RuleSetError } from '../../src/core/rules';
import { cellNumber } from '../../src/core/score/cells';
import { cleanLabel, coreLabel, hasSpace, isBlank, nameAndAmount, numberingOf, withoutSpaces } from '../../src/core/locate/text';
import { isFooter } from '../../src/core/locate/vocab';
import { Grid } from '../../src/core/locate/grid';
import { isCovered, mergeMaster } from '../../src/core/merges';
import { parseRange } from '../../src/core/address';
import { isScalingPercentFormat, formatNumber } from '../../src/core/numfmt';
import { qualitativeOutcome } from '../../src/core/parse';
import { sheetMatches } from '../../src/core/profile';
import type { Bound } from '../../src/core/form';
import { sheet, workbook } from './locate/grid';

describe('rule sets resolved once', () => {
  it('gives a fresh copy of a built-in set each time', () => {
    const a = resolveRuleSet('mof-2020');
    a.scoreTolerance = 99;
    const b = resolveRuleSet('mof-2020');
    expect(b).not.toBe(a);
    expect(b.scoreTolerance).toBe(0.1);
    expect(resolveRuleSet()).toEqual(b);
  });

  it('merges a rule-set file once but applies each call its own overrides', () => {
    const file = { id: 'x', extends: 'sichuan', scoreTolerance: 0.5 };
    const first = resolveRuleSet(file);
    first.rounding = 5;
    expect(resolveRuleSet(file)).toMatchObject({ id: 'x', scoreTolerance: 0.5, rounding: 2, executionRateReason: 0.9 });
    expect(resolveRuleSet(file, { scoreTolerance: 0 }).scoreTolerance).toBe(0);
    expect(resolveRuleSet(file).scoreTolerance).toBe(0.5);
  });

  it('refuses a bad file every time, and bad overrides over a good one', () => {
    const bad = { id: 'y', rounding: 1.5 };
    expect(() => resolveRuleSet(bad)).toThrow(RuleSetError);
    expect(() => resolveRuleSet(bad)).toThrow(RuleSetError);
    const good = { id: 'z' };
    expect(resolveRuleSet(good).id).toBe('z');
    expect(() => resolveRuleSet(good, { rounding: -1 })).toThrow(RuleSetError);
  });
});

describe('string-keyed memos', () => {
  const bound = (value: string): Bound => ({ row: 0, col: 0, a1: 'A1', value, text: value, formula: null, numberFormat: 'General' });

  it('reads a text cell as a number into a fresh object each time', () => {
    const a = cellNumber(bound('10分'));
    expect(a).toEqual({ value: 10, readable: true });
    a.value = 3;
    expect(cellNumber(bound('10分'))).toEqual({ value: 10, readable: true });
    expect(cellNumber(bound('——'))).toEqual({ value: null, readable: true });
    expect(cellNumber(bound('95（优）'))).toEqual({ value: 95, readable: true });
    expect(cellNumber(bound('约10'))).toEqual({ value: 10, readable: false });
  });

  it('finds numbering behind spaces and 其中, and none on other first characters', () => {
    expect(numberingOf('（1）业务经费')).toEqual({ style: 'pnum', rest: '业务经费' });
    expect(numberingOf('\u3000 一、人员情况')).toEqual({ style: 'cn', rest: '人员情况' });
    expect(numberingOf('其中：1、公车购置')).toEqual({ style: 'num', rest: '公车购置' });
    expect(numberingOf('⑴培训')?.style).toBe('pcirc');
    expect(numberingOf('１２、合计')?.style).toBe('num');
    expect(numberingOf('1.5万元')).toBeNull();
    expect(numberingOf('业务经费（1）')).toBeNull();
    expect(numberingOf('')).toBeNull();
    expect(coreLabel('（二） 项目 支出')).toBe('项目支出');
    expect(coreLabel('其中：公用经费')).toBe('公用经费');
  });

  it('cleans labels and splits text amounts as before', () => {
    expect(cleanLabel(' 经济效\n益指标 ')).toBe('经济效益指标');
    expect(cleanLabel('a  b')).toBe('a b');
    expect(withoutSpaces(' 年度 预算\u3000数 ')).toBe('年度预算数');
    expect(nameAndAmount('  其中：  一般公共预算：2673.41')).toEqual({ name: '一般公共预算', amount: 2673.41 });
    expect(nameAndAmount('项目支出 1165.56')).toEqual({ name: '项目支出', amount: 1165.56 });
  });

  it('tells a %-format from a literal %', () => {
    expect(isScalingPercentFormat('0.00%')).toBe(true);
    expect(isScalingPercentFormat('0.00"%"')).toBe(false);
    expect(isScalingPercentFormat('0.00\\%')).toBe(false);
    expect(isScalingPercentFormat('General')).toBe(false);
    expect(isScalingPercentFormat(undefined)).toBe(false);
    expect(formatNumber(0.5, 'General')).toBe('0.5');
    expect(formatNumber(0.5, ' general ')).toBe('0.5');
    expect(formatNumber(0.5, '0.0%')).toBe('50.0%');
  });

  it('reads a qualitative answer against its target, the same on every call', () => {
    for (let i = 0; i < 2; i++) {
      expect(qualitativeOutcome('是否发生安全事故', '否')).toBe('met');
      expect(qualitativeOutcome('无重大安全事故', '发生1起')).toBe('missed');
      expect(qualitativeOutcome('全覆盖', '100%')).toBe('met');
    }
  });

  it('matches sheet patterns once compiled', () => {
    expect(sheetMatches('附件?*自评表', '附件3 自评表')).toBe(true);
    expect(sheetMatches('附件?*自评表', '附件3 自评表(续)')).toBe(false);
    expect(sheetMatches('表(1)*', '表(1)甲')).toBe(true);
    expect(sheetMatches('表(1)*', '表1甲')).toBe(false);
  });
});

describe('gates before the work', () => {
  it('tests spaces as /\\s/ does', () => {
    for (const s of ['', 'abc', '预算数', 'a b', '\u3000', '\u00a0x', 'x\ufeff', '\u2028', '（）', '\u200b']) {
      expect(hasSpace(s)).toBe(/\s/.test(s));
      expect(isBlank(s)).toBe(s.trim() === '');
    }
  });

  it('still finds every footer, and no indicator that starts like one', () => {
    for (const s of ['填表人:张三', '审核:', '单位负责人(签字)', '注:', '签字', '盖章', '主要领导', '财务负责人:']) expect(isFooter(s)).toBe(true);
    for (const s of ['经办人员培训人次', '预算执行率', '', '审核工作完成率']) expect(isFooter(s)).toBe(false);
  });

  it('reads merges the same in the locator grid and the review', () => {
    const s = sheet(
      [
        ['title', null, null],
        ['a', 'b', null],
        [null, 'c', 'd'],
      ],
      { merges: ['A1:C1', 'A2:A3', "'Sheet 1'!B3", 'bad'] },
    );
    const g = new Grid(s);
    const book = workbook(s);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        const m = g.merge(r, c);
        const a1 = String.fromCharCode(65 + c) + (r + 1);
        expect(mergeMaster(book, 'Sheet1', a1)).toBe(m ? String.fromCharCode(65 + m.left) + (m.top + 1) : a1);
        expect(isCovered(book, 'Sheet1', a1)).toBe(!g.isMaster(r, c));
        expect(g.firstRowCell(r, c, 2)).toEqual(g.rowCells(r, c, 2)[0]);
      }
    }
    expect(parseRange('B2:A1')).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseRange('A1:B2:C3')).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseRange("'x:y'!C3")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRange('A1:')).toBeNull();
  });
});
