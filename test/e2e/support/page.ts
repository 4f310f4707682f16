/** Page helpers the playground's browser tests share. */
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** The context's first tab, its uncaught errors collected into `errors`. */
export async function firstPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** Waits until the first match's text is `expected` (trimmed) or matches it; throws with the last text seen. */
export async function waitForText(l: Locator, expected: string | RegExp, timeout = 20_000): Promise<void> {
  const ok = (s: string) => (typeof expected === 'string' ? s.trim() === expected : expected.test(s));
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await l.first().textContent({ timeout: 1000 }).catch(() => null)) ?? '';
    if (ok(last)) return;
    await l.page().waitForTimeout(50);
  }
  throw new Error(`expected ${String(expected)}, got "${last}"`);
}
