import { parseValue, type ParsedValue } from '../../../src/core/parse';

const text = (s: string): ParsedValue => parseValue({ value: s });

describe('parseValue: numbers with comparators and units', () => {
  // [cell text, comparator, direction, value, written, unit name, dimension]
  const cases: [string, string | null, string | null, number, number, string | null, string | null][] = [
    ['400个', null, null, 400, 400, '个', 'count'],
    ['=100%', '=', 'equal', 1, 100, '%', 'percent'],
    ['=97%', '=', 'equal', 0.97, 97, '%', 'percent'],
    ['97%', null, null, 0.97, 97, '%', 'percent'],
    ['≥98%', '>=', 'forward', 0.98, 98, '%', 'percent'],
    ['≧735人次', '>=', 'forward', 735, 735, '人次', 'count'],
    ['≦5%', '<=', 'reverse', 0.05, 5, '%', 'percent'],
    ['═100%', '=', 'equal', 1, 100, '%', 'percent'],
    ['＝100％', '=', 'equal', 1, 100, '%', 'percent'],
    ['＞＝９５％', '>=', 'forward', 0.95, 95, '%', 'percent'],
    ['＞90%', '>', 'forward', 0.9, 90, '%', 'percent'],
    ['＜3天', '<', 'reverse', 3, 3, '天', 'time'],
    ['>=50个', '>=', 'forward', 50, 50, '个', 'count'],
    ['<=10', '<=', 'reverse', 10, 10, null, null],
    ['==100%', '=', 'equal', 1, 100, '%', 'percent'],
    ['≥ 50 个', '>=', 'forward', 50, 50, '个', 'count'],
    ['不少于735人次', '>=', 'forward', 735, 735, '人次', 'count'],
    ['不低于95%', '>=', 'forward', 0.95, 95, '%', 'percent'],
    ['至少3次', '>=', 'forward', 3, 3, '次', 'count'],
    ['大于等于90%', '>=', 'forward', 0.9, 90, '%', 'percent'],
    ['达到100%', '>=', 'forward', 1, 100, '%', 'percent'],
    ['超过20户', '>', 'forward', 20, 20, '户', 'count'],
    ['高于80%', '>', 'forward', 0.8, 80, '%', 'percent'],
    ['不超过5%', '<=', 'reverse', 0.05, 5, '%', 'percent'],
    ['不高于3%', '<=', 'reverse', 0.03, 3, '%', 'percent'],
    ['不大于2次', '<=', 'reverse', 2, 2, '次', 'count'],
    ['控制在5%以内', '<=', 'reverse', 0.05, 5, '%', 'percent'],
    ['控制在100万元', '<=', 'reverse', 1e6, 100, '万元', 'money'],
    ['低于1%', '<', 'reverse', 0.01, 1, '%', 'percent'],
    ['小于10天', '<', 'reverse', 10, 10, '天', 'time'],
    ['少于5起', '<', 'reverse', 5, 5, '起', 'count'],
    ['50个以上', '>=', 'forward', 50, 50, '个', 'count'],
    ['95%及以上', '>=', 'forward', 0.95, 95, '%', 'percent'],
    ['3天以内', '<=', 'reverse', 3, 3, '天', 'time'],
    ['5%以下', '<=', 'reverse', 0.05, 5, '%', 'percent'],
    ['3个工作日内', '<=', 'reverse', 3, 3, '个工作日', 'time'],
    ['约50个', null, null, 50, 50, '个', 'count'],
    ['50个左右', null, null, 50, 50, '个', 'count'],
    ['1,165.56', null, null, 1165.56, 1165.56, null, null],
    ['1,165.56万元', null, null, 11655600, 1165.56, '万元', 'money'],
    ['387664.62元', null, null, 387664.62, 387664.62, '元', 'money'],
    ['2亿元', null, null, 2e8, 2, '亿元', 'money'],
    ['5千元', null, null, 5000, 5, '千元', 'money'],
    ['1.5万人次', null, null, 15000, 1.5, '万人次', 'count'],
    ['-5', null, null, -5, -5, null, null],
    ['-3.5%', null, null, -0.035, -3.5, '%', 'percent'],
    ['≥-2%', '>=', 'forward', -0.02, -2, '%', 'percent'],
    ['0', null, null, 0, 0, null, null],
    ['.5', null, null, 0.5, 0.5, null, null],
    ['１２３', null, null, 123, 123, null, null],
    ['100百分比', null, null, 1, 100, '%', 'percent'],
    ['5‰', null, null, 0.005, 5, '‰', 'percent'],
    ['12公里', null, null, 12000, 12, '公里', 'other'],
    ['3km', null, null, 3000, 3, 'km', 'other'],
    ['200㎡', null, null, 200, 200, '平方米', 'area'],
    ['500平方米', null, null, 500, 500, '平方米', 'area'],
    ['3个月', null, null, 90, 3, '个月', 'time'],
    ['48小时', null, null, 2, 48, '小时', 'time'],
    ['2吨', null, null, 2000, 2, '吨', 'other'],
    ['400个社区', null, null, 400, 400, '个社区', 'count'],
    ['95分', null, null, 95, 95, '分', 'other'],
    ['两个', null, null, 2, 2, '个', 'count'],
    ['十二个月', null, null, 360, 12, '个月', 'time'],
    ['不少于三次', '>=', 'forward', 3, 3, '次', 'count'],
    ['≤5%（反向指标）', '<=', 'reverse', 0.05, 5, '%', 'percent'],
    ['≥95%（含）', '>=', 'forward', 0.95, 95, '%', 'percent'],
    ['50（人）', null, null, 50, 50, '人', 'count'],
    ['完成100%', null, null, 1, 100, '%', 'percent'],
    ['100%完成', null, null, 1, 100, '%', 'percent'],
  ];
  it.each(cases)('%s', (input, comparator, direction, value, written, unitName, dimension) => {
    const p = text(input);
    expect(p.kind).toBe('number');
    if (p.kind !== 'number') return;
    expect(p.comparator).toBe(comparator);
    expect(p.direction).toBe(direction);
    expect(p.value).toBeCloseTo(value, 9);
    expect(p.written).toBeCloseTo(written, 9);
    expect(p.unit?.name ?? null).toBe(unitName);
    expect(p.unit?.dimension ?? null).toBe(dimension);
    expect(p.raw).toBe(input.trim());
  });

  it('converts percent text exactly (97% → 0.97, not 0.9700000000000001)', () => {
    expect(text('97%')).toMatchObject({ value: 0.97 });
    expect(text('=57%')).toMatchObject({ value: 0.57 });
  });
});

