import { test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { waitComputed } from './app-helpers';
test.use({ viewport: { width: 1366, height: 900 } });
async function text(page: Page) { return page.evaluate(() => document.body.innerText); }
test('dump', async ({ page }) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => { localStorage.setItem('ms-interval-lang', 'nl'); });
  await page.goto('/');
  await page.locator('[data-patient-id]').first().waitFor();
  await waitComputed(page);
  let out = '=== planning\n' + await text(page);
  for (const id of ['NAT-001', 'NAT-003', 'NAT-004', 'OCR-001', 'OCR-002']) {
    const link = page.locator(`[data-patient-id="${id}"] a`).first();
    if (!(await link.count())) { out += `\n=== ${id} missing\n`; continue; }
    await link.click();
    await page.locator(`[data-selected-patient="${id}"]`).first().waitFor();
    await page.waitForTimeout(1500);
    await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    out += `\n=== ${id}\n` + await text(page);
  }
  const nav = page.locator('header nav button');
  for (let i = 1; i < await nav.count(); i++) { await nav.nth(i).click(); await page.waitForTimeout(800); out += `\n=== nav ${i}\n` + await text(page); }
  writeFileSync('.scratch/dump-nl.txt', out);
});
