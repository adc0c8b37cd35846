/**
 * A clinician's day at 1366×768, looked at as a user would (session 9's walk): what the
 * screenshots showed wrong stays fixed. The wearing-off card fits the patient pane (its predicted
 * concentration was out of view, the pane scrolling sideways), in English and Dutch; a choice below
 * the required probability is said right after the chosen date, not after the model's date (where
 * it read as the model's proposal being too risky), and the chosen date never breaks across lines
 * on the print; the track record's PIT histogram has each bar above its own bin and count.
 */
import { test, expect, type Page } from './pinned';
import { simulateClinic, IOV_WORLD } from '../../scripts/simulate-clinic';
import { importFile, pickOption, recentCsv, waitComputed, watch } from './app-helpers';
import { NAT_HIGH_ROWS, TDM_HEADER } from '../wearing-patient';

test.use({ viewport: { width: 1366, height: 768 } });

const HEADER = TDM_HEADER;
/** A natalizumab patient with two wearing-off reports (as wearing-off.spec.ts), moved to the last weeks. */
const WEAR = recentCsv([
  HEADER,
  ...NAT_HIGH_ROWS,
].join('\n') + '\n').csv;

async function inLanguage(page: Page, lang: 'en' | 'nl'): Promise<void> {
  await page.addInitScript((l) => { if (!sessionStorage.getItem('walk-init')) { localStorage.setItem('ms-interval-lang', l); sessionStorage.setItem('walk-init', '1'); } }, lang);
}

for (const lang of ['en', 'nl'] as const) {
  test(`1366×768 (${lang}): the wearing-off card fits the patient pane, its predicted concentration in view`, async ({ page }) => {
    test.setTimeout(90_000);
    const w = watch(page);
    await inLanguage(page, lang);
    await page.goto('/');
    await importFile(page, { name: 'wear.csv', mimeType: 'text/csv', buffer: Buffer.from(WEAR) });
    await page.locator('[data-patient-id="NAT-HIGH"] a').click();
    const card = page.getByTestId('wearing-off-card');
    await expect(card.getByTestId('wearing-off-value').first()).toContainText('µg/mL', { timeout: 30_000 });
    const pane = page.locator('main.with-patient .patient');
    const m = await pane.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
    expect(m.sw, `the patient pane scrolls sideways (${m.sw} > ${m.cw})`).toBeLessThanOrEqual(m.cw);
    const cardBox = (await card.boundingBox())!;
    for (const cell of await card.locator('th, td').all()) {
      const b = (await cell.boundingBox())!;
      expect(b.x + b.width, `"${await cell.textContent()}" beyond the card's right edge`).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1);
    }
    expect(w.errors).toEqual([]);
  });
}

test('a choice below the required probability is said after the chosen date, not the model\'s; the printed date stays on one line', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.addInitScript(() => { window.print = () => undefined; });
  await page.goto('/');
  await waitComputed(page);
  await page.locator('[data-patient-id="NAT-001"] a').click();
  const card = page.locator('[data-testid="proposal"]');
  const proposed = (await card.locator('[data-testid="next-dose"]').textContent())!;
  page.once('dialog', (d) => void d.accept());
  const chosen = (await pickOption(page, 'interval:8', 'holiday')).slice(0, 10);
  await card.locator('[data-testid="save-choice"]').click();
  const headline = page.getByTestId('planned-headline');
  await expect(headline.getByTestId('card-choice-risk')).toBeVisible();
  // The headline reads: the chosen date, what is wrong with it, then the model's date.
  await expect(headline).toHaveText(new RegExp(`^Planned next dose \\(clinician.s choice\\): ${chosen} below the required probability: \\d+%, 90% required · the model proposes ${proposed}$`));

  // The print, at the width of an A4 page: the chosen date on one line, with its note after it.
  await page.getByTestId('print-button').click();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 718, height: 1000 });
  const date = page.getByTestId('print-card-planned-dose');
  await expect(date).toHaveText(chosen);
  expect(await date.evaluate((e) => e.getClientRects().length), 'the printed chosen date breaks across lines').toBe(1);
  const printed = (await page.getByTestId('print-card-planned-dose').locator('xpath=..').textContent())!;
  expect(printed.indexOf('below the required probability')).toBeLessThan(printed.indexOf(`the model proposes ${proposed}`));
  expect(w.errors).toEqual([]);
});