describe('parseValue: ranges', () => {
  const cases: [string, number, number, string | null][] = [
    ['90%-100%', 0.9, 1, '%'],
    ['90～100%', 0.9, 1, '%'],
    ['90~100%', 0.9, 1, '%'],
    ['90%至100%', 0.9, 1, '%'],
    ['90%—100%', 0.9, 1, '%'],
    ['90%——100%', 0.9, 1, '%'],
    ['3-5天', 3, 5, '天'],
    ['3到5天', 3, 5, '天'],
    ['5-3天', 3, 5, '天'],
    ['1-2万元', 1e4, 2e4, '万元'],
    ['10-20', 10, 20, null],
    ['90%-100%之间', 0.9, 1, '%'],
    ['-5-5', -5, 5, null],
  ];
  it.each(cases)('%s', (input, low, high, unitName) => {
    const p = text(input);
    expect(p.kind).toBe('range');
    if (p.kind !== 'range') return;
    expect(p.low).toBeCloseTo(low, 9);
    expect(p.high).toBeCloseTo(high, 9);
    expect(p.unit?.name ?? null).toBe(unitName);
  });

  it('does not read a leading negative or a date as a range', () => {
    expect(text('-5').kind).toBe('number');
    expect(text('-5%').kind).toBe('number');
    expect(text('2023-12-31').kind).toBe('date');
    expect(text('2023-12').kind).toBe('date');
  });

  it('refuses a range whose ends are in different dimensions', () => {
    expect(text('3天-5个')).toMatchObject({ kind: 'invalid', reason: 'range-units' });
  });
});

