/**
 * The third clinician's walk at 1366×768, in English and Dutch.
 *
 * The next morning, by keyboard: a choice made on a natalizumab card, the page reloaded, then the
 * choice undone with Enter on Undo. With nothing left to undo the button is disabled; the focus
 * goes to the message that says what was undone (not to the start of the page, where a keyboard
 * user would have to tab through the whole header again), and the record, the card and the
 * Changes view agree. The same from the Changes view's own Undo button, in Dutch.
 *
 * Ocrelizumab, a count reported as 0 and one far above the model's plateau: the predicted crossing's
 * 80 % interval keeps each date whole at 1366×768 (it broke as "2026-" / "11-12"), and the card's
 * reason, protocol line and warnings give the threshold its unit ("10 cells/µL", "10 cellen/µL"),
 * each value kept on one line with its unit (not "10 cellen/" / "µL").
 *
 * A new patient by keyboard as the app opens (the example patients still computing): a refused
 * field takes the focus whichever field Enter was pressed in; once saved the focus is on "Add
 * doses" (it was lost to the page when the button came a few frames late); a refused schedule
 * gives the focus to the field that is wrong, not left on "Save doses".
 *
 * The intervals compared: a chance below the required one is marked "(too low)" / "(te laag)",
 * which broke as "(too" / "low)" in the narrow column.
 */
import { test, expect, type Page } from './pinned';
import { importFile, optionValues, recentCsv, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

async function inLanguage(page: Page, lang: 'en' | 'nl'): Promise<void> {
  await page.addInitScript((l) => { if (!sessionStorage.getItem('walk3-init')) { localStorage.setItem('ms-interval-lang', l); sessionStorage.setItem('walk3-init', '1'); } }, lang);
}

/** What has the focus: its test id, or the status message, or the page itself. */
const focused = (page: Page) => page.evaluate(() => {
  const e = document.activeElement as HTMLElement | null;
  if (!e || e === document.body) return 'body';
  if (e.classList.contains('message') && e.closest('.status-line')) return `message:${e.textContent?.trim()}`;
  return e.dataset.testid ?? e.tagName.toLowerCase();
});

const T = {
  en: { undone: 'message:· Undone: choice for NAT-001', row: 'choice recorded · undone', dismiss: 'Dismiss' },
  nl: { undone: 'message:· Ongedaan gemaakt: keuze voor NAT-001', row: 'keuze vastgelegd · ongedaan gemaakt', dismiss: 'Sluiten' },
};

for (const lang of ['en', 'nl'] as const) {
  test(`the next morning by keyboard (${lang}): a choice undone after a reload leaves the focus on what was undone; record, card and Changes agree`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = watch(page);
    const s = T[lang];
    await inLanguage(page, lang);
    await page.goto('/');
    await page.locator('[data-patient-id="NAT-001"] a').focus();
    await page.keyboard.press('Enter');
    const proposed = page.locator('[data-testid="proposal"] [data-testid="next-dose"]');
    await expect(proposed).toHaveText(/\d{2}-\d{2}-\d{4}|\d{4}-\d{2}-\d{2}/, { timeout: 30_000 });
    // The 4-week option by keyboard (not the proposal of 5 weeks), a reason, Enter on "Record choice".
    const values = await optionValues(page);
    const four = values.find((v) => v.endsWith('/interval:4'))!;
    const select = page.getByTestId('choose-option');
    await select.focus();
    for (let i = 0; i < values.length && (await select.inputValue()) !== four; i++) await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue(four);
    await page.keyboard.press('Tab');
    await page.keyboard.type(lang === 'en' ? 'chair slot on that day' : 'stoel vrij die dag');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('save-choice')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('card-planned-dose')).toBeVisible();

    // The next morning.
    await page.reload();
    await expect(page.getByTestId('card-planned-dose')).toBeVisible({ timeout: 30_000 });
    if (lang === 'en') {
      await page.getByTestId('undo').focus();
      await page.keyboard.press('Enter');
    } else {
      await page.getByTestId('nav-changes').click();
      await expect(page.locator('[data-testid="change-row"]').first()).toContainText('keuze vastgelegd');
      await page.getByTestId('changes-undo').focus();
      await page.keyboard.press('Enter');
    }
    await expect(page.getByTestId(lang === 'en' ? 'undo' : 'changes-undo')).toBeDisabled();
    // The focus is on what was undone, not lost to the page; Tab goes on to the message's own button.
    await expect.poll(() => focused(page)).toBe(s.undone);
    await page.screenshot({ path: test.info().outputPath(`undone-focus-${lang}.png`) });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: s.dismiss, exact: true })).toBeFocused();

    // Record, card and Changes agree: no choice is left.
    if (lang === 'nl') await page.getByRole('button', { name: 'Planning', exact: true }).click();
    await expect(page.getByTestId('card-planned-dose')).toHaveCount(0);
    await expect(page.locator('[data-patient-id="NAT-001"]')).not.toContainText(lang === 'en' ? '(chosen)' : '(gekozen)');
    await page.getByTestId('nav-changes').click();
    await expect(page.locator('[data-testid="change-row"]').first()).toContainText(s.row);
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
  });
}

