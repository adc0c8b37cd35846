// @vitest-environment jsdom
/**
 * The intervals table's two probability columns name the same target (session 9's walk: one said
 * "P(≥ 10)", the other "P(≥ target)", as if they were two different thresholds).
 */
import { afterEach, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ProposalCard } from '../../../../src/app/features/proposal/ProposalCard';
import { natalizumabReport } from '../fixtures';

afterEach(cleanup);

it('both probability columns of the intervals table name the target by its value', () => {
  const report = natalizumabReport();
  render(<ProposalCard report={report} settings={{ natalizumab: {}, ocrelizumab: {} }} />);
  const heads = within(screen.getByTestId('alternatives')).getAllByRole('columnheader').map((h) => h.textContent);
  const target = String(report.drug === 'natalizumab' ? report.target.value : '');
  expect(heads).toContain(`P(≥ ${target}) at steady state`);
  expect(heads).toContain(`P(≥ ${target}) at next visit`);
});
