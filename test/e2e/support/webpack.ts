/** What the e2e builds share: whether a build is newer than its inputs, and one webpack run. */
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import type { Configuration } from 'webpack';

const ROOT = join(__dirname, '../../..');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), st.mtimeMs);
}

/** True when no file under the inputs (paths from the repository root) changed after `built` (mtime, ms). */
export function newerThanInputs(built: number, inputs: readonly string[]): boolean {
  return inputs.every((p) => newest(join(ROOT, p)) <= built);
}

/** Runs webpack once over config; rejects with the compile errors. */
export async function runWebpack(config: Configuration): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  const compiler = webpack(config);
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}
