/**
 * The WPS add-in for the browser tests: dist-wps/ when `npm run build:wps` left one newer than its
 * inputs, else a production build through webpack.wps.config.js (which also packages it); and the
 * fake Application bundled for the page by esbuild, with the seed workbook.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { FileHost } from '../../../src/hosts/file/host';
import { newerThanInputs, runWebpack } from './webpack';

export const ROOT = join(__dirname, '../../..');
export const DIST_WPS = join(ROOT, 'dist-wps');
const INPUTS = ['src', 'assets/wps', 'scripts/wps', 'scripts/webpack-ts.js', 'webpack.wps.config.js', 'package.json', 'tsconfig.json'];

function version(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function offlineFolder(): string {
  return join(DIST_WPS, 'offline', `selfeval_${version()}`);
}

/** True when dist-wps holds a packaged build newer than every input. */
export function isFresh(): boolean {
  const marker = join(DIST_WPS, `selfeval_${version()}.zip`);
  if (!existsSync(marker) || !existsSync(join(offlineFolder(), 'index.html'))) return false;
  // The packaging step rewrites the zip on every build; webpack leaves unchanged files untouched.
  const built = statSync(marker).mtimeMs;
  return newerThanInputs(built, INPUTS);
}

export async function buildWps(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(join(ROOT, 'webpack.wps.config.js')) as (env: object, argv: object) => import('webpack').Configuration;
  await runWebpack({ ...configure({ WEBPACK_BUILD: true }, { mode: 'production' }), infrastructureLogging: { level: 'warn' } });
}

/** dist-wps/, built when missing or stale. */
export async function wpsDist(): Promise<string> {
  if (!isFresh()) await buildWps();
  return DIST_WPS;
}

/** The fake Application as one classic script defining window.__installFakeWps. */
export async function fakeWpsScript(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const out = await esbuild.build({
    entryPoints: [join(__dirname, 'wps-fake-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2017',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export async function seedSnapshot(): Promise<WorkbookSnapshot> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/seed-longquan-2023.xlsx')));
  return new FileHost(bytes, 'seed-longquan-2023.xlsx').read();
}
