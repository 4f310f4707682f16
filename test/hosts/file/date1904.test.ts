/** isDate1904 finds the same `<workbookPr>` as a search of the whole part (its search starts late, for speed). */
import { isDate1904 } from '../../../src/hosts/file/rawparts';
import { getAttr } from '../../../src/hosts/file/xml';

/** The whole-part search isDate1904 replaced. */
function reference(xml: string): boolean {
  const tag = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(xml)?.[0];
  const v = tag ? getAttr(tag, 'date1904') : undefined;
  return v === '1' || v === 'true';
}

const cases = [
  '<workbook><workbookPr date1904="1"/></workbook>',
  '<workbook><workbookPr/></workbook>',
  '<workbook><fileVersion/></workbook>',
  '<x:workbook xmlns:x="m"><x:workbookPr date1904="true"/></x:workbook>',
  '<x:workbook xmlns:x="m"><x.y-z:workbookPr date1904="1"/></x:workbook>',
  '<workbook><workbookProtection lockStructure="1"/><workbookPr date1904="1"/></workbook>',
  '<workbook a="workbookPr"><workbookPr date1904="1"/></workbook>',
  '<workbook><!-- workbookPr --><workbookPr date1904="0"/></workbook>',
  'workbookPr<workbookPr date1904="1"/>',
  '<workbook>workbookPr date1904="1"</workbook>',
  '<workbookPrX date1904="1"/><workbookPr date1904="1"/>',
  '<a:b:workbookPr date1904="1"/>',
];

it.each(cases)('%s', (xml) => expect(isDate1904(xml)).toBe(reference(xml)));

it('finds the first tag where several are given', () => {
  expect(isDate1904('<workbook><workbookPr date1904="1"/><workbookPr date1904="0"/></workbook>')).toBe(true);
  expect(isDate1904('<workbook><workbookPr/><workbookPr date1904="1"/></workbook>')).toBe(false);
});
