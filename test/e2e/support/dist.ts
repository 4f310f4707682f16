/**
 * The whole production build (every page) for tests that inspect the bundles: dist/ when it is newer
 * than every input, else a fresh `webpack --mode production` into test-output/dist-full.
 */
import { existsSync, statSync } from 'fs';
import { join } from 'path';
import { isFresh } from './build';
import { runWebpack } from './webpack';

const ROOT = join(__dirname, '../../..');
const PAGES = ['taskpane.html', 'commands.html', 'playground.html'];

function complete(dir: string): boolean {
  if (!PAGES.every((p) => existsSync(join(dir, p)))) return false;
  const built = Math.min(...PAGES.map((p) => statSync(join(dir, p)).mtimeMs));
  return isFresh(dir) && built > 0;
}

export async function fullDist(): Promise<string> {
  const dist = join(ROOT, 'dist');
  if (complete(dist)) return dist;
  const out = join(ROOT, 'test-output/dist-full');
  if (complete(out)) return out;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(join(ROOT, 'webpack.config.js'));
  const config = await exported({ WEBPACK_BUILD: true, production: true }, { mode: 'production' });
  const { devServer: _devServer, ...rest } = config;
  await runWebpack({ ...rest, output: { ...rest.output, path: out, clean: true } });
  return out;
}
