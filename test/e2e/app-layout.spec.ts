/**
 * The screens clinics have (issue 7 item 5): at 1366×768 and 1280×800, in English and Dutch, no
 * horizontal scrolling of the page on any view, every form's buttons inside the viewport once
 * scrolled to, and the intervals table readable without scrolling sideways.
 */
import { test, expect, type Page, type Locator } from './pinned';
import { waitComputed, watch } from './app-helpers';

const SIZES = [{ width: 1366, height: 768 }, { width: 1280, height: 800 }];

async function noSideScroll(page: Page, where: string): Promise<void> {
  const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth, bw: document.body.scrollWidth }));
  expect(m.sw, `${where}: page scrollWidth ${m.sw} > clientWidth ${m.cw}`).toBeLessThanOrEqual(m.cw);
  expect(m.bw, `${where}: body scrollWidth ${m.bw} > clientWidth ${m.cw}`).toBeLessThanOrEqual(m.cw);
  // Nor inside the two panes (the patient pane scrolls on its own, up and down only).
  const panes = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('main > section, main .patient, main .entry-form'))
    .map((e) => ({ name: e.className, sw: e.scrollWidth, cw: e.clientWidth })));
  for (const p of panes) expect(p.sw, `${where}: ${p.name} scrolls sideways (${p.sw} > ${p.cw})`).toBeLessThanOrEqual(p.cw);
}

/** The element, scrolled into view, lies wholly inside the viewport. */
async function inViewport(page: Page, el: Locator, what: string): Promise<void> {
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, `${what} has no box`).not.toBeNull();
  expect(box!.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  // One pixel of slack: scrolling an element into view can leave it a subpixel past the edge
  // (768.47 in a 768 px window), which no one can see.
  expect(box!.x + box!.width, `${what} right edge ${box!.x + box!.width} > ${vp.width}`).toBeLessThanOrEqual(vp.width + 1);
  expect(box!.y + box!.height, `${what} bottom edge`).toBeLessThanOrEqual(vp.height + 1);
  expect(box!.y, `${what} top edge`).toBeGreaterThanOrEqual(0);
}

for (const size of SIZES) {
  for (const lang of ['en', 'nl'] as const) {
    test(`${size.width}×${size.height} (${lang}): no sideways scrolling, buttons and the intervals table in view`, async ({ page }) => {
      test.setTimeout(120_000);
      const w = watch(page);
      await page.setViewportSize(size);
      await page.addInitScript((l) => { if (!sessionStorage.getItem('ms-layout-init')) { localStorage.setItem('ms-interval-lang', l); sessionStorage.setItem('ms-layout-init', '1'); } }, lang);
      await page.goto('/');
      await expect(page.locator('[data-patient-id]').first()).toBeVisible();
      await waitComputed(page);
      await noSideScroll(page, 'planning');

      // A natalizumab patient: card with its intervals table, chart, data table.
      await page.locator('[data-patient-id="NAT-001"] a').first().click();
      await expect(page.locator('[data-selected-patient="NAT-001"]')).toBeVisible();
      const table = page.locator('[data-selected-patient] table.proposal__table').first();
      await expect(table).toBeVisible();
      await noSideScroll(page, 'patient NAT-001');
      // The intervals table fits its box: nothing to scroll sideways to read it.
      const fit = await table.evaluate((t) => ({ tw: t.scrollWidth, pw: (t.parentElement as HTMLElement).clientWidth }));
      expect(fit.tw, `intervals table ${fit.tw} wider than its box ${fit.pw}`).toBeLessThanOrEqual(fit.pw + 1);
      await inViewport(page, table.locator('th').last(), 'last column of the intervals table');

      // The data table's editor: Save and Cancel in view.
      await page.locator('.events .add-buttons button').nth(1).click();
      await inViewport(page, page.locator('.events tr.editing button[type=submit]'), 'data table Save');
      await inViewport(page, page.locator('.events tr.editing button[type=button]').last(), 'data table Cancel');
      await noSideScroll(page, 'data table editor');
      await page.locator('.events tr.editing button[type=button]').last().click();

      // The result and schedule forms on the open patient.
      await page.locator('[data-testid="add-result"]').click();
      await inViewport(page, page.locator('[data-testid="save-result"]'), 'result form Save');
      await noSideScroll(page, 'result form');
      await page.locator('[data-testid="add-doses"]').click();
      await inViewport(page, page.locator('[data-testid="save-doses"]'), 'schedule form Save');
      await noSideScroll(page, 'schedule form');

      // The per-patient settings form.
      await page.locator('[data-selected-patient] details.overrides summary').click();
      await inViewport(page, page.locator('[data-selected-patient] details.overrides button[type=submit]').last(), 'patient settings Save');
      await noSideScroll(page, 'patient settings');

      // An ocrelizumab patient.
      await page.locator('[data-patient-id="OCR-001"] a').first().click();
      await expect(page.locator('[data-selected-patient="OCR-001"] table.proposal__table').first()).toBeVisible();
      await noSideScroll(page, 'patient OCR-001');
      await page.locator('[data-testid="proposal-history"] summary').click();
      await expect(page.locator('[data-testid="proposal-history"] table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
      await noSideScroll(page, 'proposal history OCR-001');

      // The new-patient form.
      await page.locator('[data-testid="new-patient"]').click();
      await inViewport(page, page.locator('[data-testid="save-patient"]'), 'new patient Save');
      await noSideScroll(page, 'new patient form');

      // An import preview: its buttons in view.
      await page.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('patient_id,drug,kind,time,value,unit\nL-1,natalizumab,dose,2026-01-05T09:00,300,mg\nL-1,natalizumab,level,2026-02-02,abc,ug/mL\n') });
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      for (const b of await dialog.getByRole('button').all()) await inViewport(page, b, 'import preview button');
      await noSideScroll(page, 'import preview');
      await dialog.getByRole('button').last().click();

      // Every view of the navigation (the clinic-day list, …): no sideways scrolling.
      const nav = page.locator('header nav button');
      for (let i = 0; i < await nav.count(); i++) {
        await nav.nth(i).click();
        await noSideScroll(page, `view ${i}`);
      }

      // Settings.
      await page.locator('header nav button', { hasText: /^(Settings|Instellingen)$/ }).click();
      await expect(page.locator('main h2').first()).toHaveText(/^(Clinic settings|Kliniekinstellingen)$/);
      const save = page.locator('main form button[type=submit]').last();
      await inViewport(page, save, 'settings Save');
      await noSideScroll(page, 'settings');
      expect(w.errors).toEqual([]);
    });
  }
}
