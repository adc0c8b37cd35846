/**
 * Issue 15, the clinic walkthrough at 1366×768: a late patient is never offered a date in the past
 * (card, choice list, list, recording); a choice below the required probability stays visibly risky
 * in the list, the card, the clinic day, the print, the .ics and the planning CSV (with its BOM);
 * example patients are marked and kept off the clinic day; the data table and its row editor fit
 * the patient pane (Edit/Delete in view, the value field and its message in view); forms take the
 * focus when they open and give it back when they close; the patient report prints on one A4 page
 * and the clinic day's warnings column fits the paper.
 */
import { test, expect, type Page, type Locator } from './pinned';
import { readFileSync } from 'node:fs';
import { localToday, optionValues, pickOption, recentCsv, waitComputed, watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const addDays = (iso: string, n: number) => new Date(day(iso) + n * 86_400_000).toISOString().slice(0, 10);

/** A natalizumab patient whose last infusion was 10 weeks ago (4-weekly before): late today. */
function lateCsv(today: string): string {
  const last = addDays(today, -70);
  const doses = [-84, -56, -28, 0].map((k) => addDays(last, k));
  return [HEADER, `LATE-1,natalizumab,weight,${doses[0]},72,kg,,,`,
    ...doses.flatMap((d, i) => [...(i >= 2 ? [`LATE-1,natalizumab,level,${d}T08:45,${i === 2 ? '19.5' : '18.9'},ug/mL,,,`] : []), `LATE-1,natalizumab,dose,${d}T09:00,300,mg,iv,60,`]),
  ].join('\n') + '\n';
}

/** The example NAT-001 (a patient with intervals below the required probability) as RISK-1, moved to the last weeks. */
function riskCsv(): string {
  const lines = readFileSync('fixtures/examples/example-patients.csv', 'utf8').split(/\r?\n/).filter((l) => l.startsWith('NAT-001,')).map((l) => l.replace(/^NAT-001,/, 'RISK-1,'));
  return `${HEADER}\n${recentCsv(lines.join('\n')).csv}\n`;
}

async function importCsv(page: Page, name: string, csv: string, id: string): Promise<void> {
  await importFile(page, { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.locator(`[data-patient-id="${id}"]`)).toBeVisible({ timeout: 60_000 });
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testId}"]`).click()]);
  return readFileSync((await dl.path())!);
}

/** The element lies wholly inside the viewport and inside the visible part of `pane` (its own scroll box). */
async function inView(page: Page, el: Locator, what: string, pane?: Locator): Promise<void> {
  const box = (await el.boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box, `${what} has no box`).not.toBeNull();
  expect(box.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} right edge ${box.x + box.width} > ${vp.width}`).toBeLessThanOrEqual(vp.width + 1);
  expect(box.y, `${what} top edge ${box.y}`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} bottom edge ${box.y + box.height} > ${vp.height}`).toBeLessThanOrEqual(vp.height + 1);
  if (pane) {
    const p = (await pane.boundingBox())!;
    expect(box.x + box.width, `${what} right edge ${box.x + box.width} beyond its pane's ${p.x + p.width}`).toBeLessThanOrEqual(p.x + p.width + 1);
  }
}

const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return { tag: a?.tagName ?? '', name: a?.getAttribute('name') ?? '', label: a?.getAttribute('aria-label') ?? '', testid: a?.getAttribute('data-testid') ?? '', text: a?.textContent ?? '', editRow: a?.getAttribute('data-edit-row') ?? null };
});

test('a late patient: overdue, proposed today, no option in the past; recorded, it is planned today', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const today = localToday();
  await page.goto('/');
  await waitComputed(page);
  await importCsv(page, 'late.csv', lateCsv(today), 'LATE-1');
  await expect(page.locator('[data-patient-id="LATE-1"] [data-testid="planned-dose"]')).toHaveAttribute('datetime', today, { timeout: 30_000 });
  await page.locator('[data-patient-id="LATE-1"] a').click();
  const card = page.locator('[data-testid="proposal"]');
  await expect(card.locator('[data-testid="next-dose"]')).toHaveText(today);
  await expect(card.locator('[data-testid="late-note"]')).toHaveText(`Overdue: the next dose was due on ${addDays(today, -42)}, which has passed. Proposed: ${today}, the first possible day; every option counts from there.`);
  // Every option of the choice list counts from today; the first, "(proposed)", is the headline's date.
  const values = await optionValues(page);
  expect(values.length).toBeGreaterThan(0);
  for (const v of values) expect(v.slice(0, 10) >= today, `option ${v} lies in the past`).toBe(true);
  await expect(card.locator('[data-testid="choose-option"] option').first()).toHaveText(new RegExp(`next dose ${today} \\(proposed\\)$`));
  // Recording it plans the infusion today, not in the past.
  page.on('dialog', (d) => void d.accept());
  await card.locator('[data-testid="choose-option"]').selectOption(values[0]);
  await card.locator('textarea[name="reason"]').fill('late, comes in today');
  await card.locator('[data-testid="save-choice"]').click();
  await expect(page.locator('[data-testid="card-planned-dose"]')).toHaveText(today);
  await expect(page.locator('[data-patient-id="LATE-1"] [data-testid="planned-dose"]')).toHaveAttribute('datetime', today);
  expect(w.errors).toEqual([]);
});

