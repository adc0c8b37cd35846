/**
 * The second clinician's walk at 1366×768, in English and Dutch: a refused row is said once on the
 * card of a patient that cannot be planned (in the list above the card, with the file, line, value
 * and what is accepted; the card's error says why there is no proposal by referring to it), and the
 * message after an import plus the bar of buttons take at most a quarter of the screen (the export
 * row on one line, the hint and the "preview every file" setting beside the file button), each row's
 * message still one click away in the message's disclosure.
 */
import { test, expect, type Page } from './pinned';
import { importFile, recentCsv, watch } from './app-helpers';
import { TDM_HEADER } from '../wearing-patient';

const VIEW = { width: 1366, height: 768 };
test.use({ viewport: VIEW });

async function inLanguage(page: Page, lang: 'en' | 'nl'): Promise<void> {
  await page.addInitScript((l) => { if (!sessionStorage.getItem('walk2-init')) { localStorage.setItem('ms-interval-lang', l); sessionStorage.setItem('walk2-init', '1'); } }, lang);
}

/** Occurrences of `needle` in a text. */
const count = (text: string, needle: string) => text.split(needle).length - 1;

/** A patient whose decisive level is refused ("2l.5" for 21.5) and, in the second file, a dose too ("3O0"). */
const ONE = recentCsv([TDM_HEADER, 'TYPO-1,natalizumab,weight,2024-09-02,70,kg,,,', 'TYPO-1,natalizumab,dose,2024-09-02T09:00,300,mg,iv,60,',
  'TYPO-1,natalizumab,level,2024-09-30T08:45,2l.5,ug/mL,,,', 'TYPO-1,natalizumab,dose,2024-09-30T09:00,300,mg,iv,60,',
  'TYPO-1,natalizumab,level,2024-10-28T08:45,19.0,ug/mL,,,', 'TYPO-1,natalizumab,dose,2024-10-28T09:00,300,mg,iv,60,'].join('\n') + '\n').csv;
const TWO = ONE.replace(/(TYPO-1,natalizumab,dose,[^,]+),300,(mg,iv,60,\n)(?![\s\S]*TYPO-1,natalizumab,dose)/, '$1,3O0,$2');

const T = {
  en: {
    level: 'value "2l.5" for a level is not a number', dose: 'value "3O0" for a dose is not a number', accepted: 'write a number such as 24.1',
    why: /^Error: 1 row\(s\) could not be used: see the row listed above, with what to do$/, why2: /^Error: 2 row\(s\) could not be used: see the 2 rows listed above, with what to do$/,
    warnings: '1 warning',
  },
  nl: {
    level: 'waarde "2l.5" van een spiegel is geen getal', dose: 'waarde "3O0" van een gift is geen getal', accepted: 'schrijf een getal zoals 24.1',
    why: /^Fout: 1 regel kon niet worden gebruikt: zie de regel hierboven, met wat te doen$/, why2: /^Fout: 2 regels konden niet worden gebruikt: zie de 2 regels hierboven, met wat te doen$/,
    warnings: '1 waarschuwing',
  },
};

for (const lang of ['en', 'nl'] as const) {
  test(`1366×768 (${lang}): a refused row is said once on the card of a patient with no proposal, in the list of refused rows`, async ({ page }) => {
    test.setTimeout(90_000);
    const w = watch(page);
    const s = T[lang];
    await inLanguage(page, lang);
    await page.goto('/');
    await importFile(page, { name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from(ONE) });
    await page.locator('[data-patient-id="TYPO-1"] a').click();
    const pane = page.locator('[data-selected-patient="TYPO-1"]');
    // Why there is no proposal: said on the card, by referring to the row listed above it.
    await expect(pane.getByTestId('error-message')).toHaveText(s.why, { timeout: 30_000 });
    // The row itself once, in the list of refused rows: file, line, field, value and what is accepted.
    const listed = pane.getByTestId('refused-rows').locator('li');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(`typo.csv:4: ${s.level}`);
    await expect(listed).toContainText(s.accepted);
    const text = await pane.innerText();
    expect(count(text, '"2l.5"'), `the refused row is said ${count(text, '"2l.5"')} times on the card:\n${text}`).toBe(1);
    expect(count(text, 'typo.csv:4')).toBe(1);
    // Nothing else is left out of the card's messages: it lists none here (its only message was the row).
    await expect(pane.locator('[data-testid="proposal"] [data-testid="warnings"]')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath(`refused-once-${lang}.png`) });

    // Two refused rows (a level and a dose): each said once, the card referring to both.
    await importFile(page, { name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from(TWO) });
    await expect(pane.getByTestId('error-message')).toHaveText(s.why2, { timeout: 30_000 });
    await expect(pane.getByTestId('refused-rows').locator('li')).toHaveCount(2);
    const text2 = await pane.innerText();
    expect(count(text2, '"2l.5"'), text2).toBe(1);
    expect(count(text2, '"3O0"'), text2).toBe(1);
    expect(count(text2, s.dose), text2).toBe(1);
    // Set aside, the card plans and the refused rows are gone.
    await pane.getByTestId('set-aside-refused').click();
    await expect(pane.getByTestId('refused-rows')).toHaveCount(0);
    await expect(pane.getByTestId('error-message')).toHaveCount(0, { timeout: 30_000 });
    expect(w.errors).toEqual([]);
  });
}

