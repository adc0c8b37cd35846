/**
 * A change is said in the language of the screen, not in the one it was made in: the Undo button
 * (its name and title), the Changes view (its Undo button and the row) and the "Undone: …"
 * message follow a language switch at once and after a reload, both ways. A history stored by the
 * earlier version (the label a sentence in the language of that moment) is still read: shown as
 * it was written, and undone.
 */
import { test, expect, type Page } from './pinned';
import { watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const CSV = `${HEAD}\nHIS-1,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\nHIS-1,natalizumab,dose,2025-02-03T09:00,300,mg,iv,60,\nHIS-1,natalizumab,level,2025-02-03T08:45,21.5,ug/mL,,,\n`;

async function putFile(page: Page, name: string, text: string): Promise<void> {
  await importFile(page, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

async function setLang(page: Page, lang: 'en' | 'nl'): Promise<void> {
  await page.locator('select[aria-label="Language"], select[aria-label="Taal"]').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The Undo button of the bar: its accessible name and its title say the change. */
async function expectUndo(page: Page, lang: 'en' | 'nl', label: string): Promise<void> {
  const undo = page.getByTestId('undo');
  const what = lang === 'en' ? `Undo: ${label}` : `Ongedaan maken: ${label}`;
  await expect(undo).toHaveAccessibleName(what);
  await expect(undo).toHaveAttribute('title', what);
}

const message = (page: Page) => page.locator('.status-line .message');
const rows = (page: Page) => page.getByTestId('change-row');
const action = (page: Page, i: number) => rows(page).nth(i).locator('td').nth(1);

test('a change made on an English screen is said in Dutch after a switch and after a reload, and undone in Dutch', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await putFile(page, 'lab.csv', CSV);
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(1);
  await expectUndo(page, 'en', 'import of lab.csv');
  await page.getByTestId('nav-changes').click();
  await expect(page.getByTestId('changes-undo')).toHaveText('Undo: import of lab.csv');
  await expect(rows(page)).toHaveCount(1);
  await expect(action(page, 0)).toHaveText('import of lab.csv');

  // Dutch, at once: no sentence of the English screen is left.
  await setLang(page, 'nl');
  await expectUndo(page, 'nl', 'import van lab.csv');
  await expect(page.getByTestId('changes-undo')).toHaveText('Ongedaan maken: import van lab.csv');
  await expect(action(page, 0)).toHaveText('import van lab.csv');
  await expect(rows(page).nth(0).locator('td').nth(2)).toHaveText('HIS-1');

  // After a reload (the language is remembered): the same, read from IndexedDB.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByTestId('nav-changes').click();
  await expectUndo(page, 'nl', 'import van lab.csv');
  await expect(page.getByTestId('changes-undo')).toHaveText('Ongedaan maken: import van lab.csv');
  await expect(action(page, 0)).toHaveText('import van lab.csv');

  // Undone in Dutch; the message follows a switch back to English while it is shown.
  await page.getByTestId('changes-undo').click();
  await expect(message(page)).toHaveText(/^\s*·\s*Ongedaan gemaakt: import van lab\.csv$/);
  await expect(action(page, 0)).toHaveText('import van lab.csv · ongedaan gemaakt');
  await expect(page.getByTestId('changes-undo')).toHaveText('Ongedaan maken: —');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await setLang(page, 'en');
  await expect(message(page)).toHaveText(/^\s*·\s*Undone: import of lab\.csv$/);
  await expect(action(page, 0)).toHaveText('import of lab.csv · undone');
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

test('changes made on a Dutch screen are said in English after a switch and after a reload, and undone in English', async ({ page }) => {
  const w = watch(page);
  await page.addInitScript(() => { if (!sessionStorage.getItem('started')) { sessionStorage.setItem('started', '1'); localStorage.setItem('ms-interval-lang', 'nl'); } });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await putFile(page, 'his.csv', CSV);
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(1);
  const removeText = await page.getByTestId('remove-examples').textContent();
  const examples = Number(/\((\d+)\)/.exec(removeText ?? '')?.[1]);
  expect(examples).toBeGreaterThan(1);
  await page.getByTestId('remove-examples').click();
  await expect(page.locator('[data-patient-id]')).toHaveCount(1);
  await expectUndo(page, 'nl', 'voorbeeldpatiënten verwijderen');
  await page.getByTestId('nav-changes').click();
  await expect(page.getByTestId('changes-undo')).toHaveText('Ongedaan maken: voorbeeldpatiënten verwijderen');
  await expect(action(page, 0)).toHaveText(`${examples} voorbeeldpatiënten verwijderd`);
  await expect(action(page, 1)).toHaveText('import van his.csv');

  await setLang(page, 'en');
  await expectUndo(page, 'en', 'removing the example patients');
  await expect(page.getByTestId('changes-undo')).toHaveText('Undo: removing the example patients');
  await expect(action(page, 0)).toHaveText(`${examples} example patients removed`);
  await expect(action(page, 1)).toHaveText('import of his.csv');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('nav-changes').click();
  await expectUndo(page, 'en', 'removing the example patients');
  await expect(page.getByTestId('changes-undo')).toHaveText('Undo: removing the example patients');
  await expect(action(page, 0)).toHaveText(`${examples} example patients removed`);
  await expect(action(page, 1)).toHaveText('import of his.csv');

  // Undone in English (the bar's button): the examples are back; the next change to undo is the import.
  await page.getByTestId('undo').click();
  await expect(message(page)).toHaveText(/^\s*·\s*Undone: removing the example patients$/);
  await expectUndo(page, 'en', 'import of his.csv');
  await expect(page.getByTestId('changes-undo')).toHaveText('Undo: import of his.csv');
  await expect(action(page, 0)).toHaveText(`${examples} example patients removed · undone`);
  await setLang(page, 'nl');
  await expect(message(page)).toHaveText(/^\s*·\s*Ongedaan gemaakt: voorbeeldpatiënten verwijderen$/);
  await expectUndo(page, 'nl', 'import van his.csv');
  await expect(action(page, 0)).toHaveText(`${examples} voorbeeldpatiënten verwijderd · ongedaan gemaakt`);
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  await expect(page.locator('[data-patient-id]')).toHaveCount(examples + 1);
  expect(w.errors).toEqual([]);
});

test('a history stored by the earlier version (a sentence as the label) is read whole: shown as written, undone, kept', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await putFile(page, 'his.csv', CSV);
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(1);
  // As the earlier version stored it from a Dutch screen: the label a Dutch sentence.
  const stored = await page.evaluate(() => new Promise<unknown[]>((resolve, reject) => {
    const open = indexedDB.open('ms-interval');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('history', 'readwrite');
      const h = tx.objectStore('history');
      const all = h.getAll();
      all.onsuccess = () => {
        const rows = all.result as { label: unknown }[];
        for (const r of rows) h.put({ ...r, label: 'import van his.csv' });
        tx.oncomplete = () => { db.close(); resolve(rows.map((r) => r.label)); };
      };
      tx.onerror = () => reject(tx.error);
    };
  }));
  expect(stored).toEqual([{ code: 'change.import', params: { file: 'his.csv' } }]);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectUndo(page, 'en', 'import van his.csv');
  await page.getByTestId('nav-changes').click();
  await expect(page.getByTestId('changes-undo')).toHaveText('Undo: import van his.csv');
  // The row says the action (stored apart from the label) in the screen's language.
  await expect(action(page, 0)).toHaveText('import of his.csv');
  await page.getByTestId('undo').click();
  await expect(message(page)).toHaveText(/^\s*·\s*Undone: import van his\.csv$/);
  await expect(action(page, 0)).toHaveText('import of his.csv · undone');
  // Kept as it was, now marked undone.
  const after = await page.evaluate(() => new Promise<unknown[]>((resolve, reject) => {
    const open = indexedDB.open('ms-interval');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('history').objectStore('history').getAll();
      all.onsuccess = () => { open.result.close(); resolve((all.result as { label: unknown; undone?: boolean }[]).map((r) => [r.label, r.undone ?? false])); };
    };
  }));
  expect(after).toEqual([['import van his.csv', true]]);
  await page.reload();
  await page.getByTestId('nav-changes').click();
  await expect(action(page, 0)).toHaveText('import of his.csv · undone');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

test('the status line\'s other messages (an export, a deletion) are said again in the new language on a switch', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  const n = await page.locator('[data-patient-id]').count();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  await download;
  await expect(message(page)).toHaveText(new RegExp(`^\\s*·\\s*Exported ${n} patients as CSV\\.$`));
  await setLang(page, 'nl');
  await expect(message(page)).toHaveText(new RegExp(`^\\s*·\\s*${n} patiënten als CSV geëxporteerd\\.$`));
  // A patient deleted on the Dutch screen, said in English after a switch; the Undo button too.
  await page.locator('[data-patient-id="NAT-001"] a').click();
  await page.getByTestId('delete-patient').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(0);
  await expectUndo(page, 'nl', 'verwijderen van patiënt NAT-001');
  await expect(message(page)).toHaveText(/^\s*·\s*Patiënt NAT-001 verwijderd\. Met Ongedaan maken komt hij terug\.$/);
  await setLang(page, 'en');
  await expectUndo(page, 'en', 'deleting patient NAT-001');
  await expect(message(page)).toHaveText(/^\s*·\s*Patient NAT-001 deleted\. Use Undo to bring it back\.$/);
  expect(w.errors).toEqual([]);
});
