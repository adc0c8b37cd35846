/**
 * The browser tests run on the day they were written for: 2026-12-07. The fixtures' dates are fixed
 * (the example patients' last doses are in November 2026), and what the app shows depends on
 * today (a next dose that has passed, the options still offered, the clinic day). So every page's
 * clock is moved by whole days to PINNED_DATE, the time of day kept, and time still runs; the
 * tests' own "today" (localToday in app-helpers.ts) is moved the same way. A run on any later day
 * (or after midnight in the browser's zone) sees the same dates. Web workers keep the real clock:
 * the core has none (it is given the day to plan from).
 *
 * Every spec imports `test` and `expect` from here instead of '@playwright/test'.
 */
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Page, Locator, Download } from '@playwright/test';

export const PINNED_DATE = '2026-12-07';

/** Whole days from this machine's local date to PINNED_DATE, in ms (0 on that day). */
export const PINNED_OFFSET_MS = (() => {
  const d = new Date();
  return Date.parse(`${PINNED_DATE}T00:00:00Z`) - Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
})();

/** Now, as the pinned pages see it. */
export function pinnedNow(): Date {
  return new Date(Date.now() + PINNED_OFFSET_MS);
}

/** Runs in each page before its scripts: `new Date()` and `Date.now()` moved by `offset` ms. */
function moveClock(offset: number): void {
  if (offset === 0) return;
  const Real = Date;
  function Moved(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new Real(Real.now() + offset).toString();
    return args.length === 0 ? new Real(Real.now() + offset) : new (Real as unknown as new (...a: unknown[]) => Date)(...args);
  }
  Moved.prototype = Real.prototype;
  Moved.now = () => Real.now() + offset;
  Moved.parse = Real.parse;
  Moved.UTC = Real.UTC;
  (globalThis as { Date: unknown }).Date = Moved;
}

export const test = base.extend<{ pinnedClock: void }>({
  pinnedClock: [async ({ context }, use) => {
    await context.addInitScript(moveClock, PINNED_OFFSET_MS);
    await use();
  }, { auto: true }],
});