describe('parseValue: numeric cells', () => {
  it('reads a %-formatted number as a fraction', () => {
    expect(parseValue({ value: 0.97, numberFormat: '0%' })).toMatchObject({
      kind: 'number', value: 0.97, written: 97, unit: { name: '%', dimension: 'percent', factor: 0.01 }, comparator: null,
    });
    expect(parseValue({ value: 1.087, numberFormat: '0.00%', text: '108.70%' })).toMatchObject({ value: 1.087, written: 108.7, raw: '108.70%' });
    expect(parseValue({ value: 0.925, numberFormat: '0.0%' })).toMatchObject({ written: 92.5, raw: '92.5%' });
  });

  it('ignores a % inside quotes or brackets of a format', () => {
    expect(parseValue({ value: 5, numberFormat: '0"%"' })).toMatchObject({ kind: 'number', value: 5 });
  });

  it('reads a plain number with no unit and no comparator', () => {
    expect(parseValue({ value: 735, numberFormat: 'General' })).toEqual({
      kind: 'number', raw: '735', comparator: null, direction: null, value: 735, written: 735, unit: null,
    });
    expect(parseValue({ value: 387664.62, text: '387,664.62', numberFormat: '#,##0.00' })).toMatchObject({ value: 387664.62, unit: null, raw: '387,664.62' });
  });

  it('keeps a unit shown by a custom format when the text shows the same number', () => {
    expect(parseValue({ value: 400, text: '400个', numberFormat: '0"个"' })).toMatchObject({ value: 400, unit: { name: '个' } });
    // Display text that disagrees with the value (a stale cache) does not override the value.
    expect(parseValue({ value: 97, text: '97%' })).toMatchObject({ value: 97, unit: null });
  });

  it('reads a date-formatted serial as a date', () => {
    expect(parseValue({ value: 45291, numberFormat: 'yyyy-mm-dd' })).toMatchObject({
      kind: 'date', year: 2023, month: 12, day: 31, serial: 19722, comparator: null,
    });
    expect(parseValue({ value: 45291.75, numberFormat: 'yyyy"年"m"月"d"日"' })).toMatchObject({ kind: 'date', day: 31 });
    expect(parseValue({ value: 45291, numberFormat: '[$-F800]dddd, mmmm dd, yyyy' })).toMatchObject({ kind: 'date' });
  });

  it('reads booleans as 是/否', () => {
    expect(parseValue({ value: true })).toMatchObject({ kind: 'qualitative', tier: 'met' });
    expect(parseValue({ value: false })).toMatchObject({ kind: 'qualitative', tier: 'missed' });
  });

  it('flags non-finite numbers', () => {
    expect(parseValue({ value: NaN })).toMatchObject({ kind: 'invalid', reason: 'not-finite' });
    expect(parseValue({ value: Infinity })).toMatchObject({ kind: 'invalid', reason: 'not-finite' });
  });
});

