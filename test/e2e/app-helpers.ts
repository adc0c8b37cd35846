/** Shared helpers of the app's browser tests. */
import { expect, type Page } from '@playwright/test';
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

/** The CLI's proposals for a file: patient id → next dose. */
export function cliNextDoses(file: string): Map<string, string> {
  const out = execFileSync('node', ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'propose', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const m = new Map<string, string>();
  for (const line of out.trim().split('\n')) {
    const o = JSON.parse(line) as { patient_id: string; proposal?: { next_dose: string } };
    if (o.proposal) m.set(o.patient_id, o.proposal.next_dose);
  }
  return m;
}

/** Import a file through the page's one file input. */
export async function importFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(file);
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

/** Select the option with this code (e.g. `interval:4`) on the open card and type a reason; returns its value. */
export async function pickOption(page: Page, code: string, reason: string): Promise<string> {
  const value = (await optionValues(page)).find((v) => v.endsWith(`/${code}`))!;
  await page.locator('[data-testid="choose-option"]').selectOption(value);
  await page.locator('textarea[name="reason"]').fill(reason);
  return value;
}
