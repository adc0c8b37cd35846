/**
 * Issue 18: a Dutch nurse's walk through the app. The example patients (every one, with every part
 * opened), a patient with a refused row, the clinic day, the print and the exports (planning CSV,
 * clinic-day CSV, .ics, session, TDM CSV) in Dutch, failing on any English word of the one
 * catalog's English side (src/i18n: the engines' and the records' sentences), minus the words
 * that are the same in both languages. The card must read for a nurse: the next dose once, in
 * Dutch form; units µg/mL and cellen/µL; decimal commas; no "evenwicht", "a-priori", "geconvergeerd".
 */
import { test, expect, type Download, type Page } from './pinned';
import { readFileSync } from 'node:fs';
import { CATALOG } from '../../src/i18n/catalog';
import { waitComputed, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 900 } });

type Tree = { [k: string]: string | Tree };
function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
}
/** The words of a sentence template: no parameters, no nested keys. */
function words(text: string): string[] {
  return text.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ' ').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3);
}
/**
 * The TDM CSV's own vocabulary (column names and kind values, which Dutch messages about a file
 * quote as the file writes them) does not make an English word Dutch.
 */
const FORMAT = new Set(['patient', 'drug', 'kind', 'time', 'value', 'unit', 'dose', 'level', 'bcell', 'weight', 'venous', 'capillary', 'score']);
/** Abbreviations both languages write the same (units). */
const SAME = ['min', 'data'];
/**
 * The namespaces a screen shows: not the command line's (`cli`), whose Dutch quotes the command
 * line's own English commands, options and usage lines, and whose text never reaches the page.
 */
const onScreen = (lang: 'en' | 'nl') => Object.entries(CATALOG[lang]).filter(([ns]) => ns !== 'cli').map(([, tree]) => tree as Tree);
const dutchWords = new Set([...SAME, ...onScreen('nl').flatMap(leaves).flatMap(words).filter((w) => !FORMAT.has(w))]);
/** Every word of the catalog's English side that is not also a word of its Dutch side. */
const ENGLISH = new Set(onScreen('en').flatMap(leaves).flatMap(words).filter((w) => !dutchWords.has(w)));

/** Names that are not words: trials, protocols, a paper's English title, the app's name. */
const NAMES = /NEXT-MS|BLOOMS|PDNMS|DELIVER|Model-informed precision dosing of natalizumab|MS Interval|Theil–Sen|\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b/g;

/** The English words of a text, each with the line it is on. */
function englishIn(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(NAMES, '').split('\n')) {
    for (const w of line.toLowerCase().split(/[^\p{L}]+/u)) if (ENGLISH.has(w)) out.push(`${w} ← ${line.trim().slice(0, 160)}`);
  }
  return out;
}

/** The page's visible interface text: no patient notes, nothing marked as another language. */
async function interfaceText(page: Page, scope = 'body'): Promise<string> {
  return page.locator(scope).first().evaluate((root) => {
    const lines: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text) continue;
      if (el.closest('td.note, [lang]:not(html), script, style, option')) continue;
      if (!el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) && !el.closest('.sr-only, .print-root')) continue;
      lines.push(text);
    }
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]'))) {
      if (el.closest('[lang]:not(html)')) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) { const v = el.getAttribute(a); if (v) lines.push(v); }
    }
    return lines.join('\n');
  });
}

async function expectDutch(page: Page, where: string, scope?: string): Promise<void> {
  expect.soft([...new Set(englishIn(await interfaceText(page, scope)))], `English on ${where}`).toEqual([]);
}

