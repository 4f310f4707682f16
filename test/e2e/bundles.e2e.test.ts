/**
 * What the production build ships (issue 10): every page carries the Content-Security-Policy before any
 * script, loads scripts only from our origin and Office.js's, has no inline script, and no bundle names a
 * host other than Office.js's and XML namespaces' (src/security/csp.js). The manifest asks for no more
 * than ReadWriteDocument. SELFEVAL_SKIP_E2E=1 skips (it builds when dist/ is stale).
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { fullDist } from './support/dist';
import { skipE2E } from './support/browser';
import { foreignUrls } from '../../src/security/csp';

const d = skipE2E() ? describe.skip : describe;

d('the production build', () => {
  let dist = '';
  beforeAll(async () => {
    dist = await fullDist();
  }, 600_000);

  test.each(['taskpane.html', 'commands.html', 'playground.html'])('%s: policy first, scripts from us or Office.js only, none inline', (page) => {
    const html = readFileSync(join(dist, page), 'utf8');
    const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const policy = meta![1];
    expect(html.indexOf('<script')).toBeGreaterThan(meta!.index);
    expect(policy).toMatch(/script-src 'self'( https:\/\/appsforoffice\.microsoft\.com)?;/);
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src="?([^"\s>]+)/.exec(attrs)![1];
      expect(src.startsWith('https://appsforoffice.microsoft.com/') || !/^[a-z]+:/i.test(src)).toBe(true);
    }
  });

  test('no bundle names a host other than Office.js’s and XML namespaces’', () => {
    const files = readdirSync(dist).filter((f) => f.endsWith('.js') || f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((f) => foreignUrls(readFileSync(join(dist, f), 'utf8')).map((u) => `${f}: ${u.url}`));
    expect(found).toEqual([]);
  });

  test('the playground reads .xlsx without ExcelJS: its chunk is not among the first scripts, only fetched for a file the direct reader leaves to it', () => {
    const html = readFileSync(join(dist, 'playground.html'), 'utf8');
    const first = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(first.some((src) => /^engine\./.test(src))).toBe(true);
    expect(first.filter((src) => /^exceljs\./.test(src))).toEqual([]);
    expect(readdirSync(dist).some((f) => /^exceljs\.[0-9a-f]+\.js$/.test(f))).toBe(true);
  });

  test('the manifest asks for ReadWriteDocument, no more', () => {
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(['ReadWriteDocument']);
  });
});
