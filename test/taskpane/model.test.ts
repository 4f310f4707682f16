import { differs, filterBySheet, formatNumber, formatValue, groupBySeverity, placeOf, sheetsOf } from '../../src/taskpane/model';
import { parseNumberInput, readOverrides, RULE_SETS, withOverrides, defaultsOf, ruleSetName } from '../../src/taskpane/settings';
import { isDarkColor, themeFor } from '../../src/taskpane/theme';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Finding } from '../../src/core/types';
import { BASIC, FINDINGS, SELF, checkedState } from './fixtures';

const review = checkedState().review;
const at = (cell: string, code: Finding['code'] = 'score-mismatch', sheet = SELF): Finding => ({ code, severity: 'error', sheet, cell, message: '' });

describe('placeOf', () => {
  test.each([
    ['H14', { text: '解决问题到位率' }],
    ['E19', { text: '成本控制率' }],
    ['F18', { text: '群众满意度' }],
    ['I20', { text: '带来的社会影响力' }],
    ['h14', { text: '解决问题到位率' }],
    ['$H$14', { text: '解决问题到位率' }],
    ['G14', { text: '解决问题到位率' }], // weight cell: same row
    ['G4', { key: 'findings.budgetRate' }],
    ['H4', { key: 'findings.budgetScore' }],
    ['H21', { key: 'findings.total' }],
    ['Z99', null],
  ])('%s → %p', (cell, place) => {
    expect(placeOf(review, at(cell))).toEqual(place);
  });

  test('a weight heading left of the target names the level-1 heading', () => {
    expect(placeOf(review, at('B13', 'weight-profile'))).toEqual({ text: '产出指标' });
    expect(placeOf(review, at('B18', 'sum-mismatch'))).toEqual({ text: '满意度指标' });
  });

  test('an exact cell match wins over the row (an explanation merged onto another row)', () => {
    const r = checkedState().review;
    const form = r.forms[1];
    form.indicators = form.indicators!.map((i) => (i.row === 19 ? { ...i, explanation: { cell: 'I22', text: '' } } : i));
    expect(placeOf(r, at('I22', 'deviation-unexplained'))).toEqual({ text: '成本控制率' });
  });

  test('other sheets, basic-data forms and findings without a cell name nothing', () => {
    expect(placeOf(review, at('H14', 'score-mismatch', BASIC))).toBeNull();
    expect(placeOf(review, { ...at('H14'), cell: null })).toBeNull();
  });
});

describe('formatting and grouping', () => {
  test('numbers: at most two decimals, no locale grouping', () => {
    expect(formatNumber(14.549999999)).toBe('14.55');
    expect(formatNumber(9.8)).toBe('9.8');
    expect(formatNumber(2673.41)).toBe('2673.41');
    expect(formatNumber(123456.7)).toBe('123456.7');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatValue(null)).toBeNull();
    expect(formatValue('')).toBeNull();
    expect(formatValue(true)).toBe('true');
    expect(formatValue('#DIV/0!')).toBe('#DIV/0!');
  });

  test('differs ignores empty sides and rounding noise', () => {
    expect(differs({ cell: 'H21', stated: 97, computed: 99.35 })).toBe(true);
    expect(differs({ cell: 'H21', stated: 99.35, computed: 99.350000001 })).toBe(false);
    expect(differs({ cell: 'H21', stated: null, computed: 99.35 })).toBe(false);
    expect(differs(undefined)).toBe(false);
  });

  test('groups, sheets and the sheet filter', () => {
    const g = groupBySeverity(FINDINGS);
    expect([g.error.length, g.warning.length, g.info.length]).toEqual([4, 3, 1]);
    expect(sheetsOf(review)).toEqual([BASIC, SELF]);
    const sheetless = { ...at('A1'), sheet: null };
    expect(filterBySheet([...FINDINGS, sheetless], BASIC).map((f) => f.cell)).toEqual(['C11', 'A1']);
    expect(filterBySheet(FINDINGS, '')).toHaveLength(FINDINGS.length);
  });
});

describe('settings helpers', () => {
  test('parses what clerks type', () => {
    expect(parseNumberInput('120')).toBe(120);
    expect(parseNumberInput(' １２０％ ')).toBe(120);
    expect(parseNumberInput('0．15')).toBe(0.15);
    expect(parseNumberInput('.5')).toBe(0.5);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('1,200')).toBeNull();
    expect(parseNumberInput('abc')).toBeNull();
  });

  test('rule sets come from the engine, mof-2020 first, with their own defaults', () => {
    expect(RULE_SETS[0].id).toBe('mof-2020');
    expect(defaultsOf('mof-2020', RULE_SETS)).toEqual({ overAchievement: 1.2, reverseFormula: 'ratio', scoreTolerance: 0.1 });
    expect(defaultsOf('hunan', RULE_SETS).reverseFormula).toBe('deduction');
    expect(ruleSetName(RULE_SETS[0], 'zh-CN')).toContain('财预〔2020〕10号');
    expect(ruleSetName({ id: 'my-bureau' }, 'en-US')).toBe('my-bureau');
  });

  test('reads stored overrides over defaults and ignores malformed ones', () => {
    expect(readOverrides({ rules: 'mof-2020', overrides: { overAchievement: 1.3, reverseFormula: 'bogus', scoreTolerance: '1' } })).toEqual({
      overAchievement: 1.3, reverseFormula: 'ratio', scoreTolerance: 0.1,
    });
  });

  test('stores only values that differ from the rule set and keeps foreign keys', () => {
    const defaults = defaultsOf('mof-2020', RULE_SETS);
    const next = withOverrides(
      { rules: 'mof-2020', overrides: { deductionPerPoint: 2, scoreTolerance: 0.5 } },
      'mof-2020',
      { ...defaults, overAchievement: 1.3 },
      defaults,
    );
    expect(next).toEqual({ rules: 'mof-2020', overrides: { deductionPerPoint: 2, overAchievement: 1.3 } });
    expect(withOverrides({ rules: 'x', overrides: { scoreTolerance: 1 } }, 'mof-2020', defaults, defaults)).toEqual({ rules: 'mof-2020' });
  });
});

describe('theme', () => {
  test('dark only when Office says the body background is dark', () => {
    expect(isDarkColor('#262626')).toBe(true);
    expect(isDarkColor('#000')).toBe(true);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(isDarkColor('#E6E6E6')).toBe(false);
    expect(isDarkColor('not a colour')).toBe(false);
    expect(themeFor({ bodyBackgroundColor: '#1f1f1f' })).toBe(webDarkTheme);
    expect(themeFor({ bodyBackgroundColor: '#ffffff' })).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
  });
});