test('a choice below the required probability stays risky: list, card, clinic day, print, .ics and planning CSV (with BOM)', async ({ page }) => {
  test.setTimeout(150_000);
  const w = watch(page);
  await page.addInitScript(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
  await page.goto('/');
  await waitComputed(page);
  await importCsv(page, 'risk.csv', riskCsv(), 'RISK-1');
  await page.locator('[data-patient-id="RISK-1"] a').click();
  const card = page.locator('[data-testid="proposal"]');
  await expect(card.locator('[data-testid="next-dose"]')).toHaveText(/\d{4}-\d{2}-\d{2}/, { timeout: 30_000 });
  const weeks = await card.locator('tr.is-unacceptable[data-weeks]').first().getAttribute('data-weeks');
  expect(weeks).not.toBeNull();
  // The chance and the requirement as the card's intervals table gives them.
  const row = card.locator(`tr[data-weeks="${weeks}"]`);
  const cells = await row.locator('td').allTextContents();
  const pct = (s: string) => Number(/(\d+)\s?%/.exec(s)![1]);
  const pSs = pct(cells[2]), pNext = pct(cells[4]);
  page.once('dialog', (d) => void d.accept());
  const value = await pickOption(page, `interval:${weeks}`, 'holiday');
  await card.locator('[data-testid="save-choice"]').click();
  const chosen = value.slice(0, 10);
  await expect(page.locator('[data-testid="card-planned-dose"]')).toHaveText(chosen);

  // The card's headline, and the planning list: the chance against the requirement, not a plain "planned".
  const risk = page.locator('[data-testid="card-choice-risk"]');
  await expect(risk).toHaveText(/^ ?below the required probability: \d+%, \d+% required$/);
  const nums = /(\d+)%, (\d+)%/.exec((await risk.textContent())!)!;
  const p = Number(nums[1]), req = Number(nums[2]);
  expect(p).toBeLessThan(req);
  expect([pSs, pNext]).toContain(p);
  await expect(page.locator('[data-patient-id="RISK-1"] [data-testid="choice-risk"]')).toHaveText(`⚠ ${p}% < ${req}% required`);

  // The print: the same sentence on the printed card.
  await page.getByTestId('print-button').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.locator('[data-testid="print-card-choice-risk"]')).toHaveText(`below the required probability: ${p}%, ${req}% required`);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // The .ics: in the title and the description.
  const ics = (await download(page, 'download-ics')).toString('utf8');
  expect(ics).toContain(`SUMMARY:[${p}% < ${req}% REQUIRED] Natalizumab infusion: RISK-1`);
  expect(ics.replace(/\r\n /g, '')).toContain(`This choice is below the required probability: ${p}% chance of reaching the target\\, ${req}% required.`);

  // The planning CSV, Excel dialect: a BOM like the other CSVs, and the two percentages.
  await page.locator('select[name="export_which"]').selectOption('open');
  await page.locator('select[name="export_format"]').selectOption('excel');
  const plan = await download(page, 'export-planning');
  expect([...plan.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = plan.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0].split(';').slice(-2)).toEqual(['choice_probability_percent', 'required_probability_percent']);
  expect(lines[1].split(';').slice(-2)).toEqual([String(p), String(req)]);

  // The clinic day: the row of that date says it too.
  await page.locator('[data-testid="nav-clinic-day"]').click();
  await page.locator('.clinic-day input[name="from"]').fill(chosen);
  await page.locator('.clinic-day input[name="to"]').fill(chosen);
  await expect(page.locator('[data-day-patient="RISK-1"] [data-testid="day-choice-risk"]')).toHaveText(` below the required probability: ${p}%, ${req}% required`);
  // …and its CSV.
  const day = (await download(page, 'export-day')).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(day[0].split(',').slice(-2)).toEqual(['choice_probability_percent', 'required_probability_percent']);
  expect(day.find((l) => l.includes(',RISK-1,'))!.split(',').slice(-2)).toEqual([String(p), String(req)]);
  expect(w.errors).toEqual([]);
});

