// @vitest-environment jsdom
/**
 * A natalizumab card planned with troughs before every infusion: the steady-state chance is shown
 * against its lower requirement, the next trough's against the full one, the alternatives mark
 * whichever falls short, and the reason says why, in English and in Dutch (a real engine report).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ProposalCard } from '../../../../src/app/features/proposal/ProposalCard';
import { renderDutch } from '../render-dutch';
import { proposeNatalizumab } from '../../../../src/core/natalizumab/index';
import { monitoredPatient } from '../../../core/natalizumab/helpers';

const settings = { natalizumab: {}, ocrelizumab: {} };
const { patient, asOf } = monitoredPatient(4);
const r = proposeNatalizumab(patient, asOf);

afterEach(cleanup);

const dutch = renderDutch;

describe('card of a monitored natalizumab patient', () => {
  it('shows 50 % required of the steady state and 95 % of the next trough, and the reason', () => {
    render(<ProposalCard report={r} settings={settings} />);
    expect(screen.getByTestId('interval').textContent).toContain('6 weeks');
    expect(screen.getByTestId('probability').textContent).toContain('required: 50%');
    const nextRow = screen.getByText('Predicted trough at the next visit').closest('div')!;
    expect(nextRow.textContent).toContain('required: 95%');
    expect(screen.getByTestId('reason').textContent).toBe('6 weeks is the longest interval whose next trough is predicted ≥ 10 µg/mL with at least 95 % probability and its steady-state trough with at least 50 %: troughs were measured before each of the last 4 infusions and agree with the model, so every interval is checked by its own trough; measure the next one');
  });

  it('marks in the alternatives the chance that falls short of its own requirement', () => {
    render(<ProposalCard report={r} settings={settings} />);
    const rows = within(screen.getByTestId('alternatives')).getAllByRole('row').slice(1);
    rows.forEach((row, i) => {
      const a = r.alternatives[i];
      const cells = within(row).getAllByRole('cell').map((c) => c.textContent ?? '');
      expect(cells[2].endsWith('(too low)'), `${a.weeks} weeks steady state`).toBe(a.pSteadyState < 0.5);
      expect(cells[4].endsWith('(too low)'), `${a.weeks} weeks next`).toBe(a.pNext < r.proposal.requiredNext);
    });
    // The proposed 6 weeks: under 90 % at steady state, yet not marked.
    const six = r.alternatives.findIndex((a) => a.weeks === 6);
    expect(r.alternatives[six].pSteadyState).toBeLessThan(0.9);
    expect(within(rows[six]).getAllByRole('cell')[2].textContent).not.toContain('(too low)');
  });

  it('in Dutch', () => {
    dutch(<ProposalCard report={r} settings={settings} />);
    expect(screen.getByTestId('reason').textContent).toBe('6 weken is het langste interval waarbij de volgende dalspiegel met ten minste 95 % kans voorspeld is ≥ 10 µg/mL en de dalspiegel op den duur met ten minste 50 %: vóór elk van de laatste 4 giften is een dalspiegel gemeten en die passen bij het model, dus elk interval wordt door zijn eigen dalspiegel gecontroleerd; meet de volgende');
  });
});
