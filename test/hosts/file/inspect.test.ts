/** Cell counting in the safety gate: byte scan across chunk boundaries, and parts that stream. */
import { strToU8, zipSync } from 'fflate';
import { cellCounter, inspectWorkbook } from '../../../src/hosts/file/inspect';
import { useNativeInflate } from '../../../src/hosts/file/zip';
import { zlibInflate } from '../../../src/hosts/file/node';

const XML = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c>1</c><c/><c\nr="D1"/><col/><cfRule/></row>'
  + '<row r="2"><c\tr="A2"><is><t>&lt;c abc</t></is></c><cc/><c r="B2"></c></row></sheetData>';
const EXPECTED = 6; // A1, <c>, <c/>, D1, A2, B2 (an escaped "&lt;c" is text, <col>, <cfRule>, <cc> are not cells)

it('counts <c> start tags however the bytes are split into chunks', () => {
  const b = strToU8(XML);
  const whole = cellCounter();
  whole.feed(b);
  expect(whole.count()).toBe(EXPECTED);
  for (let i = 0; i <= b.length; i++) {
    for (const j of [i, i + 1, i + 2, i + 3]) {
      if (j > b.length) continue;
      const c = cellCounter();
      c.feed(b.subarray(0, i));
      c.feed(b.subarray(i, j));
      c.feed(new Uint8Array(0));
      c.feed(b.subarray(j));
      expect([i, j, c.count()]).toEqual([i, j, EXPECTED]);
    }
  }
  const bytewise = cellCounter();
  for (let i = 0; i < b.length; i++) bytewise.feed(b.subarray(i, i + 1));
  expect(bytewise.count()).toBe(EXPECTED);
});

it('counts the cells of a worksheet inflated in one call and of one that streams, with either inflater', () => {
  let s = 1;
  const word = () => Array.from({ length: 12 }, () => String.fromCharCode(97 + ((s = (s * 1103515245 + 12345) >>> 0) >>> 27))).join('');
  const sheet = (n: number) => {
    const cells = Array.from({ length: n }, (_, i) => `<c r="A${i + 1}" t="inlineStr"><is><t>${word()}</t></is></c>`);
    return strToU8(`<worksheet><sheetData><row r="1">${cells.join('')}</row></sheetData></worksheet>`);
  };
  const CT = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  for (const inflater of [null, zlibInflate]) {
    useNativeInflate(inflater); // fflate (the browser), then zlib (Node)
    for (const n of [50, 20_000]) {
      const z = zipSync({ '[Content_Types].xml': strToU8(CT), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': sheet(n) });
      if (n > 50) expect(z.length).toBeGreaterThan(64 * 1024); // fflate's streaming path
      expect(inspectWorkbook(z).cells).toBe(n);
    }
  }
});
