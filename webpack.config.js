/**
 * Builds the Excel task pane, the ribbon function commands and the browser playground into dist/.
 * Modelled on Microsoft's Office-Addin-TaskPane-React template, minus IE11 polyfills, babel and
 * office-js-helpers.
 *
 *   npm run build                 production build (no certificates needed)
 *   npm start                     playground over plain HTTP on http://localhost:3000/playground.html
 *   npm run start:excel           office-addin-debugging runs `npm run dev-server` -> HTTPS with dev certs
 *
 * Env: SELFEVAL_PROD_URL  base URL written into dist/manifest.xml (default https://selfeval.example.gov.cn/)
 *      OFFICE_JS_URL      office.js location (default: Microsoft's CDN; set it for intranets)
 *      HTTPS=1 / SELFEVAL_HTTPS=1 or `--env https`: serve HTTPS with office-addin-dev-certs
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { contentSecurityPolicy, foreignUrls } = require('./src/security/csp');
const { tsResolve, tsRule } = require('./scripts/webpack-ts');

const DEV_URL = 'https://localhost:3000/';
const PROD_URL = withSlash(process.env.SELFEVAL_PROD_URL || 'https://selfeval.example.gov.cn/');
const OFFICE_JS = process.env.OFFICE_JS_URL || 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

function withSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}

function truthy(v) {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** HTTPS only when asked for, or when office-addin-debugging starts the server (`npm run dev-server`). */
function wantsHttps(env) {
  const script = process.env.npm_lifecycle_event || '';
  return Boolean(env.https) || truthy(process.env.HTTPS) || truthy(process.env.SELFEVAL_HTTPS) ||
    script === 'dev-server' || script.startsWith('start:excel');
}

async function serverOptions(env) {
  if (!env.WEBPACK_SERVE || !wantsHttps(env)) return 'http';
  const devCerts = require('office-addin-dev-certs');
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { type: 'https', options: { ca, key, cert } };
}

/** Writes dist/chunks.json: per page, the scripts it loads first and those it fetches later (for `npm run bench`). */
class ChunkManifest {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ChunkManifest', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ChunkManifest', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const pages = {};
        for (const [name, entry] of compilation.entrypoints) {
          const initial = entry.getFiles().filter((f) => f.endsWith('.js'));
          const later = new Set();
          const walk = (group) => group.getChildren().forEach((child) => {
            child.getFiles().forEach((f) => f.endsWith('.js') && !initial.includes(f) && later.add(f));
            walk(child);
          });
          walk(entry);
          pages[name] = { initial, later: [...later] };
        }
        compilation.emitAsset('chunks.json', new compiler.webpack.sources.RawSource(JSON.stringify(pages, null, 1)));
      });
    });
  }
}

/**
 * Takes out of the JS bundles every URL to a host other than Office.js's and XML namespaces'
 * (src/security/csp.js): libraries' documentation and error-decoder links in message strings. The
 * pages never fetch them (connect-src 'self'), but a bundle that names no other host is one an
 * intranet reviewer can check with grep. Runs before minification; source maps are kept.
 */
class NoForeignUrls {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('NoForeignUrls', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'NoForeignUrls', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.js')) continue;
          const source = compilation.getAsset(name).source;
          const found = foreignUrls(source.source().toString());
          if (!found.length) continue;
          const replaced = new sources.ReplaceSource(source);
          for (const { url, index } of found) replaced.replace(index, index + url.length - 1, 'about:blank');
          compilation.updateAsset(name, replaced);
        }
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const page = (name, extra) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${name}/${name}.html`,
      chunks: [name],
      officeJs: OFFICE_JS,
      // <meta http-equiv="Content-Security-Policy"> first in <head> (src/security/csp.js); the playground loads no office.js.
      csp: contentSecurityPolicy({ officeJs: name === 'playground' ? null : OFFICE_JS, dev }),
      ...extra,
    });

  return {
    mode: dev ? 'development' : 'production',
    // Office runs add-ins in WebView2/WKWebView and WPS in Chromium: modern output, no ES5 runtime.
    target: ['web', 'es2020'],
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      playground: './src/playground/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: tsResolve(),
    module: {
      rules: [
        tsRule({ sourceMap: true }),
        { test: /\.(png|jpe?g|gif|svg|woff2?)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // ExcelJS is imported (dynamically) only by the playground, for what the direct reader leaves to it:
          // its own chunk, fetched on such a file. fflate, which the direct reader uses, stays out of it.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', priority: 30 },
          // React and Fluent are left to webpack's default split: a named chunk would hold the union of what
          // every page uses, and the task pane would load the playground's extra components.
        },
      },
    },
    performance: {
      hints: dev ? false : 'warning',
      // The task pane (React + Fluent) should stay under these; the playground's ExcelJS chunk is exempt.
      maxEntrypointSize: 1_500_000,
      maxAssetSize: 1_000_000,
      assetFilter: (file) => /\.js$/.test(file) && !/^exceljs\./.test(file),
    },
    plugins: [
      new ChunkManifest(),
      new NoForeignUrls(),
      page('taskpane'),
      page('commands'),
      page('playground'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform: (content) => (dev ? content : Buffer.from(content.toString().split(DEV_URL).join(PROD_URL))),
          },
          { from: 'public', to: '.', noErrorOnMissing: true },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: PORT,
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: await serverOptions(env),
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
    },
    stats: dev ? 'minimal' : 'normal',
  };
};
