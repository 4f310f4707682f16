/** webpack.config.js: manifest URL rewrite per mode, plain HTTP for `npm start`, no certs in builds. */
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(__dirname, '../../webpack.config.js')) as (env: object, argv: object) => Promise<Record<string, any>>;

type Pattern = { from: string; transform?: (b: Buffer) => Buffer | string };
const manifestTransform = (c: Record<string, any>) => {
  const copy = c.plugins.find((p: object) => p.constructor.name === 'CopyPlugin') as { patterns: Pattern[] };
  return copy.patterns.find((p) => p.from.startsWith('manifest'))?.transform as (b: Buffer) => Buffer | string;
};
const SAMPLE = Buffer.from('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/><x v="https://localhost:3000/taskpane.html"/>');

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

test('production rewrites localhost URLs to SELFEVAL_PROD_URL (default selfeval.example.gov.cn)', async () => {
  const out = manifestTransform(await config({ WEBPACK_BUILD: true }, { mode: 'production' }))(SAMPLE).toString();
  expect(out).not.toContain('localhost');
  expect(out).toContain('https://selfeval.example.gov.cn/assets/icon-32.png');
  expect(out).toContain('https://selfeval.example.gov.cn/taskpane.html');
});

test('development keeps localhost URLs', async () => {
  const out = manifestTransform(await config({ WEBPACK_SERVE: true }, { mode: 'development' }))(SAMPLE).toString();
  expect(out).toBe(SAMPLE.toString());
});

test('npm start serves plain HTTP; HTTPS only on request', async () => {
  process.env.npm_lifecycle_event = 'start';
  delete process.env.HTTPS;
  delete process.env.SELFEVAL_HTTPS;
  const c = await config({ WEBPACK_SERVE: true }, { mode: 'development' });
  expect(c.devServer.server).toBe('http');
  expect(c.devServer.port).toBe(3000);
  const build = await config({ WEBPACK_BUILD: true }, { mode: 'production' });
  expect(build.devServer.server).toBe('http'); // a build never asks for certificates
});

test('three pages, office.js only where Office runs, overridable', async () => {
  const c = await config({ WEBPACK_BUILD: true }, { mode: 'production' });
  const pages = c.plugins.filter((p: object) => p.constructor.name === 'HtmlWebpackPlugin')
    .map((p: { userOptions: Record<string, unknown> }) => [p.userOptions.filename, p.userOptions.chunks, p.userOptions.officeJs]);
  expect(pages.map((p: unknown[]) => p[0])).toEqual(['taskpane.html', 'commands.html', 'playground.html']);
  expect(pages[0][2]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  expect(Object.keys(c.entry)).toEqual(['taskpane', 'commands', 'playground']);
  expect(c.optimization.splitChunks.cacheGroups.exceljs.test.test('/x/node_modules/exceljs/dist/exceljs.min.js')).toBe(true);
});
