/**
 * Issue 15, item 10: a patient whose view cannot be drawn (here a record damaged in storage: a
 * level whose note is an object, as old builds stored from a hostile session file) can still be
 * exported and deleted from the page that says so; the rest of the app keeps working.
 */
import { test, expect } from './pinned';
import { readFileSync } from 'node:fs';
import { watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const CSV = 'patient_id,drug,kind,time,value,unit,route,duration_min,note\nBRK-1,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\nBRK-1,natalizumab,level,2025-02-03T08:45,21.5,ug/mL,,,\nBRK-1,natalizumab,dose,2025-02-03T09:00,300,mg,iv,60,\n';

/** Ids of the patients whose computed report is kept in the browser's report cache. */
async function cachedIds(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'ms-interval-computed')) return [];
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('ms-interval-computed'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    if (!db.objectStoreNames.contains('reports')) { db.close(); return []; }
    const keys = await new Promise<IDBValidKey[]>((res, rej) => { const r = db.transaction('reports').objectStore('reports').getAllKeys(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    db.close();
    return keys.map(String);
  });
}

test('a patient whose view fails can still be exported and deleted (asked first, undoable)', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await importFile(page, { name: 'brk.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.locator('[data-patient-id="BRK-1"]')).toHaveCount(1);
  // Damage the stored record the way a hostile file once could: a note that is an object.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('ms-interval'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const tx = db.transaction('patients', 'readwrite');
    const store = tx.objectStore('patients');
    const p = await new Promise<{ record: { levels: { note?: unknown }[] } }>((res, rej) => { const r = store.get('BRK-1'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    p.record.levels[0].note = { text: 'an object' };
    store.put(p);
    await new Promise<void>((res, rej) => { tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error); });
    db.close();
  });
  await page.reload();
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await page.locator('[data-patient-id="BRK-1"] a').click();
  const broken = page.getByRole('alert').filter({ hasText: 'Patient BRK-1 cannot be shown.' });
  await expect(broken).toContainText('Its record could not be drawn. You can still export it or delete it.');

  // Export: its rows come out as a TDM CSV.
  const [dl] = await Promise.all([page.waitForEvent('download'), broken.locator('[data-testid="export-broken"]').click()]);
  const text = readFileSync((await dl.path())!, 'utf8');
  expect(text).toContain('BRK-1,natalizumab,level,2025-02-03T08:45,21.5');
  expect(text.match(/BRK-1,natalizumab,dose/g)).toHaveLength(2);

  // Delete: asked first, then gone; another patient opens as usual.
  await broken.locator('[data-testid="delete-patient"]').click();
  await expect(page.locator('[data-testid="confirm-delete"]')).toBeVisible();
  await expect(page.locator('[data-patient-id="BRK-1"]')).toHaveCount(1);
  // Its computed report is kept in the browser (issue 17's cache) until it is deleted.
  await expect.poll(() => cachedIds(page), { timeout: 15_000 }).toContain('BRK-1');
  await page.locator('[data-testid="confirm-delete"]').click();
  await expect(page.locator('[data-patient-id="BRK-1"]')).toHaveCount(0);
  // A deleted patient's stored keys go with it: nothing of it stays in the report cache.
  await expect.poll(() => cachedIds(page), { timeout: 15_000 }).not.toContain('BRK-1');
  await page.locator('[data-patient-id="NAT-001"] a').click();
  await expect(page.locator('#patient-title')).toContainText('NAT-001');
  await expect(page.locator('[data-testid="event-row"]').first()).toBeVisible();
  // Undo brings it back (to be exported or deleted again).
  await page.locator('[data-testid="undo"]').click();
  await expect(page.locator('[data-patient-id="BRK-1"]')).toHaveCount(1);
  // The only errors are React's report of the view that failed (minified error #31: an object as a child).
  expect(w.errors.filter((e) => !/React error #31\b|Objects are not valid as a React child/.test(e))).toEqual([]);
});
