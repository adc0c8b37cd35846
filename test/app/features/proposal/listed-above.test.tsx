// @vitest-environment jsdom
/**
 * A card with no proposal because of rows an import refused says each row once: the patient view
 * lists them above the card (with what to do), so the card refers to them and leaves them out of
 * its messages; a warning of the record is still said, and a card whose error is of another kind
 * (or whose rows are not listed above) says everything as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ProposalCard } from '../../../../src/app/features/proposal/ProposalCard';
import { refusedListedAbove } from '../../../../src/app/features/proposal/listed-above';
import { refusedRowsError } from '../../../../src/core/engine';
import type { EngineSettings } from '../../../../src/core/engine';
import type { Issue, PatientRecord } from '../../../../src/core/types';
import { patientError } from '../fixtures';

const SETTINGS: EngineSettings = { natalizumab: {}, ocrelizumab: {} };
afterEach(cleanup);

const level: Issue = { code: 'value_not_number', severity: 'error', message: 'r.csv:4: value "2l.5" for a level is not a number', file: 'r.csv', line: 4 };
const dose: Issue = { code: 'value_not_number', severity: 'error', message: 'r.csv:6: value "3O0" for a dose is not a number', file: 'r.csv', line: 6 };
const weight: Issue = { code: 'weight-old', severity: 'warning', message: 'r.csv:2: the weight is old', file: 'r.csv', line: 2 };
const record = (issues: Issue[]): PatientRecord => ({ id: 'R-1', drug: 'natalizumab', order: 0, doses: [], levels: [], bcells: [], weights: [], issues });

describe('a refused row said once on a card with no proposal', () => {
  it('refers to the rows listed above and keeps the other messages', () => {
    const report = refusedRowsError(record([level, dose, weight]))!;
    // The worker's copy: equal, not the same objects.
    const listed = [structuredClone(level), structuredClone(dose)];
    expect(refusedListedAbove(report, listed)).toEqual({ count: 2, rest: [weight] });
    render(<ProposalCard report={report} settings={SETTINGS} listedAbove={listed} />);
    expect(screen.getByTestId('error-message').textContent).toBe('Error: 2 row(s) could not be used: see the 2 rows listed above, with what to do');
    const items = within(screen.getByTestId('warnings')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Warning: r.csv:2: the weight is old']);
    expect(screen.getByTestId('proposal').textContent).not.toContain('2l.5');
  });

  it('says everything when the rows are not listed above, or only some of them, or the error is another', () => {
    const report = refusedRowsError(record([level, dose]))!;
    for (const listed of [undefined, [], [level]]) {
      expect(refusedListedAbove(report, listed)).toBeNull();
      render(<ProposalCard report={report} settings={SETTINGS} listedAbove={listed} />);
      const text = screen.getByTestId('proposal').textContent!;
      expect(text.split('"2l.5"').length - 1).toBe(2);
      cleanup();
    }
    const other = patientError();
    expect(refusedListedAbove(other, other.issues)).toBeNull();
  });
});
