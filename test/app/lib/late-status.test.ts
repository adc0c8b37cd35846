/**
 * A patient whose next dose had passed (the report's `late`: the proposal moved to today, the card
 * says "Overdue") is "overdue" in the planning list and on the clinic day, not "due" like any
 * patient of the week (session 9's walk: the list said "due" beside the card's "Overdue").
 */
import { expect, it } from 'vitest';
import { planRow } from '../../../src/app/lib/status';
import { natalizumabReport } from '../features/fixtures';

it('a late dose is overdue in the planning list, a dose on time today is due', () => {
  const r = natalizumabReport();
  const today = r.proposal.nextDose;
  expect(planRow(r, today).status).toBe('due');
  expect(planRow({ ...r, late: { due: '2024-05-13' } }, today).status).toBe('overdue');
  expect(planRow({ ...r, late: null }, today).status).toBe('due');
});