describe('parseValue: empty and invalid', () => {
  it.each(['', '   ', '　', '\n\t', '/', '——', '-', '—'])('%j is empty', (s) => {
    expect(text(s).kind).toBe('empty');
  });

  it('null value and no text is empty; null value with text reads the text', () => {
    expect(parseValue({ value: null })).toEqual({ kind: 'empty', raw: '' });
    expect(parseValue({ value: null, text: '95%' })).toMatchObject({ kind: 'number', value: 0.95 });
  });

  it.each(['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', ' #n/a '])('%s is an error value', (s) => {
    expect(text(s)).toMatchObject({ kind: 'invalid', reason: 'error-value' });
  });

  it('reads error objects handed over by spreadsheet libraries', () => {
    const cell = { value: { error: '#DIV/0!' } } as unknown as Parameters<typeof parseValue>[0];
    expect(parseValue(cell)).toMatchObject({ kind: 'invalid', reason: 'error-value' });
  });

  it('rejects impossible dates and over-long text instead of guessing', () => {
    expect(text('2023年13月')).toMatchObject({ kind: 'invalid', reason: 'bad-date' });
    expect(text('2023年2月30日前')).toMatchObject({ kind: 'invalid', reason: 'bad-date' });
    expect(text('完成'.repeat(5000))).toMatchObject({ kind: 'invalid', reason: 'too-long' });
  });

  it('does not throw on malformed input objects', () => {
    const bad = [null, undefined, 42, { value: Symbol('x') }, { value: {} }, { value: [] }] as unknown as Parameters<typeof parseValue>[0][];
    for (const b of bad) expect(() => parseValue(b)).not.toThrow();
    expect(parseValue(null as unknown as Parameters<typeof parseValue>[0]).kind).toBe('invalid');
  });

  it('keeps HTML and script text as inert qualitative text', () => {
    expect(text('<script>alert("≥98%")</script>')).toMatchObject({ kind: 'qualitative', tier: null });
  });
});

describe('parseValue: a quantity behind a short label', () => {
  // [cell text, comparator, value, written, unit name, label]
  const cases: [string, string | null, number, number, string, string][] = [
    ['验收合格率≥95%', '>=', 0.95, 95, '%', '验收合格率'],
    ['受益人数≥500人', '>=', 500, 500, '人', '受益人数'],
    ['培训500人次以上', '>=', 500, 500, '人次', '培训'],
    ['完成率100%', null, 1, 100, '%', '完成率'],
    ['确保100%', null, 1, 100, '%', '确保'],
    ['力争95%以上', '>=', 0.95, 95, '%', '力争'],
    ['保持在95%以上', '>=', 0.95, 95, '%', '保持在'],
    ['稳定在95%以上', '>=', 0.95, 95, '%', '稳定在'],
    ['保持100%', null, 1, 100, '%', '保持'],
    ['满意度85%', null, 0.85, 85, '%', '满意度'],
    ['合格率90%', null, 0.9, 90, '%', '合格率'],
    ['实际完成98%', null, 0.98, 98, '%', '实际'],
    ['培训520人', null, 520, 520, '人', '培训'],
    ['群众满意度不低于90%', '>=', 0.9, 90, '%', '群众满意度'],
    ['差错率控制在3%以内', '<=', 0.03, 3, '%', '差错率'],
    ['办结时限：≤15个工作日', '<=', 15, 15, '个工作日', '办结时限'],
    ['全年开展活动12次', null, 12, 12, '次', '全年开展活动'],
    ['培训三次', null, 3, 3, '次', '培训'],
    ['一次性补助500元', null, 500, 500, '元', '一次性补助'],
    ['覆盖率达到百分之九十五', '>=', 0.95, 95, '%', '覆盖率'],
  ];
  it.each(cases)('%s', (input, comparator, value, written, unitName, label) => {
    const p = text(input);
    expect(p).toMatchObject({ kind: 'number', comparator, value, written, unit: { name: unitName }, label, raw: input });
  });

  it('reads a bare quantity behind a label as forward by the rules (no comparator)', () => {
    expect(text('确保100%')).toMatchObject({ comparator: null, direction: null });
  });

  it('ignores punctuation after a value', () => {
    expect(text('≥95%。')).toMatchObject({ kind: 'number', comparator: '>=', value: 0.95, raw: '≥95%。' });
    expect(text('≥95%；')).toMatchObject({ kind: 'number', comparator: '>=', value: 0.95 });
    expect(text('98%。')).toMatchObject({ kind: 'number', comparator: null, value: 0.98 });
    expect(text('合格率98%！')).toMatchObject({ kind: 'number', value: 0.98, label: '合格率' });
  });

  it('keeps dates and ranges first', () => {
    expect(text('2023年12月底前')).toMatchObject({ kind: 'date', year: 2023, month: 12, comparator: '<=' });
    expect(text('90%-100%')).toMatchObject({ kind: 'range', low: 0.9, high: 1 });
    expect(text('满意度90%-100%')).toMatchObject({ kind: 'range', low: 0.9, high: 1 });
    expect(text('确保2023年底前完成')).toMatchObject({ kind: 'date', year: 2023, month: 12, comparator: '<=' });
    expect(text('项目于2023年12月底前完成')).toMatchObject({ kind: 'date', year: 2023, month: 12 });
  });

  it.each([
    ['90%≤X≤100%', 0.9, 1],
    ['90%<=x<100%', 0.9, 1],
    ['90%≤完成率≤100%', 0.9, 1],
    ['100%≥X≥90%', 0.9, 1],
    ['3≤X≤5天', 3, 5],
  ])('reads a named value between two bounds: %s', (input, low, high) => {
    expect(text(input)).toMatchObject({ kind: 'range', low, high });
  });

  it.each([
    '未达到95%', '不足90%', '没有完成100%', '无障碍设施覆盖率100%', // a negation: a statement, not a target
    '95%以上的群众满意', '完成98%的任务', // words after the quantity
    '第3批', '符合GB3838-2002标准', 'PM2.5浓度下降', '一户一档', // ordinals, codes, mottos
    '这是一段非常长的说明文字其中提到了完成率为98%', // a label longer than a name
    '1,2,3', '完成90%，较上年提高2个百分点',
  ])('keeps %s as words', (input) => {
    expect(text(input).kind).toBe('qualitative');
  });
});

