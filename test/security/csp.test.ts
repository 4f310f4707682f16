/** The locked-down pages (issue 10): one Content-Security-Policy for every page, and a lint rule against HTML from strings. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ESLint } from 'eslint';
import { contentSecurityPolicy, foreignUrls } from '../../src/security/csp';

const ROOT = join(__dirname, '../..');

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('Content-Security-Policy', () => {
  test('scripts from our origin and Office.js’s only, no inline script, no eval, connections to our origin only', () => {
    const d = directives(contentSecurityPolicy());
    expect(d['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'self'"]);
    expect(d['form-action']).toEqual(["'none'"]);
  });

  test('a self-hosted office.js (OFFICE_JS_URL) is its own origin; the playground loads none', () => {
    expect(directives(contentSecurityPolicy({ officeJs: 'https://intranet.example.gov.cn/office/office.js' }))['script-src']).toEqual(["'self'", 'https://intranet.example.gov.cn']);
    expect(directives(contentSecurityPolicy({ officeJs: null }))['script-src']).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy({ officeJs: '/office/office.js' }))['script-src']).toEqual(["'self'"]);
  });

  test('only development builds allow eval (source maps) and web sockets (hot reload)', () => {
    const dev = directives(contentSecurityPolicy({ dev: true }));
    expect(dev['script-src']).toContain("'unsafe-eval'");
    expect(dev['connect-src']).toEqual(["'self'", 'ws:', 'wss:']);
  });

  test.each(['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/playground/playground.html'])('%s puts the policy first in <head>, before any script', (file) => {
    const html = readFileSync(join(ROOT, file), 'utf8');
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(0);
    if (html.includes('<script')) expect(html.indexOf('<script')).toBeGreaterThan(meta);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script in the templates
  });

  test('foreignUrls ignores Office.js and XML namespaces and finds the rest', () => {
    const text = '"http://schemas.openxmlformats.org/spreadsheetml/2006/main" "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" "https://reactjs.org/docs/error-decoder.html?invariant=" ws://evil.example:80/x';
    expect(foreignUrls(text).map((f) => f.url)).toEqual(['https://reactjs.org/docs/error-decoder.html?invariant=', 'ws://evil.example:80/x']);
  });
});

describe('lint: no HTML from strings', () => {
  // ESLint loads eslint.config.js by dynamic import, which Jest's VM does not allow: hand it the config.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(ROOT, 'eslint.config.js'));
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  test('innerHTML, outerHTML, insertAdjacentHTML and dangerouslySetInnerHTML are errors in src', async () => {
    const code = [
      'export function bad(el: HTMLElement, html: string) {',
      '  el.innerHTML = html;',
      '  el.outerHTML = html;',
      "  el.insertAdjacentHTML('beforeend', html);",
      "  el['innerHTML'] = html;",
      '  return <div dangerouslySetInnerHTML={{ __html: html }} />;',
      '}',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'src/taskpane/components/Probe.tsx') });
    const lines = result.messages.filter((m) => m.ruleId === 'no-restricted-properties' || m.ruleId === 'no-restricted-syntax').map((m) => m.line);
    expect([...new Set(lines)]).toEqual([2, 3, 4, 5, 6]);
  }, 60_000);

  test('textContent is fine', async () => {
    const [result] = await eslint.lintText('export function ok(el: HTMLElement, s: string) {\n  el.textContent = s;\n}\n', { filePath: join(ROOT, 'src/commands/probe.ts') });
    expect(result.messages).toEqual([]);
  }, 60_000);
});