/** The bar's height, the number of lines its export row takes, and the tops of what stands beside the file button (rounded px). */
async function barLayout(page: Page): Promise<{ height: number; exportLines: number; fileLine: { top: number; bottom: number }; besides: number[] }> {
  return page.evaluate(() => {
    const box = (e: Element) => e.getBoundingClientRect();
    const bar = document.querySelector('.bar')!;
    const file = box(document.querySelector('.dropzone label.button')!);
    return {
      height: Math.round(box(bar).height),
      // A new line starts at an item that begins below the previous line's lowest bottom.
      exportLines: [...document.querySelectorAll('.bar .exports > *')].map(box).reduce((a, r) => (r.top >= a.bottom ? { n: a.n + 1, bottom: r.bottom } : { n: a.n, bottom: Math.max(a.bottom, r.bottom) }), { n: 0, bottom: -Infinity }).n,
      fileLine: { top: Math.round(file.top), bottom: Math.round(file.bottom) },
      besides: ['.dropzone .hint', '.dropzone .preview-all'].map((q) => Math.round(box(document.querySelector(q)!).top)),
    };
  });
}

for (const lang of ['en', 'nl'] as const) {
  test(`1366×768 (${lang}): after an import with a refused row, the message and the bar take at most a quarter of the screen; each row's message one click away`, async ({ page }) => {
    test.setTimeout(90_000);
    const w = watch(page);
    const s = T[lang];
    await inLanguage(page, lang);
    await page.goto('/');
    // A patient open (its own export choice in the bar), the example patients still there (their button in the bar).
    await page.locator('[data-patient-id="NAT-001"] a').click();
    await expect(page.locator('[data-selected-patient="NAT-001"]')).toBeVisible();
    await importFile(page, { name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from(ONE) });
    const done = page.getByTestId('import-done');
    await expect(done).toHaveAttribute('role', 'status');
    await expect(done.locator('xpath=..')).toHaveAttribute('aria-live', 'polite');
    const m = await barLayout(page);
    await page.screenshot({ path: test.info().outputPath(`bar-${lang}.png`) });
    expect(m.height, `the bar with the import's message is ${m.height} px high (${Math.round(100 * m.height / VIEW.height)} % of ${VIEW.height})`).toBeLessThanOrEqual(VIEW.height / 4);
    // The export row on one line; the hint and the preview setting on the file button's line.
    expect(m.exportLines, 'the export row wraps').toBe(1);
    for (const top of m.besides) expect(top, `below the file button's line (${m.fileLine.top}–${m.fileLine.bottom})`).toBeLessThan(m.fileLine.bottom);
    // The row's message: in the closed "1 warning" disclosure, there once opened.
    const warnings = done.locator('details', { hasText: s.warnings });
    await expect(warnings).not.toHaveAttribute('open', '');
    await expect(warnings.locator('.issue-list')).toBeHidden();
    await warnings.locator('summary').click();
    await expect(warnings.locator('.issue-list li')).toHaveCount(1);
    await expect(warnings.locator('.issue-list li')).toContainText(`typo.csv:4: ${s.level}`);
    await expect(warnings.locator('.issue-list li')).toBeVisible();
    // And the per-patient list.
    const patients = done.locator('details').first();
    await patients.locator('summary').click();
    await expect(patients.locator('.per-patient li')).toHaveCount(1);
    await expect(patients.locator('.per-patient li')).toBeVisible();
    expect(w.errors).toEqual([]);
  });
}

test('1366×768: after importing the 60 virtual patients, the message and the bar take at most a quarter of the screen; each patient listed once opened', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  await page.locator('[data-patient-id="NAT-001"] a').click();
  await importFile(page, 'fixtures/validation/natalizumab-virtual.csv');
  const m = await barLayout(page);
  expect(m.height, `the bar with the import's message is ${m.height} px high`).toBeLessThanOrEqual(VIEW.height / 4);
  expect(m.exportLines, 'the export row wraps').toBe(1);
  const patients = page.getByTestId('import-done').locator('details').first();
  await expect(patients.locator('summary')).toHaveText('Imported 60 patients from natalizumab-virtual.csv.');
  await patients.locator('summary').click();
  await expect(patients.locator('.per-patient li')).toHaveCount(60);
  expect(w.errors).toEqual([]);
});

for (const lang of ['en', 'nl'] as const) {
  test(`1366×768 (${lang}): a file that cannot be used, with six refused rows: the message and the bar take at most a quarter of the screen; each row's message one click away`, async ({ page }) => {
    const w = watch(page);
    await inLanguage(page, lang);
    await page.goto('/');
    await page.locator('[data-patient-id="NAT-001"] a').click();
    const rows = Array.from({ length: 6 }, (_, i) => `BAD-1,natalizumab,dose,2024-0${i + 1}-02T09:00,3O0,mg,iv,60,`);
    await importFile(page, { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from([TDM_HEADER, ...rows].join('\n') + '\n') });
    const failed = page.locator('.import-failed');
    await expect(failed).toHaveAttribute('role', 'alert');
    await expect(failed.locator('p')).toHaveText(lang === 'en' ? 'bad.csv cannot be used. Nothing was changed. Close' : 'bad.csv is onbruikbaar. Er is niets veranderd. Sluiten');
    const m = await barLayout(page);
    expect(m.height, `the bar with the import's message is ${m.height} px high`).toBeLessThanOrEqual(VIEW.height / 4);
    const messages = failed.getByTestId('import-failed-messages');
    await expect(messages.locator('summary')).toHaveText(lang === 'en' ? '6 messages of the file' : '6 meldingen van het bestand');
    await messages.locator('summary').click();
    const items = messages.locator('.issue-list li');
    await expect(items).toHaveCount(6);
    for (let i = 0; i < 6; i++) {
      await expect(items.nth(i)).toContainText(`bad.csv:${i + 2}: ${T[lang].dose}`);
      await expect(items.nth(i)).toBeVisible();
    }
    expect(w.errors).toEqual([]);
  });
}