describe('parseValue: soft comparators and changes', () => {
  it('marks 达到/达 as soft: a measurement in an actual, ≥ in a target', () => {
    expect(text('达到97%')).toMatchObject({ comparator: '>=', direction: 'forward', softComparator: true });
    expect(text('已达97%')).toMatchObject({ comparator: '>=', softComparator: true, label: '已' });
    expect(text('合格率达到97%')).toMatchObject({ comparator: '>=', softComparator: true, label: '合格率' });
  });

  it.each(['≥97%', '达到97%以上', '达到≥97%', '不低于97%', '97%以上', '超过97%', '≤5%', '控制在5%以内'])('%s is a hard comparator', (input) => {
    const p = text(input);
    expect(p.kind).toBe('number');
    expect(p).not.toHaveProperty('softComparator');
  });

  it.each([
    ['较上年提高5%', 0.05, 'increase'],
    ['提高2个百分点', 0.02, 'increase'],
    ['较上年增长5%', 0.05, 'increase'],
    ['同比增加10万元', 100000, 'increase'],
    ['投诉率下降2个百分点', 0.02, 'decrease'],
    ['成本降低了5%', 0.05, 'decrease'],
    ['办理时间缩短3天', 3, 'decrease'],
  ])('%s is a forward change', (input, value, change) => {
    expect(text(input)).toMatchObject({ kind: 'number', comparator: '>=', direction: 'forward', value, change, softComparator: true });
  });

  it('keeps a hard comparator on a change and reads a level as no change', () => {
    expect(text('提高2个百分点以上')).toMatchObject({ comparator: '>=', change: 'increase' });
    expect(text('提高2个百分点以上')).not.toHaveProperty('softComparator');
    const level = text('提高到95%');
    expect(level).toMatchObject({ kind: 'number', comparator: null, value: 0.95, label: '提高到' });
    expect(level).not.toHaveProperty('change');
    expect(text('增长率≥5%')).not.toHaveProperty('change');
  });

  it('reads 每 + period before a count as the rate "1次/月" reads as', () => {
    expect(text('每月1次')).toMatchObject({ kind: 'number', value: 1, unit: { name: '次/月' }, label: '每月' });
    expect(text('每年不少于2次')).toMatchObject({ kind: 'number', comparator: '>=', value: 2, unit: { name: '次/年' } });
    expect(text('1次/月')).toMatchObject({ kind: 'number', value: 1, unit: { name: '次/月' } });
    expect(text('人均500元')).toMatchObject({ kind: 'number', value: 500, unit: { name: '元' }, label: '人均' });
  });
});