test('example patients are marked in the list and on the card, and kept off the clinic day unless asked for', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  await waitComputed(page);
  await expect(page.locator('[data-patient-id] [data-testid="example-tag"]')).toHaveCount(9);
  await expect(page.locator('[data-patient-id="NAT-001"] [data-testid="example-tag"]')).toHaveText('example');
  await page.locator('[data-patient-id="NAT-001"] a').click();
  await expect(page.locator('[data-testid="example-note"]')).toHaveText('Example patient: made-up data shipped with the app to show how it works. Not a real patient.');
  await page.locator('[data-testid="nav-clinic-day"]').click();
  await page.locator('.clinic-day input[name="from"]').fill('2000-01-01');
  await page.locator('.clinic-day input[name="to"]').fill('2100-01-01');
  await expect(page.locator('[data-testid="day-examples-hidden"]')).toHaveText('9 example patients are not listed.');
  await expect(page.locator('[data-day-patient]')).toHaveCount(0);
  await page.locator('[data-testid="day-show-examples"]').check();
  await expect(page.locator('[data-day-patient="NAT-001"]').first()).toBeVisible();
  expect(w.errors).toEqual([]);
});

for (const lang of ['en', 'nl'] as const) {
  test(`1366×768 (${lang}): the data table's Edit/Delete in view; editing a row keeps the value field and its message in view, with the focus`, async ({ page }, info) => {
    test.setTimeout(90_000);
    const w = watch(page);
    await page.addInitScript((l) => { if (!sessionStorage.getItem('walk-init')) { localStorage.setItem('ms-interval-lang', l); sessionStorage.setItem('walk-init', '1'); } }, lang);
    await page.goto('/');
    await waitComputed(page);
    await page.locator('[data-patient-id="NAT-001"] a').click();
    const events = page.locator('.events');
    await expect(events.locator('[data-testid="event-row"]').first()).toBeVisible();
    const pane = page.locator('[data-selected-patient]');
    // Nothing in the table scrolls sideways; every Edit and Delete button lies inside the pane.
    const m = await events.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
    expect(m.sw, `data table scrolls sideways (${m.sw} > ${m.cw})`).toBeLessThanOrEqual(m.cw);
    const buttons = events.locator('td.actions button');
    for (let i = 0; i < await buttons.count(); i++) {
      // Scrolled and measured again if the page moved between the two (a report or the track record
      // arriving redraws the card above the table); a button beyond the pane never passes.
      await expect(async () => {
        await buttons.nth(i).scrollIntoViewIfNeeded();
        await inView(page, buttons.nth(i), `row button ${i}`, pane);
      }).toPass({ timeout: 10_000 });
    }
    await events.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath(`table-${lang}.png`) });

    // Edit a level: the focus goes into the row editor; a wrong value keeps the field and its message in view, with the focus on the field.
    const level = events.locator('[data-testid="event-row"].kind-level').last();
    const editButton = level.locator('[data-edit-row]');
    const editIndex = await editButton.getAttribute('data-edit-row');
    await editButton.click();
    const editor = events.locator('tr.editing');
    expect((await focused(page)).label).toBe(lang === 'en' ? 'Date (time)' : 'Datum (tijd)');
    const valueField = editor.locator('input[inputmode="decimal"]');
    await valueField.fill('-5');
    await editor.locator('button[type=submit]').click();
    const message = events.locator('tr.editing-errors [role=alert]');
    await expect(message).toBeVisible();
    await expect.poll(async () => (await focused(page)).label).toBe(lang === 'en' ? 'Value' : 'Waarde');
    await inView(page, valueField, 'value field', pane);
    await inView(page, message, 'its message', pane);
    await inView(page, editor.locator('button[type=submit]'), 'Save', pane);
    const m2 = await events.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth, sl: e.scrollLeft }));
    expect(m2.sw, `row editor scrolls sideways (${m2.sw} > ${m2.cw})`).toBeLessThanOrEqual(m2.cw);
    expect(m2.sl).toBe(0);
    await page.screenshot({ path: info.outputPath(`editing-${lang}.png`) });

    // Cancel: the focus goes back to the Edit button of that row.
    await editor.locator('button[type=button]').click();
    await expect.poll(async () => (await focused(page)).editRow).toBe(editIndex);
    expect(w.errors).toEqual([]);
  });
}

