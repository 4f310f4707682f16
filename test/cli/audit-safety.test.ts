/** selfeval audit never writes its summary over a workbook it reads, nor over any file that is not its own earlier summary. */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/capture';
import { isAuditReport, REPORT_MARKER } from '../../src/cli/outfile';

const FIXTURES = join(__dirname, '../fixtures');
const SEED = join(FIXTURES, 'seed-longquan-2023.xlsx');
const YUNNAN = join(FIXTURES, 'yunnan-yongde-2022-project.xlsx');

function folder(): { dir: string; inbox: string; a: string; b: string } {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-audit-safe-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'sub'), { recursive: true });
  const a = join(inbox, 'a.xlsx');
  const b = join(inbox, 'sub', 'b.xlsx');
  copyFileSync(SEED, a);
  copyFileSync(YUNNAN, b);
  return { dir, inbox, a, b };
}

async function sheetsOf(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}

describe('audit refuses an -o that is one of its inputs', () => {
  it('a form found inside the folder: exit 2, a clear message, nothing written', async () => {
    const { inbox, a, b } = folder();
    const before = readdirSync(inbox);
    const r = await runCli(['audit', inbox, '-o', a]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`未写入汇总：${a} 是要汇总的工作簿之一，selfeval 不会覆盖原表`);
    expect(readFileSync(a)).toEqual(readFileSync(SEED));
    expect(readdirSync(inbox)).toEqual(before); // no temporary file either
    // Deeper in the folder too, and in English on request.
    const en = await runCli(['audit', inbox, '-o', b, '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`Summary not written: ${b} is one of the workbooks being audited`);
    expect(readFileSync(b)).toEqual(readFileSync(YUNNAN));
  });

  it('a file named on the command line, as itself, through a symlink, or a hard link', async () => {
    const { dir, a } = folder();
    const r = await runCli(['audit', a, '-o', a]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不会覆盖原表/);
    const link = join(dir, 'link.xlsx');
    symlinkSync(a, link);
    const viaLink = await runCli(['audit', a, '-o', link]);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toContain(`${link} 就是要汇总的工作簿 ${a}`);
    const hard = join(dir, 'hard.xlsx');
    linkSync(a, hard);
    expect((await runCli(['audit', hard, '-o', a])).code).toBe(2);
    // A relative spelling of the same path.
    const rel = await runCli(['audit', a, '-o', join(dir, 'inbox', '..', 'inbox', 'a.xlsx')]);
    expect(rel.code).toBe(2);
    expect(readFileSync(a)).toEqual(readFileSync(SEED));
  });

  it('checks one workbook once however often it is found: named twice, through a link, inside a folder named too', async () => {
    const { dir, inbox, a } = folder();
    symlinkSync(a, join(inbox, 'via-link.xlsx'));
    linkSync(a, join(inbox, 'hard-link.xlsx'));
    const r = await runCli(['audit', a, inbox, a, '-o', join(dir, 'summary.xlsx'), '--json']);
    expect(r.code).toBe(1);
    const listed = JSON.parse(r.stdout).inventory as { file: string; status: string; reason: string | null }[];
    const byName = (f: string) => listed.find((e) => e.file.endsWith(f));
    expect(byName('hard-link.xlsx')).toMatchObject({ status: 'skipped', reason: "与 a.xlsx 是同一个文件，只检查一次" });
    expect(byName('via-link.xlsx')).toMatchObject({ status: 'skipped' });
    expect(byName('sub/b.xlsx')).toMatchObject({ status: 'checked' });
    expect(listed.filter((e) => e.status === 'checked')).toHaveLength(2);
  });

  it('an unreadable .xlsx in the folder is an input too', async () => {
    const { inbox } = folder();
    const broken = join(inbox, 'broken.xlsx');
    writeFileSync(broken, '单位,得分\n龙泉,97\n');
    const r = await runCli(['audit', inbox, '-o', broken]);
    expect(r.code).toBe(2);
    expect(readFileSync(broken, 'utf8')).toBe('单位,得分\n龙泉,97\n');
  });
});

describe('audit never replaces a file that is not its own earlier summary', () => {
  it('refuses an existing workbook or text file that is not being audited', async () => {
    const { dir, inbox } = folder();
    const other = join(dir, 'other.xlsx');
    copyFileSync(YUNNAN, other);
    const r = await runCli(['audit', join(inbox, 'a.xlsx'), '-o', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${other} 已存在，且不是 selfeval 生成的汇总表`);
    expect(readFileSync(other)).toEqual(readFileSync(YUNNAN));
    const notes = join(dir, 'notes.xlsx');
    writeFileSync(notes, 'my notes');
    const en = await runCli(['audit', inbox, '-o', notes, '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('already exists and is not a summary written by selfeval');
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });

  it('refuses a folder as -o, and a path in a folder that does not exist', async () => {
    const { dir, inbox } = folder();
    const r = await runCli(['audit', inbox, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是一个文件夹');
    const nowhere = await runCli(['audit', inbox, '-o', join(dir, 'no-such-folder', 'r.xlsx')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('所在的文件夹不存在');
  });

  it('replaces its own earlier summary, and an empty file', async () => {
    const { dir, inbox } = folder();
    const out = join(dir, 'report.xlsx');
    expect((await runCli(['audit', inbox, '-o', out])).code).toBe(1);
    expect(isAuditReport(out)).toBe(true);
    const again = await runCli(['audit', inbox, '-o', out, '--lang', 'en-US']);
    expect(again.code).toBe(1);
    expect(await sheetsOf(out)).toEqual(['Forms', 'Findings', 'Files']);
    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    expect((await runCli(['audit', inbox, '-o', empty])).code).toBe(1);
    expect(await sheetsOf(empty)).toEqual(['自评表汇总', '问题清单', '文件清单']);
  });
});

describe('a summary left inside the audited folder', () => {
  it('is not audited on the next run, whether it is the output or an older one', async () => {
    const { inbox } = folder();
    const out = join(inbox, 'report.xlsx');
    const first = await runCli(['audit', inbox, '-o', out, '--json']);
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout).files.map((f: { file: string }) => f.file).sort()).toEqual(['a.xlsx', 'b.xlsx']);
    const second = await runCli(['audit', inbox, '-o', out, '--json']);
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout).files.map((f: { file: string }) => f.file).sort()).toEqual(['a.xlsx', 'b.xlsx']);
    expect(second.stderr).not.toContain('跳过'); // the output itself is replaced, not reported as skipped
    // An older summary under another name is skipped, with a line saying so.
    const old = join(inbox, 'sub', 'last-year.xlsx');
    copyFileSync(out, old);
    const third = await runCli(['audit', inbox, '-o', join(inbox, 'new.xlsx'), '--json']);
    expect(JSON.parse(third.stdout).files).toHaveLength(2);
    expect(third.stderr).toContain(`跳过 ${old}：这是 selfeval 生成的汇总表`);
    expect(existsSync(join(inbox, 'new.xlsx'))).toBe(true);
    // Named on the command line, it is audited (and yields form-not-found), as asked.
    const named = await runCli(['audit', old, '-o', join(inbox, 'named.xlsx'), '--json']);
    expect(JSON.parse(named.stdout).files[0].findings.map((f: { code: string }) => f.code)).toContain('form-not-found');
  });
});

describe('isAuditReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-isreport-'));
  const write = async (name: string, creator: string | undefined, sheets: string[], keywords?: string) => {
    const wb = new ExcelJS.Workbook();
    if (creator !== undefined) wb.creator = creator;
    if (keywords !== undefined) wb.keywords = keywords;
    for (const s of sheets) wb.addWorksheet(s).getCell('A1').value = 'x';
    const file = join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  };

  it('knows a summary by its marker, or by creator selfeval and its two sheets (reports written before the marker)', async () => {
    expect(isAuditReport(await write('marker.xlsx', 'someone', ['Sheet1'], REPORT_MARKER))).toBe(true);
    expect(isAuditReport(await write('old-zh.xlsx', 'selfeval', ['自评表汇总', '问题清单']))).toBe(true);
    expect(isAuditReport(await write('old-en.xlsx', 'selfeval', ['Forms', 'Findings']))).toBe(true);
  });

  it('does not take a clerk\'s workbook for one', async () => {
    expect(isAuditReport(await write('hand.xlsx', '张三', ['自评表汇总', '问题清单']))).toBe(false);
    expect(isAuditReport(await write('more.xlsx', 'selfeval', ['自评表汇总', '问题清单', '备注']))).toBe(false);
    expect(isAuditReport(SEED)).toBe(false);
    writeFileSync(join(dir, 'text.xlsx'), 'PK but not a zip');
    expect(isAuditReport(join(dir, 'text.xlsx'))).toBe(false);
    expect(isAuditReport(join(dir, 'missing.xlsx'))).toBe(false);
    expect(isAuditReport(dir)).toBe(false);
  });
});
