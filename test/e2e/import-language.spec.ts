/**
 * The import panel's own result text is said when shown, in the screen's language: a file
 * imported (or refused) on an English screen is reported in Dutch, word for word, once the
 * language is switched, and in English again after switching back (no sentence of the moment of
 * the import is kept). The saved file's report (with its per-patient lines), a file that cannot be
 * used (with its messages), a session file that cannot be opened, and a file too large.
 */
import { test, expect, type Page } from './pinned';
import { watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const CSV = `${HEAD}\nHIS-1,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\nHIS-1,natalizumab,dose,2025-02-03T09:00,300,mg,iv,60,\nHIS-1,natalizumab,level,2025-02-03T08:45,21.5,ug/mL,,,\n`;

async function setLang(page: Page, lang: 'en' | 'nl'): Promise<void> {
  await page.locator('select[aria-label="Language"], select[aria-label="Taal"]').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}
const put = (page: Page, name: string, text: string, mimeType = 'text/csv') => importFile(page, { name, mimeType, buffer: Buffer.from(text) });
const failed = (page: Page) => page.locator('.import-failed');

test('a file imported on an English screen is reported in Dutch after a switch, and in English again', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await put(page, 'lab.csv', CSV);
  const done = page.getByTestId('import-done');
  await done.locator('summary').first().click();
  const english = ['lab.csv: 3 row(s) added, 0 already on record, 0 value(s) replaced, 0 conflict(s) left as on record; 1 patient(s), 1 new. Close', 'Imported 1 patient from lab.csv.', 'HIS-1: new patient, 3 rows'];
  const lines = async () => (await done.innerText()).split('\n').filter((l) => l.trim());
  expect(await lines()).toEqual(english);
  await setLang(page, 'nl');
  await expect(done.locator('p').first()).toHaveText('lab.csv: 3 regel(s) toegevoegd, 0 al aanwezig, 0 waarde(n) vervangen, 0 conflict(en) gelaten zoals ze waren; 1 patiënt(en), 1 nieuw. Sluiten');
  expect(await lines()).toEqual(['lab.csv: 3 regel(s) toegevoegd, 0 al aanwezig, 0 waarde(n) vervangen, 0 conflict(en) gelaten zoals ze waren; 1 patiënt(en), 1 nieuw. Sluiten', '1 patiënt geïmporteerd uit lab.csv.', 'HIS-1: nieuwe patiënt, 3 regels']);
  await setLang(page, 'en');
  await expect(done.locator('p').first()).toHaveText(english[0]);
  expect(await lines()).toEqual(english);
  expect(w.errors).toEqual([]);
});

test('a file refused on an English screen is said in Dutch after a switch: unusable, a session file that cannot be opened, a file too large', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);

  // Nothing usable: the panel's sentence and the file's message.
  await put(page, 'bad.csv', 'hello\nworld\n');
  await expect(failed(page).locator('p')).toHaveText('bad.csv cannot be used. Nothing was changed. Close');
  await expect(failed(page).locator('li')).toHaveText('Error bad.csv:1: no header line: the first line must name the columns patient_id, drug, kind, time, value, unit (found "hello")');
  await setLang(page, 'nl');
  await expect(failed(page).locator('p')).toHaveText('bad.csv is onbruikbaar. Er is niets veranderd. Sluiten');
  await expect(failed(page).locator('li')).toHaveText('Fout bad.csv:1: geen kopregel: de eerste regel moet de kolommen patient_id, drug, kind, time, value, unit noemen (gevonden: "hello")');
  await setLang(page, 'en');
  await expect(failed(page).locator('p')).toHaveText('bad.csv cannot be used. Nothing was changed. Close');

  // A session file that cannot be opened: the panel's sentence with the session's problem, both in the screen's language.
  await put(page, 'other.json', '{"format": "other"}', 'application/json');
  await expect(failed(page).locator('p')).toHaveText('other.json cannot be opened: not an MS Interval session file (expected "format": "ms-interval-session"). Nothing was changed. Close');
  await setLang(page, 'nl');
  await expect(failed(page).locator('p')).toHaveText('other.json kan niet worden geopend: geen sessiebestand van MS Interval (verwacht: "format": "ms-interval-session"). Er is niets veranderd. Sluiten');
  await setLang(page, 'en');

  // Too many rows for one file.
  const rows = Array.from({ length: 50_001 }, (_, i) => `BIG-1,natalizumab,level,2025-01-01T09:00,${i},ug/mL,,,`).join('\n');
  await put(page, 'big.csv', `${HEAD}\n${rows}\n`);
  await expect(failed(page).locator('p')).toHaveText('big.csv has 50001 rows; at most 50000 are read at once. Nothing was changed. Split the file. Close');
  await setLang(page, 'nl');
  await expect(failed(page).locator('p')).toHaveText('big.csv heeft 50001 regels; er worden er hoogstens 50000 tegelijk gelezen. Er is niets gewijzigd. Splits het bestand. Sluiten');
  expect(w.errors).toEqual([]);
});