const OCR = recentCsv(['patient_id,drug,kind,time,value,unit,route,duration_min,note',
  'OCR-W,ocrelizumab,dose,2025-01-06T09:00,600,mg,iv,,',
  'OCR-W,ocrelizumab,dose,2025-07-07T09:00,600,mg,iv,,',
  'OCR-W,ocrelizumab,bcell,2025-11-24T09:00,0,cells/uL,,,',
  'OCR-W,ocrelizumab,bcell,2026-01-19T09:00,420,cells/uL,,,'].join('\n') + '\n').csv;

const U = {
  en: { unit: '10 cells/µL', bare: /(?:threshold|above|below) 10(?! cells)/ },
  nl: { unit: '10 cellen/µL', bare: /(?:drempel|boven|onder) 10(?! cellen)/ },
};

for (const lang of ['en', 'nl'] as const) {
  test(`ocrelizumab at 1366×768 (${lang}): the crossing's 80 % interval keeps its dates whole; the threshold has its unit on the card and the print`, async ({ page }) => {
    test.setTimeout(90_000);
    const w = watch(page);
    const s = U[lang];
    await inLanguage(page, lang);
    await page.goto('/');
    await importFile(page, { name: 'ocr.csv', mimeType: 'text/csv', buffer: Buffer.from(OCR) });
    await page.locator('[data-patient-id="OCR-W"] a').click();
    const card = page.locator('[data-testid="proposal"]');
    const range = card.locator('[data-testid="predicted-crossing"] .proposal__range');
    await expect(range).toBeVisible({ timeout: 30_000 });
    // Each date of the interval on one line (a date broken at its hyphen has two line boxes).
    const lines = await range.evaluate((el) => {
      const dates: number[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}/g)) {
          const r = document.createRange();
          r.setStart(n, m.index!);
          r.setEnd(n, m.index! + m[0].length);
          dates.push(new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size);
        }
      }
      return dates;
    });
    await range.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`ocr-range-${lang}.png`) });
    expect(lines, 'the two dates of the interval, each on one line').toEqual([1, 1]);
    // The threshold with its unit in the reason, the protocol's line and the warnings, each value
    // with its unit on one line (not "10 cellen/" / "µL").
    for (const id of ['reason', 'rationale']) await expect(card.getByTestId(id)).toContainText(s.unit);
    const units = await card.evaluate((card) => {
      const out: string[] = [];
      for (const el of card.querySelectorAll('[data-testid="due-now"], [data-testid="predicted-crossing"] dt, [data-testid="reason"], [data-testid="rationale"], .proposal__alternatives h3, [data-testid="warnings"]')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\d[\d.,]*\s(?:cells|cellen)\/µL/g)) {
          const r = document.createRange();
          r.setStart(n, m.index!);
          r.setEnd(n, m.index! + m[0].length);
          out.push(`${m[0]}:${new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size}`);
        }
      }
      }
      return out;
    });
    expect(units.length).toBeGreaterThanOrEqual(6);
    expect(units.filter((u) => !u.endsWith(':1')), `values broken from their unit: ${units.join(', ')}`).toEqual([]);
    const text = await card.innerText();
    expect(text, text).not.toMatch(s.bare);
    // And on the print.
    await page.evaluate(() => { window.print = () => undefined; });
    await page.getByTestId('print-button').click();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('.print-report, [data-testid="print-report"]').first().innerText();
    expect(printed).toContain(s.unit);
    expect(printed, printed).not.toMatch(s.bare);
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
  });
}

