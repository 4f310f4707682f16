/**
 * Builds the WPS 表格 add-in into dist-wps/ (shared/notes/wps-addin.md §5.3-5.4):
 *   index.html + entry.js     the hidden entry page that defines window.ribbon
 *   taskpane.html + *.js      the same React + Fluent task pane as Excel, over the WPS host
 *   ribbon.xml, manifest.xml, images/*.svg
 *   publish.xml, jsplugins.xml, offline/, selfeval_<version>.zip   (scripts/wps/package.js)
 * Classic scripts only (module scripts do not run from file://, where offline add-ins load from),
 * relative paths, and ES2017 syntax throughout, node_modules included (the Chromium inside WPS is
 * unpublished and older builds may be far behind): esbuild lowers every emitted file.
 *
 *   npm run build:wps     production build and packages
 *   npm run start:wps     development build, watched, served on http://127.0.0.1:3889/
 *
 * Env: SELFEVAL_WPS_URL  base URL of the online add-in, written into publish.xml/jsplugins.xml
 *                        (default: the start:wps server, http://127.0.0.1:3889/)
 *      SELFEVAL_WPS_PORT port of start:wps (default 3889, the port wpsjs uses)
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { contentSecurityPolicy } = require('./src/security/csp');
const { packageWps } = require('./scripts/wps/package');
const { tsResolve, tsRule } = require('./scripts/webpack-ts');
const pkg = require('./package.json');

/** webpack's own minimizer plugin (a dependency of webpack), driven by esbuild to lower syntax. */
function minimizerPlugin() {
  const paths = [path.dirname(require.resolve('webpack/package.json')), __dirname];
  // webpack 5.11x ships minimizer-webpack-plugin; earlier 5.x terser-webpack-plugin, with the same esbuildMinify.
  for (const name of ['minimizer-webpack-plugin', 'terser-webpack-plugin']) {
    try {
      return require(require.resolve(name, { paths }));
    } catch {
      // try the next one
    }
  }
  throw new Error('webpack.wps.config.js: neither minimizer-webpack-plugin nor terser-webpack-plugin is installed');
}
const MinimizerPlugin = minimizerPlugin();

const PORT = Number(process.env.SELFEVAL_WPS_PORT || 3889);
const BASE_URL = process.env.SELFEVAL_WPS_URL || `http://127.0.0.1:${PORT}/`;
const DIST = path.resolve(__dirname, 'dist-wps');
/** The syntax level of every emitted script. */
const ES = 'es2017';

/** After a build (not under the dev server), writes the registration files and the offline package. */
class WpsPackagePlugin {
  constructor(dev) {
    this.dev = dev;
  }

  apply(compiler) {
    const dev = this.dev;
    compiler.hooks.afterEmit.tap('WpsPackagePlugin', () => {
      const out = packageWps(compiler.options.output.path, { name: pkg.name, version: pkg.version, baseUrl: BASE_URL });
      const log = compiler.getInfrastructureLogger('wps');
      log.info(`WPS add-in: ${out.files.length} files; publish.xml -> ${BASE_URL}; offline ${path.relative(__dirname, out.zip)}`);
      if (!process.env.SELFEVAL_WPS_URL && !dev) log.info('SELFEVAL_WPS_URL is not set: publish.xml points at the start:wps server');
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const serve = Boolean(env.WEBPACK_SERVE);
  const page = (name, chunk) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/wps/${name}.html`,
      chunks: [chunk],
      scriptLoading: 'blocking',
      inject: 'body',
      // ?<hash> on the script URLs: WPS caches the add-in's pages (notes §6).
      hash: true,
      minify: false,
      // <meta http-equiv="Content-Security-Policy"> first in <head> (src/security/csp.js): no office.js here.
      csp: contentSecurityPolicy({ officeJs: null, dev }),
    });
  return {
    name: 'wps',
    mode: dev ? 'development' : 'production',
    target: ['web', ES],
    devtool: dev ? 'cheap-source-map' : false,
    entry: {
      entry: './src/wps/entry.ts',
      taskpane: './src/wps/taskpane.tsx',
    },
    output: {
      path: DIST,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // Resolved from the running script's own URL: works under file://, a sub-path and the dev server.
      publicPath: 'auto',
      chunkLoading: 'jsonp',
      clean: true,
    },
    resolve: tsResolve(),
    module: {
      rules: [tsRule({ target: ES, sourceMap: dev })],
    },
    optimization: {
      // One file per page; the engine stays a chunk of its own for the pane (lazyAssistant).
      splitChunks: false,
      minimize: true,
      minimizer: [
        new MinimizerPlugin({
          minify: MinimizerPlugin.esbuildMinify,
          // format iife: esbuild's helpers stay out of the pages' global scope.
          minimizerOptions: { target: ES, format: 'iife', minify: !dev, charset: 'utf8' },
        }),
      ],
    },
    performance: { hints: false },
    plugins: [
      page('index', 'entry'),
      page('taskpane', 'taskpane'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/wps/manifest.xml', to: 'manifest.xml' },
          { from: 'assets/wps/*.svg', to: 'images/[name][ext]' },
        ],
      }),
      ...(serve ? [] : [new WpsPackagePlugin(dev)]),
    ],
    devServer: {
      host: '127.0.0.1',
      port: PORT,
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
      // WPS caches ribbon.xml and pages (notes §6); the ribbon must be reachable as is.
      headers: { 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' },
      // ribbon.xml and manifest.xml as UTF-8 text (Chinese labels).
      devMiddleware: { writeToDisk: true, mimeTypes: { xml: 'text/xml; charset=utf-8' } },
      static: false,
      setupMiddlewares: (middlewares) => {
        console.log(`\nWPS add-in served on http://127.0.0.1:${PORT}/ — register it in jsaddons/publish.xml with:\n  ` +
          `<jspluginonline name="${pkg.name}" type="et" url="http://127.0.0.1:${PORT}/" debug="" enable="enable_dev" install="null"/>\n`);
        return middlewares;
      },
    },
    stats: dev ? 'minimal' : 'normal',
  };
};