test('forms take the focus when they open and give it back when they close; a saved result keeps it in the form', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  await waitComputed(page);
  // The new-patient form: the pseudonym field has the focus at once (no tabbing through the list).
  await page.locator('[data-testid="new-patient"]').click();
  await expect.poll(async () => (await focused(page)).name).toBe('patient_id');
  await page.locator('.new-patient button[type=button]').click();
  await expect.poll(async () => (await focused(page)).testid).toBe('new-patient');

  // A result on an open patient, by keyboard: the form's first field has the focus; after saving it is back there for the next one.
  await page.locator('[data-patient-id="NAT-001"] a').click();
  await page.locator('[data-testid="add-result"]').click();
  await expect.poll(async () => (await focused(page)).name).toBe('date');
  const last = await page.locator('.event-table tbody tr time').last().getAttribute('datetime');
  await page.keyboard.type(last!.slice(0, 10));
  await page.locator('.result-form input[name="time"]').fill('08:30');
  await page.locator('.result-form input[name="value"]').fill('19.5');
  await page.locator('.result-form input[name="value"]').press('Enter');
  await expect(page.locator('.result-form [role=status]')).toBeVisible();
  await expect.poll(async () => (await focused(page)).name).toBe('date');
  // Closed: the focus is back on the button that opened it.
  await page.locator('.result-form .form-buttons button[type=button]').click();
  await expect.poll(async () => (await focused(page)).testid).toBe('add-result');
  // The schedule form likewise.
  await page.locator('[data-testid="add-doses"]').click();
  await expect.poll(async () => (await focused(page)).name).toBe('first');
  expect(w.errors).toEqual([]);
});

test('the patient report prints on one A4 page; the clinic day prints every column within the paper', async ({ page }, info) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.addInitScript(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
  await page.goto('/');
  await waitComputed(page);
  for (const id of ['NAT-001', 'NAT-004', 'NAT-006', 'OCR-001']) {
    await page.locator(`[data-patient-id="${id}"] a`).click();
    await expect(page.locator('[data-testid="proposal"] [data-testid="next-dose"]')).toHaveText(/\d{4}-\d{2}-\d{2}/);
    await page.getByTestId('print-button').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBeGreaterThan(0);
    await expect(page.getByTestId('print-report').locator('canvas')).toHaveCount(1);
    await page.waitForTimeout(300); // the chart's drawing settles
    const zoom = Number(await page.getByTestId('print-report').getAttribute('data-zoom'));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, path: info.outputPath(`report-${id}.pdf`) });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    console.log(`${id}: printed report ${pages} page(s), scaled ${zoom}`);
    expect(zoom).toBeGreaterThanOrEqual(0.7);
    expect(pages, `${id}: the printed report runs to ${pages} pages`).toBe(1);
    await page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.dispatchEvent(new Event('afterprint')); });
    await expect(page.getByTestId('print-report')).toHaveCount(0); // (page.pdf may have closed it already)
  }

  // The clinic day on A4 portrait (190 mm between the margins ≈ 718 CSS px), English and Dutch: the warnings column inside the paper.
  await page.locator('[data-testid="nav-clinic-day"]').click();
  await page.locator('[data-testid="day-show-examples"]').check();
  await page.locator('.clinic-day input[name="from"]').fill('2000-01-01');
  await page.locator('.clinic-day input[name="to"]').fill('2100-01-01');
  await expect(page.locator('[data-day-patient]').first()).toBeVisible();
  for (const lang of ['en', 'nl'] as const) {
    if (lang === 'nl') await page.getByLabel('Language').selectOption('nl');
    await page.locator('[data-testid="print-day"]').click();
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const fit = await page.locator('.clinic-day__table').evaluate((t) => {
      const cells = Array.from(t.querySelectorAll('thead th:last-child, tbody td:last-child, tbody li')).map((c) => c.getBoundingClientRect().right);
      return { right: Math.max(...cells), width: document.documentElement.clientWidth, n: cells.length };
    });
    expect(fit.n).toBeGreaterThan(5);
    expect(fit.right, `${lang}: warnings column ends at ${fit.right} px, the paper at ${fit.width}`).toBeLessThanOrEqual(fit.width + 1);
    await page.screenshot({ path: info.outputPath(`clinic-day-print-${lang}.png`) });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  }
  expect(w.errors).toEqual([]);
});
