// @vitest-environment jsdom
/**
 * A natalizumab card whose standard interval is kept by a guard that needs no forecast (NAT-004,
 * suspected antibodies): only the standard interval is in the table, and the card says why the
 * longer ones are missing, in English and in Dutch; an unguarded patient (NAT-001) has every row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ProposalCard } from '../../../../src/app/features/proposal/ProposalCard';
import { renderDutch } from '../render-dutch';
import type { NatalizumabReport } from '../../../../src/core/report/types';
import { exampleReport } from '../../example-reports';

const settings = { natalizumab: {}, ocrelizumab: {} };
const ada = exampleReport('NAT-004') as NatalizumabReport;
const plain = exampleReport('NAT-001') as NatalizumabReport;

afterEach(cleanup);

describe('card when a guard keeps the standard interval', () => {
  it('lists the standard interval alone and says the longer ones are not forecast', () => {
    expect(ada.proposal.longerNotForecast).toBe(true);
    render(<ProposalCard report={ada} settings={settings} />);
    const rows = within(screen.getByTestId('alternatives')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-weeks'))).toEqual(['4']);
    expect(screen.getByTestId('not-forecast').textContent).toBe('Longer intervals are not forecast: the standard interval is kept for the reason above.');
  });

  it('in Dutch', () => {
    renderDutch(<ProposalCard report={ada} settings={settings} />);
    expect(screen.getByTestId('not-forecast').textContent).toBe('Langere intervallen worden niet voorspeld: het standaardinterval wordt aangehouden om de reden hierboven.');
  });

  it('an unguarded patient has every interval and no such note', () => {
    expect(plain.proposal.longerNotForecast).toBe(false);
    render(<ProposalCard report={plain} settings={settings} />);
    expect(within(screen.getByTestId('alternatives')).getAllByRole('row').slice(1)).toHaveLength(5);
    expect(screen.queryByTestId('not-forecast')).toBeNull();
  });
});
