/**
 * The TypeScript part both webpack configs share (webpack.config.js, webpack.wps.config.js).
 * Type checking is `npm run typecheck`; the bundle only needs transpiling, as ES modules for tree
 * shaking.
 */

/** Module resolution: .ts/.tsx first (a fresh object per config). */
const tsResolve = () => ({ extensions: ['.ts', '.tsx', '.js', '.json'] });

/** The ts-loader rule; `compilerOptions` adds to module: 'esnext' (target, sourceMap). */
function tsRule(compilerOptions) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: { transpileOnly: true, compilerOptions: { module: 'esnext', ...compilerOptions } },
    },
  };
}

module.exports = { tsResolve, tsRule };
