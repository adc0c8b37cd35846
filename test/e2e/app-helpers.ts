/** Shared helpers of the app's browser tests. */
import { expect, type Page } from '@playwright/test';
import { pinnedNow } from './pinned';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Collect console errors, page errors and any request that leaves 127.0.0.1. */
export function watch(page: Page): { errors: string[]; external: string[] } {
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(u)) external.push(u);
  });
  return { errors, external };
}

/** Patient ids of a TDM CSV, in order of first appearance. */
export function idsOf(file: string): string[] {
  const ids: string[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    const id = line.split(/[,;]/)[0];
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Today as the app sees it (local date, `YYYY-MM-DD`). */
export function localToday(zone?: string): string {
  // A spec whose browser runs in another zone (test.use({ timezoneId })) asks for that zone's date:
  // between 23:00 and 24:00 UTC it is already tomorrow in Amsterdam.
  // The pages' clock is pinned (pinned.ts): today as they see it.
  if (zone) return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(pinnedNow());
  const d = pinnedNow();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A TDM CSV with every date moved by the same whole number of weeks (weekdays kept), so that its
 * latest date falls in the week up to today: a record that is current. (The app plans a patient
 * whose dose as planned has passed as of today, issue 15; a test about something else uses a
 * current record.) `shift` moves another date of the file the same way.
 */
export function recentCsv(csv: string, today = localToday()): { csv: string; shift: (iso: string) => string } {
  const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const dates = [...csv.matchAll(/\b(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]);
  const latest = Math.max(...dates.map(day));
  const weeks = Math.floor((day(today) - latest) / (7 * 86_400_000));
  const shift = (iso: string) => new Date(day(iso) + weeks * 7 * 86_400_000).toISOString().slice(0, 10) + iso.slice(10);
  return { csv: csv.replace(/\b(\d{4}-\d{2}-\d{2})/g, (d) => shift(d)), shift };
}

/**
 * A TDM CSV with every date moved by the same number of days so that `anchor` (a date the test
 * types later, `YYYY-MM-DD`) falls on today: a record that is current, not late (issue 15). `shift`
 * moves any other date of the test the same way.
 */
export function anchoredCsv(csv: string, anchor: string, today = localToday()): { csv: string; shift: (iso: string) => string } {
  const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const days = Math.round((day(today) - day(anchor)) / 86_400_000);
  const shift = (iso: string) => new Date(day(iso) + days * 86_400_000).toISOString().slice(0, 10) + iso.slice(10);
  return { csv: csv.replace(/\b(\d{4}-\d{2}-\d{2})/g, (d) => shift(d)), shift };
}

export interface CliLine { patient_id: string; error?: string; proposal?: { next_dose: string; next_bcell_check?: string }; protocol?: { next_count?: string } }

function cliLines(file: string, args: string[]): Map<string, CliLine> {
  let out: string;
  try {
    out = execFileSync('node', ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'propose', file, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? ''); // exit status 1: some patient could not be planned
  }
  return new Map(out.trim().split('\n').filter(Boolean).map((l) => { const o = JSON.parse(l) as CliLine; return [o.patient_id, o]; }));
}

/**
 * The CLI's lines for a file as the app plans it (src/core/engine.ts, computeReport with
 * `notBefore`): each patient as of its own last row, unless the dose so planned (ocrelizumab: or
 * its next count) falls before today; a late patient as the CLI plans it `--as-of` today.
 */
export function cliAsTheAppPlans(file: string, today = localToday(), args: string[] = []): Map<string, CliLine> {
  const own = cliLines(file, args);
  let asOfToday: Map<string, CliLine> | null = null;
  const out = new Map<string, CliLine>();
  for (const [id, o] of own) {
    const p = o.proposal;
    const late = !!p && (p.next_dose < today || (p.next_bcell_check !== undefined && p.next_bcell_check < today) || (o.protocol?.next_count !== undefined && o.protocol.next_count < today));
    if (late) asOfToday ??= cliLines(file, [...args, '--as-of', today]);
    out.set(id, late ? asOfToday!.get(id)! : o);
  }
  return out;
}

/** The CLI's proposals for a file as the app plans it (cliAsTheAppPlans): patient id → next dose. */
export function cliNextDoses(file: string, today = localToday()): Map<string, string> {
  const m = new Map<string, string>();
  for (const [id, o] of cliAsTheAppPlans(file, today)) if (o.proposal) m.set(id, o.proposal.next_dose);
  return m;
}

/** A file for the page's file input: a path, or a name, type and content. */
export type FileArg = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * Import a file through the page's one file input, as a user does: the app reads it and shows its
 * preview (nothing is saved yet, issue 15); this confirms the preview with its one button (Enter,
 * as the focus is on it) and waits until the import is saved. A file that changes nothing, or
 * cannot be used, shows its message instead and nothing is confirmed. `confirm: false` leaves the
 * preview open for the test.
 */
export async function importFile(page: Page, file: FileArg, { confirm = true, timeout = 60_000 }: { confirm?: boolean; timeout?: number } = {}): Promise<void> {
  const panel = page.locator('[data-import-count]');
  const before = (await panel.getAttribute('data-import-count', { timeout })) ?? '0';
  await page.locator('input[type=file]').setInputFiles(file);
  // The file has been read (the panel counts every file it takes): a preview, a message or an error.
  await expect(panel).not.toHaveAttribute('data-import-count', before, { timeout });
  const preview = page.locator('[data-testid="import-preview"]');
  if (!confirm || (await preview.count()) === 0) return;
  const apply = preview.locator('[data-testid="import-apply"]');
  await expect(apply).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(preview).toHaveCount(0, { timeout });
  await expect(page.locator('[data-testid="import-done"]')).toBeVisible({ timeout });
}

/** Wait until no patient is waiting for the worker. */
export async function waitComputed(page: Page, timeout = 120_000): Promise<void> {
  await expect(page.locator('.computing')).toHaveCount(0, { timeout });
  await expect(page.locator('.status-pending')).toHaveCount(0, { timeout });
}

/** The planning view's next dose (ISO) of a patient. */
export async function planNextDose(page: Page, id: string): Promise<string | null> {
  return page.locator(`[data-patient-id="${id}"] td:nth-child(4) time`).getAttribute('datetime');
}

/** The values of the open card's choice list (each its ISO next-dose date, then its code). */
export async function optionValues(page: Page): Promise<string[]> {
  return page.locator('[data-testid="choose-option"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

/**
 * Select the option with this code (e.g. `interval:4`) on the open card and type a reason; returns its value.
 * Waits for the option: a card opened from the list may show its plan before its intervals are listed.
 */
export async function pickOption(page: Page, code: string, reason: string): Promise<string> {
  await expect.poll(async () => (await optionValues(page)).some((v) => v.endsWith(`/${code}`)), { message: `the card offers ${code}`, timeout: 30_000 }).toBe(true);
  const value = (await optionValues(page)).find((v) => v.endsWith(`/${code}`))!;
  await page.locator('[data-testid="choose-option"]').selectOption(value);
  await page.locator('textarea[name="reason"]').fill(reason);
  return value;
}