const K = {
  en: { weight: '72,5', kg: 'Weight 72.5 kg given', exists: 'A patient with id NAT-001 exists already', badDate: '"2025-13-06" is not a date' },
  nl: { weight: '72,5', kg: 'Gewicht 72,5 kg', exists: 'NAT-001', badDate: '"2025-13-06"' },
};

for (const lang of ['en', 'nl'] as const) {
  test(`a new patient by keyboard as the app opens (${lang}): a refused field takes the focus; after saving, the focus is on "Add doses"; a refused schedule gives it to the wrong field`, async ({ page }) => {
    test.setTimeout(90_000);
    const w = watch(page);
    const s = K[lang];
    await inLanguage(page, lang);
    await page.goto('/');
    // At once, while the example patients' proposals are still being computed.
    await page.getByTestId('new-patient').focus();
    await page.keyboard.press('Enter');
    const pid = page.locator('input[name="patient_id"]');
    await expect(pid).toBeFocused();
    // An id on record, Enter pressed in the weight field: the focus goes to the id, the field that is wrong.
    await page.keyboard.type('NAT-001');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.locator('input[name="weight"]')).toBeFocused();
    await page.keyboard.type(s.weight);
    await page.keyboard.press('Enter');
    await expect(pid).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('section.new-patient')).toContainText(s.exists);
    await expect(pid).toBeFocused();
    // Corrected (the weight with a decimal comma, in English too): saved, the focus on the next step.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('KB-3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const pane = page.locator('[data-selected-patient="KB-3"]');
    await expect(pane).toContainText(s.kg);
    await expect(pane.getByTestId('add-doses')).toBeFocused();
    // The schedule with a date that is not one, Enter on "Save doses": the focus goes to the date.
    await page.keyboard.press('Enter');
    const first = page.locator('input[name="first"]');
    await expect(first).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2025-13-06');
    await page.getByTestId('save-doses').focus();
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.schedule-form')).toContainText(s.badDate);
    await expect(first).toBeFocused();
    await page.screenshot({ path: test.info().outputPath(`schedule-refused-${lang}.png`) });
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
  });
}

for (const lang of ['en', 'nl'] as const) {
  test(`1366×768 (${lang}): the intervals compared mark a chance below the required one as "${lang === 'en' ? '(too low)' : '(te laag)'}", never broken in two`, async ({ page }) => {
    const w = watch(page);
    const low = lang === 'en' ? '(too low)' : '(te laag)';
    await inLanguage(page, lang);
    await page.goto('/');
    await page.locator('[data-patient-id="NAT-001"] a').click();
    const table = page.locator('[data-testid="proposal"] [data-testid="alternatives"]');
    await expect(table.locator('tr[data-weeks="8"]')).toContainText(low, { timeout: 30_000 });
    // Each occurrence's line boxes (a mark broken as "(too" / "low)" has two).
    const lines = await table.evaluate((el, needle) => {
      const out: number[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + needle.length);
          out.push(new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size);
        }
      }
      return out;
    }, low);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`too-low-${lang}.png`) });
    expect(lines.length, 'some chances are below the required one').toBeGreaterThanOrEqual(3);
    expect(lines.filter((n) => n !== 1), `marks broken across lines (${lines.join(', ')})`).toEqual([]);
    expect(w.errors).toEqual([]);
  });
}
