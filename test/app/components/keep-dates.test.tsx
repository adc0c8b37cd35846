// @vitest-environment jsdom
/**
 * Dates inside long messages are kept whole (session 9's walk: the clinic day's warnings column
 * broke "2026-12-07" as "2026-12-" / "07"): each date is set in a span that does not wrap, and the
 * sentence's text is unchanged.
 */
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { KeepDates, splitDates } from '../../../src/app/components/KeepDates';

afterEach(cleanup);

it('sets every ISO, ISO-with-time and Dutch date in a span of its own, the text unchanged', () => {
  const text = 'Dose overdue since 2026-12-07 (07-12-2026); last trough 2026-11-30T08:45, entered 2026-11-30 09:10.';
  const { container } = render(<p><KeepDates text={text} /></p>);
  expect(container.textContent).toBe(text);
  expect(Array.from(container.querySelectorAll('span.keep-date'), (s) => s.textContent)).toEqual(['2026-12-07', '07-12-2026', '2026-11-30T08:45', '2026-11-30 09:10']);
});

it('leaves a sentence without a date as plain text, and numbers that are not dates alone', () => {
  const { container } = render(<p><KeepDates text="Trough 12.5 µg/mL at 5-6 weeks, 2026 patients, 12-2026" /></p>);
  expect(container.querySelectorAll('span').length).toBe(0);
  expect(splitDates('no date here')).toEqual(['no date here']);
});

it('the span does not wrap (the app\'s stylesheet)', () => {
  const css = readFileSync('src/app/app.css', 'utf8');
  expect(css).toMatch(/(^|,\s*)\.keep-date[^{]*\{[^}]*white-space:\s*nowrap/m);
});
