// @vitest-environment jsdom
/**
 * KeepWhole: a value with its unit is never broken at the unit's slash or from its number ("drempel
 * 10 cellen/" / "µL" on the ocrelizumab card), dates stay whole as KeepDates keeps them, and the
 * text is unchanged; in English and in Dutch.
 */
import { afterEach, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { KeepWhole } from '../../../src/app/components/KeepWhole';

afterEach(cleanup);

it.each([
  ['en', 'latest count 420 cells/µL on 2026-12-07 is at or above the threshold 10 cells/µL: re-dosing is due now', ['420 cells/µL', '10 cells/µL'], ['2026-12-07']],
  ['nl', 'laatste telling 420 cellen/µL op 07-12-2026 ligt op of boven de drempel 10 cellen/µL: hergift is nu aan de orde', ['420 cellen/µL', '10 cellen/µL'], ['07-12-2026']],
  ['en', 'trough 12.4 µg/mL on 2026-10-19', ['12.4 µg/mL'], ['2026-10-19']],
])('%s: values with units and dates each in a span that does not wrap, the text unchanged', (_lang, text, units, dates) => {
  const { container } = render(<p><KeepWhole text={text} /></p>);
  expect(container.textContent).toBe(text);
  const kept = Array.from(container.querySelectorAll<HTMLElement>('span.keep-unit'));
  expect(kept.map((s) => s.textContent)).toEqual(units);
  for (const s of kept) expect(s.style.whiteSpace).toBe('nowrap');
  expect(Array.from(container.querySelectorAll('span.keep-date'), (s) => s.textContent)).toEqual(dates);
});

it('a sentence without a unit is KeepDates\' alone', () => {
  const { container } = render(<p><KeepWhole text="no count yet in this cycle: do not re-dose yet" /></p>);
  expect(container.querySelectorAll('span').length).toBe(0);
});
