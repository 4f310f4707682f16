import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { FileHost, readWorkbookFile, writeWorkbookFile } from '../../../src/hosts/file/node';
import { FileHost as BrowserFileHost } from '../../../src/hosts/file/host';
import { MARK_FILLS, STATE_SHEET } from '../../../src/core/edits';
import { FIXTURES, FORM_SHEET, SEED, fixture, hostError } from './helpers';

describe('FileHost', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'selfeval-file-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens, reads, applies, and saves through Node', async () => {
    const host = await FileHost.open(path.join(FIXTURES, SEED));
    expect(host.kind).toBe('file');
    expect(host).toBeInstanceOf(BrowserFileHost);
    const before = await host.read();
    expect(before.name).toBe(SEED);
    await host.apply([
      { sheet: FORM_SHEET, cell: 'H14', value: 14.55, fill: MARK_FILLS.error },
      { sheet: STATE_SHEET, cell: 'A1', value: '{"v":1}' },
    ]);
    await host.select(FORM_SHEET, 'H14');
    const after = await host.read();
    const form = after.sheets.find((s) => s.name === FORM_SHEET);
    expect(form?.values[13][7]).toBe(14.55);
    expect(form?.fills?.[13][7]).toBe('#FFC7CE');
    expect(after.sheets.map((s) => s.visibility)).toEqual(['visible', 'visible', 'veryHidden']);
    const out = path.join(dir, 'out.xlsx');
    await host.save(out);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(host.bytes()))).toBe(true);
    expect((await hostError(() => host.save(out, { exclusive: true }))).code).toBe('write-failed');
  });

  it('a failed apply leaves the bytes untouched', async () => {
    const host = new BrowserFileHost(fixture(SEED));
    const bytes = host.bytes();
    const e = await hostError(() => host.apply([
      { sheet: FORM_SHEET, cell: 'H14', value: 1 },
      { sheet: 'missing', cell: 'A1', value: 1 },
    ]));
    expect(e.code).toBe('write-failed');
    expect(host.bytes()).toBe(bytes);
  });

  it('readWorkbookFile: missing files and folders are clean errors', async () => {
    expect((await hostError(() => readWorkbookFile(path.join(dir, 'nope.xlsx')))).message).toMatch(/no such file/);
    expect((await hostError(() => readWorkbookFile(dir))).message).toMatch(/folder/);
    const csv = path.join(dir, 'data.xlsx');
    writeFileSync(csv, 'a,b\n1,2\n');
    expect((await hostError(() => FileHost.open(csv))).message).toMatch(/CSV/);
    await writeWorkbookFile(path.join(dir, 'copy.xlsx'), fixture(SEED));
    expect((await readWorkbookFile(path.join(dir, 'copy.xlsx'))).length).toBe(fixture(SEED).length);
  });
});
