/** Offline checks of manifest.xml (the online `npm run validate` needs Microsoft's service). */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.join(__dirname, '../..');
const XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DEV = 'https://localhost:3000/';

/** fast-xml-parser's preserveOrder node: { tag: children[], ':@': attributes }. */
type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
const tagOf = (n: Node): string => Object.keys(n).find((k) => k !== ':@') as string;
const kids = (n: Node): Node[] => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as Node[]) : []);
const attr = (n: Node, name: string): string | undefined => n[':@']?.[`@_${name}`];

const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(XML) as Node[];
const officeApp = tree.find((n) => tagOf(n) === 'OfficeApp') as Node;

function walk(n: Node, visit: (n: Node, parents: string[]) => void, parents: string[] = []): void {
  visit(n, parents);
  for (const k of kids(n)) walk(k, visit, [...parents, tagOf(n)]);
}
const all: { node: Node; parents: string[] }[] = [];
walk(officeApp, (node, parents) => all.push({ node, parents }));

test('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
  expect(XMLValidator.validate(XML)).toBe(true);
  expect(attr(officeApp, 'xsi:type')).toBe('TaskPaneApp');
});

test('OfficeApp children are in schema order', () => {
  const ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
    'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
  const present = kids(officeApp).map(tagOf).filter((t) => t !== '#comment');
  expect(present.every((t) => ORDER.includes(t))).toBe(true);
  const idx = present.map((t) => ORDER.indexOf(t));
  expect(idx).toEqual([...idx].sort((a, b) => a - b));
  for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Hosts', 'DefaultSettings', 'Permissions']) {
    expect(present).toContain(required);
  }
});

test('Excel workbook, read/write, zh-CN default, ExcelApi 1.9 floor', () => {
  expect(XML).toMatch(/<Host Name="Workbook"\/>/);
  expect(XML).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  expect(XML).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
  expect(XML).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
  expect(XML).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
});

describe('resources', () => {
  const defined = new Map<string, string>(); // id -> collection (Images, Urls, ShortStrings, LongStrings)
  for (const { node, parents } of all) {
    const id = attr(node, 'id');
    const coll = parents[parents.length - 1];
    if (id && ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'].includes(coll)) {
      expect(defined.has(id)).toBe(false); // unique
      defined.set(id, coll.slice(3));
    }
  }
  /** Which collection a resid must come from, by the element that uses it. */
  const wanted = (tag: string): string => {
    if (tag === 'bt:Image') return 'Images';
    if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(tag)) return 'Urls';
    if (tag === 'Description') return 'LongStrings';
    return 'ShortStrings'; // Label, Title (group, control, supertip, GetStarted)
  };
  const used = all.filter(({ node }) => attr(node, 'resid') !== undefined);

  test('every resid resolves to a resource of the right kind', () => {
    expect(used.length).toBeGreaterThan(10);
    for (const { node } of used) {
      const resid = attr(node, 'resid') as string;
      expect([resid, defined.get(resid)]).toEqual([resid, wanted(tagOf(node))]);
    }
  });

  test('every resource is used, ids fit in 32 characters', () => {
    const usedIds = new Set(used.map(({ node }) => attr(node, 'resid')));
    for (const id of defined.keys()) {
      expect(usedIds.has(id)).toBe(true);
      expect(id.length).toBeLessThanOrEqual(32);
    }
    for (const { node } of all.filter(({ node }) => tagOf(node) === 'TaskpaneId')) {
      const text = (kids(node)[0] as Record<string, string>)['#text'];
      expect(text.length).toBeLessThanOrEqual(32);
    }
  });

  test('every string has an en-US override', () => {
    const strings = all.filter(({ node, parents }) => tagOf(node) === 'bt:String' && parents.some((p) => p.endsWith('Strings')));
    expect(strings.length).toBeGreaterThan(5);
    for (const { node } of strings) {
      expect(kids(node).map((k) => [tagOf(k), attr(k, 'Locale')])).toContainEqual(['bt:Override', 'en-US']);
    }
    expect(XML).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
  });
});

test('ribbon: group 绩效自评 on the Home tab with 一键重算, 清除标记, 打开助手', () => {
  expect(XML).toMatch(/<OfficeTab id="TabHome">/);
  const fn = [...XML.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]);
  expect(fn).toEqual(['recompute', 'clearMarks']);
  expect(XML).toMatch(/<Action xsi:type="ShowTaskpane">/);
  for (const label of ['绩效自评', '一键重算', '清除标记', '打开助手']) expect(XML).toContain(`DefaultValue="${label}"`);
  const commands = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8') + fs.readFileSync(path.join(ROOT, 'src/commands/runCommand.ts'), 'utf8');
  for (const name of fn) expect(commands).toContain(`'${name}'`);
});

test('all URLs are https; assets exist with the declared pixel size; pages exist', () => {
  const urls = [...XML.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u.startsWith(DEV)).toBe(true);
  for (const u of urls.filter((x) => x.endsWith('.png'))) {
    const file = path.join(ROOT, u.slice(DEV.length));
    expect(fs.existsSync(file)).toBe(true);
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const size = Number(/icon-(\d+)\.png$/.exec(u)?.[1]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
  const sources: Record<string, string> = {
    'taskpane.html': 'src/taskpane/taskpane.html',
    'commands.html': 'src/commands/commands.html',
    'help.html': 'public/help.html',
  };
  for (const u of urls.filter((x) => x.endsWith('.html'))) {
    const page = u.slice(DEV.length);
    expect(Object.keys(sources)).toContain(page);
    expect(fs.existsSync(path.join(ROOT, sources[page]))).toBe(true);
  }
  for (const size of [16, 32, 64, 80]) expect(XML + fs.readdirSync(path.join(ROOT, 'assets')).join()).toContain(`icon-${size}.png`);
});
