/**
 * The playground bundle for the browser tests: dist/ when `npx webpack --mode production` left a
 * fresh one, else a production build of the playground entry alone into test-output/e2e-dist.
 */
import { existsSync, statSync } from 'fs';
import { join } from 'path';
import { newerThanInputs, runWebpack } from './webpack';

const ROOT = join(__dirname, '../../..');
const INPUTS = ['src', 'public', 'webpack.config.js', 'scripts/webpack-ts.js', 'package.json', 'tsconfig.json'];

/** True when dir holds a playground build newer than every input. */
export function isFresh(dir: string): boolean {
  const html = join(dir, 'playground.html');
  if (!existsSync(html) || !existsSync(join(dir, 'sample/seed-longquan-2023.xlsx'))) return false;
  const built = statSync(html).mtimeMs;
  return newerThanInputs(built, INPUTS);
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
  await runWebpack({
    ...rest,
    mode: 'production',
    devtool: false,
    entry: { playground: entry },
    plugins,
    output: { ...(config.output ?? {}), path: outDir, clean: true },
  } as import('webpack').Configuration);
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