test('the track record\'s PIT histogram: each bar stands above its own bin and count', async ({ page }) => {
  test.setTimeout(150_000);
  const w = watch(page);
  await page.goto('/');
  await page.getByTestId('remove-examples').click();
  await importFile(page, { name: 'clinic.csv', mimeType: 'text/csv', buffer: Buffer.from(simulateClinic(IOV_WORLD, 8, 5).csv) });
  await waitComputed(page);
  await page.getByTestId('nav-track').click();
  const table = page.getByTestId('tr-pit');
  await expect(table).toBeVisible({ timeout: 120_000 });
  const bars = page.locator('.track-record__pit .track-record__bar');
  const heads = table.locator('thead th');
  await expect(bars).toHaveCount(10);
  await expect(heads).toHaveCount(10);
  for (let i = 0; i < 10; i++) {
    const b = (await bars.nth(i).boundingBox())!;
    const h = (await heads.nth(i).boundingBox())!;
    const centre = b.x + b.width / 2;
    expect(centre, `bar ${i + 1} (centre ${centre.toFixed(0)}) is not above its bin ${await heads.nth(i).textContent()} (${h.x.toFixed(0)}–${(h.x + h.width).toFixed(0)})`).toBeGreaterThanOrEqual(h.x);
    expect(centre).toBeLessThanOrEqual(h.x + h.width);
    // A bin's label stays on one line.
    expect(await heads.nth(i).evaluate((e) => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; }), `bin ${i + 1}'s label wraps`).toBe(1);
  }
  expect(w.errors).toEqual([]);
});

test('a patient that cannot be planned (a refused row) still shows its last dose in the planning list', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  const csv = recentCsv([HEADER, 'TYPO-1,natalizumab,weight,2024-09-02,70,kg,,,', 'TYPO-1,natalizumab,dose,2024-09-02T09:00,300,mg,iv,60,',
    'TYPO-1,natalizumab,level,2024-09-30T08:45,2l.5,ug/mL,,,', 'TYPO-1,natalizumab,dose,2024-09-30T09:00,300,mg,iv,60,',
    'TYPO-1,natalizumab,level,2024-10-28T08:45,19.0,ug/mL,,,', 'TYPO-1,natalizumab,dose,2024-10-28T09:00,300,mg,iv,60,'].join('\n') + '\n');
  await importFile(page, { name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.csv) });
  const row = page.locator('[data-patient-id="TYPO-1"]');
  await expect(row.locator('.status')).toHaveText('cannot plan', { timeout: 30_000 });
  await expect(row.locator('td:nth-child(3) time')).toHaveAttribute('datetime', csv.shift('2024-10-28T09:00'));
  expect(w.errors).toEqual([]);
});

for (const lang of ['en', 'nl'] as const) {
  test(`1366×768 (${lang}): a patient's own track record fits the patient pane, each date on one line`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = watch(page);
    await inLanguage(page, lang);
    await page.goto('/');
    await importFile(page, { name: 'clinic.csv', mimeType: 'text/csv', buffer: Buffer.from(recentCsv(simulateClinic(IOV_WORLD, 2, 5).csv).csv) });
    await waitComputed(page);
    await page.locator('[data-patient-id="SIM-iov-001"] a').click();
    const table = page.locator('.patient-track table');
    await expect(table).toBeVisible({ timeout: 60_000 });
    const pane = page.locator('main.with-patient .patient');
    const m = await pane.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
    expect(m.sw, `the patient pane scrolls sideways (${m.sw} > ${m.cw})`).toBeLessThanOrEqual(m.cw);
    const dates = table.locator('tbody td:first-child');
    expect(await dates.count()).toBeGreaterThan(0);
    for (const d of await dates.all()) {
      const lines = await d.evaluate((e) => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; });
      expect(lines, `date "${await d.textContent()}" breaks across lines`).toBe(1);
    }
    expect(w.errors).toEqual([]);
  });
}

