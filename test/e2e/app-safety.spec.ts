/**
 * Safe by construction: the CSP stays strict and the app works under it, nothing leaves
 * 127.0.0.1, no console errors, a first load within 300 kB of gzipped JavaScript, keyboard use.
 */
import { test, expect } from './pinned';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { waitComputed, watch } from './app-helpers';

// The build under test: dist/, or the folder PW_DIST names (as playwright.config.ts serves it).
const DIST = process.env.PW_DIST ?? 'dist';

test('the built page keeps a strict CSP, loads no remote resource and logs no error', async ({ page }) => {
  const w = watch(page);
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/https?:|unsafe-eval/);
  expect(html).not.toMatch(/<script[^>]+src="https?:|<link[^>]+href="https?:/);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => { violations.push(v); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/');
  // The worker runs under the CSP: the examples get computed.
  await expect(page.locator('[data-patient-id]').first()).toBeVisible();
  await waitComputed(page);
  await page.locator('[data-patient-id]').first().click();
  await expect(page.locator('.chart-box canvas')).toBeVisible();
  expect(violations).toEqual([]);
  expect(w.external).toEqual([]);
  expect(w.errors).toEqual([]);
});

test('the first load is at most 300 kB of gzipped JavaScript', async () => {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const first = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)) first.add(m[1]);
  // Static imports of the entry chunks (not dynamic ones) are part of the first load too.
  const queue = [...first];
  while (queue.length) {
    const f = queue.pop()!;
    const code = readFileSync(`${DIST}/${f}`, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w{}\s,*$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      const dep = `assets/${m[1]}`;
      if (!first.has(dep)) { first.add(dep); queue.push(dep); }
    }
  }
  let total = 0;
  for (const f of first) total += gzipSync(readFileSync(`${DIST}/${f}`)).length;
  console.log(`first load: ${[...first].join(', ')} = ${(total / 1024).toFixed(1)} kB gzip; all assets: ${readdirSync(`${DIST}/assets`).length} files`);
  expect(total).toBeLessThanOrEqual(300 * 1024);
});

test('keyboard: open a patient from the list and get back', async ({ page }) => {
  await page.goto('/');
  const link = page.locator('[data-patient-id] a').first();
  await expect(link).toBeVisible();
  const id = await link.textContent();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#patient-title')).toContainText(id!);
  // Focus follows: to the patient's heading when opened, back to its line when closed.
  await expect(page.locator('#patient-title')).toBeFocused();
  await page.getByRole('button', { name: 'Close patient' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#patient-title')).toHaveCount(0);
  await expect(link).toBeFocused();
  // Every form control has an accessible name.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, button')].filter((el) => {
    const e = el as HTMLInputElement;
    return !(e.labels?.length || e.getAttribute('aria-label') || e.textContent?.trim() || e.getAttribute('aria-labelledby'));
  }).map((e) => e.outerHTML));
  expect(unnamed).toEqual([]);
});
