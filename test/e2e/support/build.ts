/**
 * The playground bundle for the browser tests: dist/ when `npx webpack --mode production` left a
 * fresh one, else a production build of the playground entry alone into test-output/e2e-dist.
 */
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../../..');
const INPUTS = ['src', 'public', 'webpack.config.js', 'package.json', 'tsconfig.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), st.mtimeMs);
}

/** True when dir holds a playground build newer than every input. */
export function isFresh(dir: string): boolean {
  const html = join(dir, 'playground.html');
  if (!existsSync(html) || !existsSync(join(dir, 'sample/seed-longquan-2023.xlsx'))) return false;
  const built = statSync(html).mtimeMs;
  return INPUTS.every((p) => newest(join(ROOT, p)) <= built);
}

type Config = Record<string, unknown> & { entry?: unknown; plugins?: unknown[]; output?: Record<string, unknown> };

async function loadConfig(): Promise<Config> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(join(ROOT, 'webpack.config.js'));
  const raw = typeof exported === 'function' ? await exported({ WEBPACK_BUILD: true, production: true }, { mode: 'production' }) : exported;
  const list: Config[] = Array.isArray(raw) ? raw : [raw];
  const config = list.find((c) => c.entry && typeof c.entry === 'object' && 'playground' in (c.entry as object));
  if (!config) throw new Error('webpack.config.js has no "playground" entry');
  return config;
}

function pluginFilename(p: unknown): string | undefined {
  const o = p as { userOptions?: { filename?: unknown }; options?: { filename?: unknown } };
  const f = o.userOptions?.filename ?? o.options?.filename;
  return typeof f === 'string' ? f : undefined;
}

/** Builds only the playground page (and the copied public files) into outDir. */
export async function buildPlayground(outDir: string): Promise<void> {
  const config = await loadConfig();
  const entry = (config.entry as Record<string, unknown>).playground;
  const plugins = (config.plugins ?? []).filter((p) => {
    const isHtml = p?.constructor?.name === 'HtmlWebpackPlugin';
    return !isHtml || pluginFilename(p) === 'playground.html';
  });
  const { devServer: _devServer, ...rest } = config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  const compiler = webpack({
    ...rest,
    mode: 'production',
    devtool: false,
    entry: { playground: entry },
    plugins,
    output: { ...(config.output ?? {}), path: outDir, clean: true },
  } as import('webpack').Configuration);
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** The folder to serve: fresh dist/, else a new build. */
export async function playgroundDist(): Promise<string> {
  const dist = join(ROOT, 'dist');
  if (isFresh(dist)) return dist;
  const out = join(ROOT, 'test-output/e2e-dist');
  if (isFresh(out)) return out;
  await buildPlayground(out);
  return out;
}