test('a forecast calibrated on the clinic\'s troughs says so on the print too, as on the screen', async ({ page }) => {
  test.setTimeout(150_000);
  const w = watch(page);
  await page.addInitScript(() => { window.print = () => undefined; });
  await page.goto('/');
  await importFile(page, { name: 'clinic.csv', mimeType: 'text/csv', buffer: Buffer.from(recentCsv(simulateClinic(IOV_WORLD, 8, 5).csv).csv) });
  await waitComputed(page);
  await page.locator('[data-patient-id="SIM-iov-001"] a').click();
  const screen = page.locator('[data-testid="calibration-note"][data-calibrated="true"]');
  await expect(screen).toContainText('Spread from ', { timeout: 60_000 });
  await waitComputed(page);
  await page.getByTestId('print-button').click();
  const printed = page.getByTestId('print-calibration-note');
  await expect(printed).toHaveAttribute('data-calibrated', 'true');
  await expect(printed).toHaveText((await screen.textContent())!);
  expect(w.errors).toEqual([]);
});

for (const lang of ['en', 'nl'] as const) {
  test(`1366×768 (${lang}): a clinic setting refused on saving takes the focus, in view, and the save button says it was not saved`, async ({ page }) => {
    test.setTimeout(60_000);
    const w = watch(page);
    await inLanguage(page, lang);
    await page.goto('/');
    await page.getByRole('button', { name: lang === 'en' ? 'Settings' : 'Instellingen' }).click();
    const probability = page.locator('input[name="probability"]').first();
    await probability.fill('9O');
    const save = page.getByRole('button', { name: lang === 'en' ? 'Save clinic settings' : 'Kliniekinstellingen opslaan' });
    await save.scrollIntoViewIfNeeded();
    await save.click();
    // Beside the button: not saved, and why.
    await expect(page.getByTestId('settings-not-saved')).toHaveText(lang === 'en' ? ' Not saved: correct the field marked in red.' : ' Niet opgeslagen: verbeter het rood gemarkeerde veld.');
    // The refused field has the focus and is on the screen, its message beside it.
    await expect(probability).toBeFocused();
    await expect(probability).toHaveAttribute('aria-invalid', 'true');
    await expect(probability).toBeInViewport();
    // Corrected and saved: the note goes.
    await probability.fill('95');
    await save.click();
    await expect(page.getByTestId('settings-not-saved')).toHaveCount(0);
    await expect(page.locator('.settings-form .saved').first()).toBeVisible();
    await probability.fill('');
    await save.click();
    expect(w.errors).toEqual([]);
  });
}

test('1366×768 (nl): the chosen date\'s Dutch form beside it never breaks across lines, on the screen or the print', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await inLanguage(page, 'nl');
  await page.addInitScript(() => { window.print = () => undefined; });
  await page.goto('/');
  await waitComputed(page);
  await page.locator('[data-patient-id="NAT-001"] a').click();
  page.once('dialog', (d) => void d.accept());
  await pickOption(page, 'interval:8', 'vakantie');
  await page.locator('[data-testid="proposal"] [data-testid="save-choice"]').click();
  const lines = (l: ReturnType<Page['locator']>) => l.evaluate((e) => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; });
  const nl = page.getByTestId('card-planned-dose-nl');
  await expect(nl).toHaveText(/^ \(\d{2}-\d{2}-\d{4}\)$/);
  expect(await lines(nl), 'the Dutch date breaks across lines on the screen').toBe(1);
  await page.getByTestId('print-button').click();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 718, height: 1000 });
  expect(await lines(page.getByTestId('print-card-planned-dose-nl')), 'the Dutch date breaks across lines on the print').toBe(1);
  expect(w.errors).toEqual([]);
});
