import { enUS } from '../../src/i18n/en-US';
import { zhCN } from '../../src/i18n/zh-CN';
import { errorText, isHostErrorLike, pickLang, t } from '../../src/i18n';
import { HostError, type HostErrorCode } from '../../src/hosts/host';

const CODES: HostErrorCode[] = ['protected', 'cell-edit', 'too-large', 'unreadable', 'busy', 'not-supported', 'write-failed'];

describe('pickLang', () => {
  test.each([
    ['en-US', 'en-US'], ['en-GB', 'en-US'], ['EN', 'en-US'], ['en_us', 'en-US'],
    ['zh-CN', 'zh-CN'], ['zh-TW', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['fr-FR', 'zh-CN'], ['', 'zh-CN'],
    [undefined, 'zh-CN'], [null, 'zh-CN'], ['eng', 'zh-CN'],
  ])('%p → %s', (tag, lang) => {
    expect(pickLang(tag)).toBe(lang);
  });
});

describe('t', () => {
  test('fills parameters and leaves unknown ones visible', () => {
    expect(t('zh-CN', 'feedback.recomputed', { written: 3, marked: 9 })).toBe('已写入 3 个单元格，标记 9 处');
    expect(t('en-US', 'feedback.recomputed', { written: 3, marked: 9 })).toBe('Cells written: 3; cells marked: 9');
    expect(t('zh-CN', 'forms.indicators', {})).toBe('指标 {n} 项');
    expect(t('zh-CN', 'forms.indicators', { n: 0 })).toBe('指标 0 项');
  });

  test('parameter values are not re-interpreted', () => {
    expect(t('zh-CN', 'error.generic', { message: '{message} $& $1' })).toBe('出错了：{message} $& $1');
  });

  test('both dictionaries hold the same keys, none empty, with the same parameters', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(enUS[key].trim()).not.toBe('');
      expect([key, params(enUS[key])]).toEqual([key, params(zhCN[key])]);
    }
  });
});

describe('errorText', () => {
  test('protected names the sheet and says how to unprotect', () => {
    expect(errorText('zh-CN', new HostError('protected', 'x', '附件3 自评表'))).toBe(
      '工作表“附件3 自评表”受保护，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护）再重算。',
    );
    expect(errorText('en-US', { code: 'protected', sheet: 'S1' })).toContain('Sheet "S1" is protected');
    expect(errorText('zh-CN', { code: 'protected' })).toMatch(/^有工作表受保护/);
  });

  test.each(CODES)('%s has its own sentence in both languages', (code) => {
    const zh = errorText('zh-CN', new HostError(code, 'raw english detail', 'S'));
    const en = errorText('en-US', { code });
    expect(zh).not.toContain('raw english detail');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toBe(t('zh-CN', 'error.generic', { message: 'raw english detail' }));
  });

  test('codes are told apart', () => {
    const texts = CODES.map((c) => errorText('zh-CN', { code: c, sheet: 'S' }));
    expect(new Set(texts).size).toBe(CODES.length);
  });

  test('plain errors, strings and odd values fall back to the generic sentence', () => {
    expect(errorText('zh-CN', new Error('磁盘已满'))).toBe('出错了：磁盘已满');
    expect(errorText('en-US', 'oops')).toBe('Something went wrong: oops');
    expect(errorText('zh-CN', { code: 'nope', message: 'm' })).toBe('出错了：m');
    expect(errorText('zh-CN', 42)).toBe('出错了：42');
    expect(isHostErrorLike({ code: 'busy' })).toBe(true);
    expect(isHostErrorLike({ code: 'nope' })).toBe(false);
    expect(isHostErrorLike(null)).toBe(false);
  });
});
