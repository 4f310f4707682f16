/* global URL */
/**
 * The Content-Security-Policy of every page we serve (task pane, ribbon commands, playground, and the
 * WPS pages): one module, plain CommonJS, so that webpack configs and tests read the same policy.
 *
 * - script-src: our origin and Office.js's only (office.js loads its host scripts from the same CDN);
 *   no inline script and no eval in production builds. Office.js's list of origins is not documented
 *   (office-js#1005); any other origin it needs shows up as a CSP error in a real Excel (docs/excel.md).
 * - style-src allows inline styles: Fluent UI's Griffel inserts <style> elements at run time, and
 *   Office's own host script applies inline styles (office-js#1687). Styles cannot run code.
 * - connect-src: our origin only: the workbook never leaves the page.
 * - object-src 'none', base-uri 'self', form-action 'none': no plugins, no base hijack, no form posts.
 * A <meta> policy cannot set frame-ancestors, which Office on the web needs open anyway (it frames the pane).
 * Development builds add 'unsafe-eval' (eval source maps) and ws: (hot reload): never shipped.
 */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** The origin of an office.js URL ("https://appsforoffice.microsoft.com/lib/1/hosted/office.js" -> its origin), or null for a relative one. */
function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * @param {{ officeJs?: string | null, dev?: boolean }} [options] officeJs: office.js URL (null: a page without it)
 * @returns {string}
 */
function contentSecurityPolicy(options = {}) {
  const { officeJs = OFFICE_JS_ORIGIN, dev = false } = options;
  const office = officeJs ? originOf(officeJs) : null;
  const scripts = ["'self'", ...(office ? [office] : []), ...(dev ? ["'unsafe-eval'"] : [])];
  const directives = {
    'default-src': ["'self'"],
    'script-src': scripts,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Hosts a bundle may name: Office.js's, and those of XML namespace URIs (identifiers that are never
 * fetched). Any other URL in a bundle (a library's error-decoder or documentation link) is taken out
 * by the build (webpack.config.js NoForeignUrls) and checked by test/security/bundles.test.ts.
 */
const ALLOWED_URL_HOSTS = ['appsforoffice.microsoft.com', 'schemas.openxmlformats.org', 'schemas.microsoft.com', 'www.w3.org', 'purl.org'];

const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[A-Za-z0-9.-]+(?::\d+)?[^\s"'`<>)\\]*/g;

/**
 * Every URL in `text` whose host is not allowed, with its position.
 * @param {string} text
 * @param {string[]} [allowed]
 * @returns {{ url: string, index: number }[]}
 */
function foreignUrls(text, allowed = ALLOWED_URL_HOSTS) {
  const out = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const host = /^[a-z]+:\/\/([A-Za-z0-9.-]+)/i.exec(m[0])[1].replace(/\.$/, '').toLowerCase();
    if (!allowed.includes(host)) out.push({ url: m[0], index: m.index });
  }
  return out;
}

module.exports = { contentSecurityPolicy, foreignUrls, ALLOWED_URL_HOSTS, OFFICE_JS_ORIGIN };
