/**
 * Import of the shared validation sets through the file input: every patient listed, every
 * next dose equal to the command line's (planning list and proposal card), a chart drawn.
 */
import { test, expect } from './pinned';
import { cliNextDoses, idsOf, importFile, planNextDose, waitComputed, watch } from './app-helpers';

for (const file of ['fixtures/validation/ocrelizumab-virtual-week24.csv', 'fixtures/validation/natalizumab-virtual.csv']) {
  test(`imports ${file} and proposes what the CLI proposes`, async ({ page }) => {
    test.setTimeout(240_000);
    const w = watch(page);
    const cli = cliNextDoses(file);
    await page.goto('/');
    await importFile(page, file);
    const ids = idsOf(file);
    for (const id of ids) await expect(page.locator(`[data-patient-id="${id}"]`)).toHaveCount(1);
    await waitComputed(page, 200_000);
    let compared = 0;
    for (const id of ids) {
      const want = cli.get(id);
      if (!want) continue;
      expect(await planNextDose(page, id), id).toBe(want);
      compared++;
    }
    expect(compared).toBe(ids.length);
    // The card of two patients: next dose as ISO in data-testid=next-dose, and a drawn chart.
    for (const id of [ids[0], ids[ids.length - 1]]) {
      await page.locator(`[data-patient-id="${id}"]`).click();
      const card = page.locator('[data-testid="proposal"]');
      await expect(card.locator('[data-testid="next-dose"]')).toContainText(cli.get(id)!);
      await expect(page.locator('.chart-box canvas')).toBeVisible();
    }
    const drawn = await page.locator('.chart-box canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
      return ink;
    });
    expect(drawn).toBeGreaterThan(1000);
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
  });
}

test('a file with bad lines is previewed, line by line, before anything is saved', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  const csv = [
    'patient_id,drug,kind,time,value,unit',
    'BAD-001,natalizumab,dose,2024-01-08T09:00,300,mg',
    'BAD-001,natalizumab,level,2024-02-05T08:45,-3,ug/mL',
    'BAD-001,natalizumab,dose,2024-02-05T09:00,300,mg',
    'BAD-002,natalizumab,dose,2024-02-30,300,mg',
    'BAD-003,natalizumab,dose,2024-01-08T09:00,300,mg',
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.getByRole('dialog');
  await expect(preview).toContainText('bad.csv:3:');
  await expect(preview).toContainText('bad.csv:5:');
  await expect(preview.locator('.issue-error')).toHaveCount(2);
  await expect(page.locator('[data-patient-id="BAD-001"]')).toHaveCount(0);
  await preview.getByRole('button', { name: /Import 2 patients/ }).click();
  await expect(page.locator('[data-patient-id="BAD-001"]')).toHaveCount(1);
  await expect(page.locator('[data-patient-id="BAD-003"]')).toHaveCount(1);
  await expect(page.locator('[data-patient-id="BAD-002"]')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

test('an unusable file gives a message, not a blank page', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles({ name: 'scan.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1]) });
  await expect(page.getByRole('alert')).toContainText('scan.csv cannot be used. Nothing was changed.');
  await page.locator('input[type=file]').setInputFiles({ name: 'session.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "something-else"}') });
  await expect(page.getByRole('alert')).toContainText('session.json cannot be opened: not an MS Interval session file');
  await expect(page.locator('h1')).toHaveText('MS Interval');
  expect(w.errors).toEqual([]);
});

test('a damaged session file is refused in Dutch, naming patient, row and what is accepted, and nothing is changed', async ({ page }) => {
  const w = watch(page);
  await page.addInitScript(() => localStorage.setItem('ms-interval-lang', 'nl'));
  await page.goto('/');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  const before = await page.locator('[data-patient-id]').count();
  const record = {
    id: 'KAPOT', drug: 'natalizumab', weights: [], bcells: [], issues: [], order: 0,
    doses: [{ kind: 'dose', time: 19835.375, iso: '2024-04-22T09:00', amountMg: 300, route: 'iv', durationMin: 60 }],
    // 2410 stored where the written form says 24.1: changed by hand.
    levels: [{ kind: 'level', time: 19863.359722222222, iso: '2024-05-20T08:38', value: 2410, censored: false, unit: 'ug/mL', raw: '24.1' }],
  };
  const file = JSON.stringify({ format: 'ms-interval-session', formatVersion: 1, patients: [{ record }] });
  await page.locator('input[type=file]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByRole('alert')).toHaveText(/backup\.json kan niet worden geopend: patients\[0\] \(patiënt KAPOT\), spiegel van 20-05-2024 08:38: de opgeslagen waarde \(2410\) is niet wat de geschreven vorm zegt \(24,1\); het bestand is met de hand veranderd of beschadigd\. Er is niets veranderd\./);
  await expect(page.locator('[data-patient-id="KAPOT"]')).toHaveCount(0);
  await expect(page.locator('[data-patient-id]')).toHaveCount(before);
  expect(w.errors).toEqual([]);
});