describe('parseValue: 余/多, bare multipliers and spelled-out percents', () => {
  it.each([
    ['300余人次', 300, '人次'],
    ['1000多户', 1000, '户'],
    ['50余个', 50, '个'],
    ['1万余人', 10000, '万人'],
    ['三百多人', 300, '人'],
    ['200余万元', 2e6, '万元'],
  ])('%s drops 余/多: no comparator, no unit of its own', (input, value, unitName) => {
    expect(text(input)).toMatchObject({ kind: 'number', comparator: null, value, unit: { name: unitName } });
  });

  it('reads a bare 万 as the multiplier with an empty base', () => {
    expect(text('98万')).toMatchObject({ kind: 'number', written: 98, value: 980000, unit: { name: '万', dimension: 'other', factor: 10000, base: '' } });
    expect(text('5.2万')).toMatchObject({ written: 5.2, value: 52000, unit: { base: '' } });
    expect(text('≥3亿')).toMatchObject({ comparator: '>=', value: 3e8, unit: { name: '亿', base: '' } });
  });

  it.each([
    ['百分之百', 1, 100],
    ['百分之九十五', 0.95, 95],
    ['百分之九十五点五', 0.955, 95.5],
    ['百分之98', 0.98, 98],
    ['不低于百分之八十', 0.8, 80],
  ])('%s is a percent', (input, value, written) => {
    expect(text(input)).toMatchObject({ kind: 'number', value, written, unit: { name: '%' } });
  });

  it('leaves 百分之 without a numeral as words', () => {
    expect(text('百分之')).toMatchObject({ kind: 'qualitative' });
  });
});

describe('parseValue: numeric cells whose format prints a comparator or a unit', () => {
  it('takes the comparator of a %-format from the display text', () => {
    expect(parseValue({ value: 0.05, numberFormat: '"≤"0%', text: '≤5%' })).toMatchObject({
      kind: 'number', comparator: '<=', direction: 'reverse', value: 0.05, written: 5, unit: { name: '%' }, raw: '≤5%',
    });
    expect(parseValue({ value: 0.95, numberFormat: '"≥"0.0%', text: '≥95.0%' })).toMatchObject({ comparator: '>=', value: 0.95, written: 95 });
    // Display rounding: 5.12% shown as "≤5%".
    expect(parseValue({ value: 0.0512, numberFormat: '"≤"0%', text: '≤5%' })).toMatchObject({ comparator: '<=', value: 0.0512, written: 5.12 });
  });

  it('takes comparator and unit printed by the format around the written number', () => {
    expect(parseValue({ value: 5, numberFormat: '"≤"0"%"', text: '≤5%' })).toMatchObject({ comparator: '<=', value: 0.05, written: 5, unit: { name: '%' } });
    expect(parseValue({ value: 1500, numberFormat: '"≤"0"万元"', text: '≤1500万元' })).toMatchObject({
      comparator: '<=', direction: 'reverse', value: 15e6, written: 1500, unit: { name: '万元', dimension: 'money' },
    });
    expect(parseValue({ value: 10, numberFormat: '"≥"0"个"', text: '≥10个' })).toMatchObject({ comparator: '>=', value: 10, unit: { name: '个' } });
  });

  it('does not let display text that shows another number override the value', () => {
    expect(parseValue({ value: 0.05, numberFormat: '0%', text: '≤9%' })).toMatchObject({ comparator: null, value: 0.05, written: 5 });
    expect(parseValue({ value: 1500, numberFormat: '0', text: '≤1500万元' })).toMatchObject({ comparator: null, value: 1500, unit: null });
    expect(parseValue({ value: 5, numberFormat: '"≤"0"%"', text: '≤7%' })).toMatchObject({ comparator: null, value: 5 });
  });
});