/** What a nurse reads on the card: plain words, Dutch units and numbers, the next dose once. */
async function expectCardForNurse(page: Page, id: string): Promise<void> {
  const card = page.locator(`[data-selected-patient="${id}"] [data-testid="proposal"]`);
  if (!(await card.count())) return;
  // The model's sources (DOIs, versions) are references, not numbers shown.
  const text = await card.evaluate((el) => {
    const c = el.cloneNode(true) as HTMLElement;
    c.querySelectorAll('.proposal__model, [lang]').forEach((x) => x.remove());
    return c.innerText;
  });
  expect.soft(text, `${id}: plain words`).not.toMatch(/evenwicht|a-priori|geconvergeerd/i);
  expect.soft(text, `${id}: units`).not.toMatch(/ug\/mL|cells\/uL|cells\/µL/);
  expect.soft(text, `${id}: a decimal point`).not.toMatch(/\d\.\d/);
  expect.soft(text, `${id}: an ISO date`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
}

async function save(download: Promise<Download>): Promise<string> {
  const d = await download;
  return readFileSync((await d.path())!, 'utf8');
}

test('a Dutch nurse walks the app: every example patient, a refused row, the clinic day, the print and every export, without an English word', async ({ page }) => {
  test.setTimeout(300_000);
  const w = watch(page);
  await page.addInitScript(() => {
    localStorage.setItem('ms-interval-lang', 'nl');
    (window as unknown as { print: () => void }).print = () => { (window as unknown as { printed: number }).printed = 1; };
  });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.locator('[data-patient-id]').first().waitFor();
  await waitComputed(page);
  expect(ENGLISH.size).toBeGreaterThan(300);
  for (const word of ['the', 'dose', 'trough', 'weeks', 'level', 'count']) expect(ENGLISH.has(word)).toBe(true);
  for (const same of ['natalizumab', 'interval', 'model', 'mg']) expect(ENGLISH.has(same)).toBe(false);
  await expectDutch(page, 'planning');

  // The planning CSV of a Dutch user.
  const planning = await save(Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-planning"]').click()]).then(([d]) => d));
  expect(planning.split(/\r?\n/)[0]).toContain('patiënt;middel;laatste_gift');
  expect(englishIn(planning), 'planning CSV').toEqual([]);

  // Every example patient, everything opened.
  const ids = await page.locator('[data-patient-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-patient-id')!));
  expect(ids.length).toBeGreaterThanOrEqual(5);
  for (const id of ids) {
    await page.locator(`[data-patient-id="${id}"] a`).first().click();
    await page.locator(`[data-selected-patient="${id}"]`).waitFor();
    await expect(page.locator(`[data-selected-patient="${id}"] [data-testid="proposal"], [data-selected-patient="${id}"] [data-testid="compute-failed"], [data-selected-patient="${id}"] .card-error`).first()).toBeVisible({ timeout: 60_000 });
    await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    await expect(page.locator('[data-testid="proposal-history"] table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expectDutch(page, `patient ${id}`);
    await expectCardForNurse(page, id);
  }

  // The print of one patient and its .ics.
  await page.locator(`[data-patient-id="${ids[0]}"] a`).first().click();
  await page.emulateMedia({ media: 'print' });
  await page.locator('[data-testid="print-button"]').first().click();
  await expect(page.locator('.print-root [data-testid="print-report"]')).toBeVisible();
  await expectDutch(page, 'print', '.print-root');
  const printed = await page.locator('.print-root [data-testid="print-report"]').innerText();
  expect(printed).not.toMatch(/ug\/mL|cells\/uL|cells\/µL|evenwicht|a-priori|geconvergeerd/);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  const ics = await save(Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-ics"]').first().click()]).then(([d]) => d));
  const icsText = ics.replace(/\r\n /g, '').split('\r\n').filter((l) => /^(SUMMARY|DESCRIPTION|X-WR-CALNAME)/.test(l)).join('\n').replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
  expect(icsText).toContain('Natalizumab-farmacokinetiek');
  expect(englishIn(icsText.replace(/^[A-Z-]+:/gm, '')), '.ics').toEqual([]);

  // A patient with a refused row: the refusal and why it is not planned, in Dutch.
  const csv = 'patient_id,drug,kind,time,value,unit\nWALK-1,natalizumab,dose,2026-01-05T09:00,300,mg\nWALK-1,natalizumab,dose,2026-02-02T09:00,300,mg\nWALK-1,natalizumab,level,2026-02-02T08:45,900,ug/mL\nWALK-1,natalizumab,weight,2026-01-05,68.5,kg\n';
  await page.locator('input[type=file]').setInputFiles({ name: 'lab.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectDutch(page, 'import preview');
  await page.getByRole('dialog').getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.locator('[data-patient-id="WALK-1"] a').first().click();
  await expect(page.locator('[data-testid="refused-rows"]')).toContainText('waarde "900" µg/mL van een spiegel is hoger dan een natalizumabgift kan geven');
  await expectDutch(page, 'a patient with a refused row');
  const status = await page.locator('.asof').innerText();
  expect(status).not.toMatch(/berekend in|Berekenen/);

  // A new patient by hand: no "Berekenen… · berekend in 0 ms", the weight with a decimal comma, an
  // empty first date asked for, a schedule running past today refused on the number of doses.
  await page.locator('[data-testid="new-patient"]').click();
  await page.locator('input[name="patient_id"]').fill('WALK-2');
  await page.locator('select[name="drug"]').selectOption('natalizumab');
  await page.locator('input[name="weight"]').fill('68,5');
  await page.locator('[data-testid="save-patient"]').click();
  const walk2 = page.locator('[data-selected-patient="WALK-2"]');
  await expect(walk2).toBeVisible();
  await expect(walk2.locator('.asof')).toContainText('Niet gepland', { timeout: 30_000 });
  await expect(walk2.locator('.asof')).not.toContainText(/berekend in|Berekenen/);
  await expect(walk2).toContainText('Gewicht 68,5 kg opgegeven');
  await page.locator('[data-testid="add-doses"]').click();
  await page.locator('input[name="first"]').fill('');
  await page.locator('[data-testid="save-doses"]').click();
  await expect(page.locator('.schedule-form [role=alert]').first()).toHaveText('Geef de datum van de eerste gift: dd-mm-jjjj of JJJJ-MM-DD.');
  const today = await page.evaluate(() => { const d = new Date(); return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())); });
  const first = new Date(today.getTime() - 10 * 28 * 86_400_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  await page.locator('input[name="first"]').fill(`${p2(first.getUTCDate())}-${p2(first.getUTCMonth() + 1)}-${first.getUTCFullYear()}`);
  await page.locator('input[name="every_weeks"]').fill('4');
  await page.locator('input[name="count"]').fill('13');
  await page.locator('[data-testid="save-doses"]').click();
  const countError = page.locator('.schedule-form [role=alert]').first();
  await expect(countError).toContainText('Giften 12 tot en met 13 van dit schema zouden na vandaag');
  await expect(countError).toContainText('Voer 11 gift(en) tot en met vandaag in');
  expect(await page.locator('.schedule-form input[name="count"]').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('.schedule-form input[name="first"]').getAttribute('aria-invalid')).not.toBe('true');
  await expectDutch(page, 'a new patient and its forms');

  // The clinic day, its list and its CSV.
  await page.locator('header nav button').filter({ hasText: 'Behandeldag' }).click();
  await expect(page.locator('[data-testid="clinic-day"]')).toBeVisible();
  await expectDutch(page, 'clinic day');
  // The example patients are left off the day's list unless asked for.
  await page.locator('[data-testid="day-show-examples"]').check();
  await expect(page.locator('[data-testid="clinic-day"] tbody tr').first()).toBeVisible();
  await expectDutch(page, 'clinic day with the example patients');
  for (const row of await page.locator('[data-testid="clinic-day"] tr[data-overdue="true"]').all()) await expect(row).not.toContainText('binnenkort');
  const day = await save(Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-day"]').click()]).then(([d]) => d));
  expect(day.split(/\r?\n/)[0]).toContain('datum;patiënt;middel');
  expect(englishIn(day), 'clinic-day CSV').toEqual([]);

  // The session file and the TDM CSV: data for the app and other programs (their field names are
  // the formats'); a Dutch user's TDM CSV is the ;-dialect with decimal commas, for Dutch Excel.
  const session = await save(Promise.all([page.waitForEvent('download'), page.locator('[data-testid="save-session"]').click()]).then(([d]) => d));
  expect(JSON.parse(session).patients.length).toBeGreaterThan(ids.length - 1);
  const tdm = await save(Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]).then(([d]) => d));
  expect(tdm.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^patient_id;drug;kind;time;value;unit;route;duration_min;note/);
  expect(tdm).toContain('WALK-1;natalizumab;weight;2026-01-05T09:00;68,5;kg');
  expect(w.errors).toEqual([]);
});
