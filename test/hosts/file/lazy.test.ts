/**
 * ExcelJS is loaded only when the direct reader leaves a workbook to it: a Node process reading the
 * seed never requires it (about 100 ms of every CLI start), one reading a prefixed package does.
 * Run in a child process, where require.cache is Node's own (jest keeps a registry of its own).
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '../../..');

const SCRIPT = `
const fs = require('fs');
const { strFromU8, strToU8, unzipSync, zipSync } = require('fflate');
const { FileHost } = require('./src/hosts/file/node.ts');
const loaded = () => Object.keys(require.cache).filter((k) => k.includes('node_modules/exceljs/')).length;
(async () => {
  const seed = new Uint8Array(fs.readFileSync('test/fixtures/seed-longquan-2023.xlsx'));
  const a = await new FileHost(seed.slice(), 'seed.xlsx').read();
  const afterSeed = loaded();
  const parts = unzipSync(seed);
  const name = 'xl/worksheets/sheet2.xml';
  parts[name] = strToU8(strFromU8(parts[name]).replace(/<(\\/?)(?![\\w.-]+:)([A-Za-z_][\\w.-]*)(?=[\\s/>])/g, '<$1x:$2').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'));
  const b = await new FileHost(zipSync(parts), 'prefixed.xlsx').read();
  console.log(JSON.stringify({ afterSeed, afterPrefixed: loaded(), same: JSON.stringify(a.sheets) === JSON.stringify(b.sheets) }));
})();
`;

it('reads the seed without loading ExcelJS, and loads it for a package the direct reader leaves to it', () => {
  const out = execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out.trim().split('\n').pop() as string)).toEqual({ afterSeed: 0, afterPrefixed: expect.any(Number), same: true });
  expect(JSON.parse(out.trim().split('\n').pop() as string).afterPrefixed).toBeGreaterThan(10);
});
