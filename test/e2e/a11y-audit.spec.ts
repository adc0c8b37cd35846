/**
 * Accessibility audit: axe-core (WCAG 2.0/2.1 A and AA rules) on every main view of the app, in
 * English and in Dutch: the planning list, a natalizumab patient (proposal card, chart, proposal
 * history, patient settings and model details opened; a refused data-entry row), an
 * ocrelizumab patient, the settings, and the import preview of a file with
 * bad lines. No rule is switched off: a violation fails the test with its rule, the elements and
 * axe's explanation.
 */
import { test, expect, type Page } from './pinned';
import AxeBuilder from '@axe-core/playwright';
import { waitComputed } from './app-helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const BAD_CSV = [
  'patient_id,drug,kind,time,value,unit',
  'P-1,natalizumab,dose,2024-01-08T09:00,300,mg',
  'P-1,natalizumab,level,2024-02-05,abc,ug/mL',
  'P-2,ocrelizumab,dose,2024-01-08,600,mg',
  'P-2,ocrelizumab,bcell,2024-03-01,5,cells/mL',
].join('\n');

/** Run axe on the page; fail with a readable list of what is wrong and where. */
async function audit(page: Page, view: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = result.violations.map((v) => `${view}: [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
  expect(lines, lines.join('\n')).toEqual([]);
  // Something was checked (not an empty page).
  expect(result.passes.length).toBeGreaterThan(10);
}

for (const lang of ['en', 'nl'] as const) {
  test.describe(`in ${lang === 'en' ? 'English' : 'Dutch'}`, () => {
    test.use({ locale: lang === 'en' ? 'en-GB' : 'nl-NL', viewport: { width: 1440, height: 960 } });

    test(`every main view passes axe (WCAG 2.1 A/AA), ${lang}`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('[data-patient-id]').first()).toBeVisible();
      await waitComputed(page);
      await audit(page, 'planning');

      // A natalizumab patient: card, chart, and the proposal history opened.
      await page.locator('[data-patient-id="NAT-001"] a').click();
      await expect(page.getByTestId('proposal')).toBeVisible();
      await expect(page.locator('.chart-box canvas')).toBeVisible();
      await page.locator('[data-testid="proposal-history"] summary').click();
      await expect(page.locator('[data-testid="proposal-history"] tbody tr').first()).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('[data-testid="proposal-history"] table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
      await page.getByTestId('model-details').locator('summary').click();
      await page.locator('.overrides summary').click();
      await audit(page, 'natalizumab patient');

      // Data entry with a refused row (the records module's message beside it).
      await page.locator('.add-buttons button').nth(1).click();
      await page.locator('.event-table tr.editing input').first().fill('2024-02-30');
      await page.locator('.event-table tr.editing input').nth(1).fill('-3');
      await page.locator('.event-table tr.editing button[type=submit]').click();
      await expect(page.locator('.row-errors')).toBeVisible();
      await audit(page, 'data entry error');
      await page.locator('.event-table tr.editing button[type=button]').click();

      // An ocrelizumab patient.
      await page.locator('[data-patient-id="OCR-001"] a').click();
      await expect(page.locator('[data-selected-patient="OCR-001"] [data-testid="proposal"]')).toBeVisible();
      await expect(page.locator('.chart-box canvas')).toBeVisible();
      await page.locator('[data-testid="proposal-history"] summary').click();
      await expect(page.locator('[data-testid="proposal-history"] table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
      await audit(page, 'ocrelizumab patient');

      // The settings.
      await page.locator('nav button').nth(1).click();
      await expect(page.locator('.settings-form')).toBeVisible();
      await audit(page, 'settings');

      // The import preview of a file with bad lines.
      await page.locator('nav button').first().click();
      await page.locator('input[type=file]').setInputFiles({ name: 'lab-export.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
      await expect(page.getByRole('dialog')).toBeVisible();
      await audit(page, 'import preview');
    });
  });
}

test('reflow (WCAG 1.4.10): at 320 CSS px nothing but the data tables scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto('/');
  await expect(page.locator('[data-patient-id]').first()).toBeVisible();
  // The page's width, and what sticks out (outside any scroll box) when it is too wide.
  const pageWidth = async () => {
    const [width, culprits] = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= 321) continue;
        let p = el.parentElement;
        let inScrollBox = false;
        for (; p; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) { inScrollBox = true; break; }
        if (!inScrollBox) out.push(`${el.tagName.toLowerCase()}.${String(el.className).replace(/ /g, '.')} "${(el.textContent ?? '').slice(0, 30)}" to ${Math.round(r.right)} px`);
      }
      return [document.documentElement.scrollWidth, out.slice(0, 10)] as const;
    });
    return width <= 320 ? width : `${width}: ${culprits.join(', ')}`;
  };
  expect(await pageWidth()).toBeLessThanOrEqual(320);
  await page.locator('[data-patient-id="NAT-001"] a').click();
  await expect(page.locator('.chart-box canvas')).toBeVisible();
  await page.locator('.overrides summary').click();
  await page.locator('[data-testid="proposal-history"] summary').click();
  await expect(page.locator('[data-testid="proposal-history"] table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  expect(await pageWidth()).toBeLessThanOrEqual(320);
  await page.locator('nav button').nth(1).click();
  await expect(page.locator('.settings-form')).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(320);
});
