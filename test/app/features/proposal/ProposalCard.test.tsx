// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ProposalCard } from '../../../../src/app/features/proposal/ProposalCard';
import type { EngineSettings } from '../../../../src/core/engine';
import { natalizumabReport, ocrelizumabReport, patientError } from '../fixtures';

const DEFAULT_SETTINGS: EngineSettings = { natalizumab: {}, ocrelizumab: {} };

afterEach(cleanup);

describe('ProposalCard, natalizumab', () => {
  it('shows the next dose as the exact ISO text of its element', () => {
    render(<ProposalCard report={natalizumabReport()} settings={DEFAULT_SETTINGS} />);
    expect(screen.getByTestId('proposal')).toBeTruthy();
    expect(screen.getByTestId('next-dose').textContent).toBe('2024-05-27');
    expect(screen.getByTestId('next-dose-weekday').textContent).toBe('Monday');
  });

  it('shows the interval, predicted trough with its 80 % interval and probability', () => {
    render(<ProposalCard report={natalizumabReport()} settings={DEFAULT_SETTINGS} />);
    expect(screen.getByTestId('interval').textContent).toContain('5 weeks');
    expect(screen.getByTestId('interval').textContent).toContain('extended beyond the standard 4 weeks');
    expect(screen.getByTestId('predicted-trough').textContent).toContain('14.6 µg/mL (80 % interval 10.2 to 19.7)');
    expect(screen.getByTestId('probability').textContent).toContain('93%');
    expect(screen.getByTestId('probability').textContent).toContain('required: 90%');
  });

  it('lists every warning in plain words, styled by severity', () => {
    render(<ProposalCard report={natalizumabReport()} settings={DEFAULT_SETTINGS} />);
    const items = within(screen.getByTestId('warnings')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Warning: The last body weight was recorded more than a year ago; update it for a better forecast.',
      'Note: Two troughs at the 4-week interval: the NEXT-MS starting point.',
    ]);
    expect(items[0].className).toContain('issue--warning');
    expect(items[1].className).toContain('issue--info');
  });

  it('tabulates the alternatives with trough, probability and next-visit trough, proposal marked', () => {
    render(<ProposalCard report={natalizumabReport()} settings={DEFAULT_SETTINGS} />);
    const rows = within(screen.getByTestId('alternatives')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    const cells = (i: number) => within(rows[i]).getAllByRole('cell').map((c) => c.textContent);
    expect(rows[1].textContent).toContain('5 weeks (proposed)');
    expect(rows[1].className).toContain('is-proposed');
    expect(cells(1)).toEqual(['2024-05-27', '14.6 (10.2–19.7)', '93%', '16.1 (12.1–20.9)', '97%']);
    expect(cells(2)[2]).toBe('31% (too low)');
  });

  it('shows the protocol beside the model, the model with version and sources, and settings', () => {
    render(<ProposalCard report={natalizumabReport()} settings={DEFAULT_SETTINGS} />);
    expect(screen.getByTestId('protocol').textContent).toContain('Rule-based protocol: PDNMS');
    expect(screen.getByTestId('protocol').textContent).toContain('5 weeks, next dose 2024-05-27 (the same as the model)');
    const model = screen.getByTestId('model');
    expect(model.textContent).toContain('natalizumab-vandenberg-2025, version 1.0.0');
    expect(model.textContent).toContain('doi:10.1002/psp4.70014');
    // Details: every parameter with value, unit, source and status.
    const details = screen.getByTestId('model-details');
    const cl = within(details).getAllByRole('row').find((r) => r.querySelector('th')?.textContent === 'CL');
    expect(cl).toBeTruthy();
    expect(cl!.textContent).toContain('0.164');
    expect(cl!.textContent).toContain('L/day');
    expect(screen.getByTestId('settings').textContent).toContain('Trough target10 µg/mL');
    expect(screen.getByTestId('disclaimer').textContent).toContain('Decision aid, not a certified medical device');
  });

  it('records another option only with a reason, and shows the stored choice', () => {
    const onChoose = vi.fn();
    const r = natalizumabReport();
    const { rerender } = render(<ProposalCard report={r} settings={DEFAULT_SETTINGS} onChoose={onChoose} />);
    const select = screen.getByTestId('choose-option') as HTMLSelectElement;
    // Each value starts with the ISO next-dose date of that option.
    const date = (w: number) => r.alternatives.find((a) => a.weeks === w)!.nextDose;
    expect([...select.options].map((o) => o.value)).toEqual([
      `${date(5)}/interval:5`, `${date(4)}/interval:4`, `${date(6)}/interval:6`, `${date(7)}/interval:7`, `${date(8)}/interval:8`, `${r.protocol.nextDose}/protocol:5`]);
    const six = `${date(6)}/interval:6`;
    fireEvent.change(select, { target: { value: six } });
    fireEvent.click(screen.getByTestId('save-choice'));
    expect(onChoose).not.toHaveBeenCalled(); // the empty, required reason blocks the form
    const reason = screen.getByTestId('choice-reason');
    expect(reason.tagName).toBe('TEXTAREA');
    expect(reason.getAttribute('name')).toBe('reason');
    fireEvent.change(reason, { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('save-choice'));
    expect(onChoose).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Please give a reason for the choice.');
    fireEvent.change(reason, { target: { value: '  holiday in week 5  ' } });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    fireEvent.click(screen.getByTestId('save-choice'));
    const alt6 = r.alternatives.find((a) => a.weeks === 6)!;
    // Below the required probability: asked first, with the option's probability.
    expect(confirm.mock.calls.length).toBe(alt6.acceptable ? 0 : 1);
    confirm.mockRestore();
    expect(onChoose).toHaveBeenCalledWith({ option: six, reason: 'holiday in week 5', basis: { asOf: r.asOf, proposed: r.proposal.nextDose } });
    rerender(<ProposalCard report={r} settings={DEFAULT_SETTINGS} onChoose={onChoose} choice={{ option: six, reason: 'holiday in week 5' }} />);
    expect(screen.getByTestId('stored-choice').textContent).toBe(`Chosen: 6 weeks, next dose ${date(6)}. Reason: holiday in week 5`);
    expect(screen.getByTestId('card-planned-dose').textContent).toBe(date(6));
    expect(screen.getByTestId('planned-headline').textContent).toContain(`the model proposes ${r.proposal.nextDose}`);
  });
});

describe('ProposalCard, ocrelizumab', () => {
  it('shows the re-dose date, crossing with its interval, next count and P(count ≥ threshold) by date', () => {
    render(<ProposalCard report={ocrelizumabReport()} settings={DEFAULT_SETTINGS} />);
    expect(screen.getByTestId('next-dose').textContent).toBe('2024-03-04');
    expect(screen.getByTestId('predicted-crossing').textContent).toContain('2024-03-04 (80 % interval 2024-02-05 to 2024-04-29)');
    expect(screen.getByTestId('next-count').textContent).toContain('2024-02-05');
    const rows = within(screen.getByTestId('alternatives')).getAllByRole('row').slice(1);
    expect(rows[0].querySelector('th')!.textContent).toBe('2024-01-08');
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.length).toBeLessThanOrEqual(16);
    expect(screen.getByTestId('protocol').textContent).toContain('Next count 2024-01-22');
    expect(screen.getByTestId('model').textContent).toContain('ocrelizumab-bcell-logistic, version 1.0.0');
  });

  it('shows Dutch dates and decimal commas, the next dose once in Dutch form with its weekday (not "2024-05-27 (maandag 27-05-2024)")', async () => {
    const i18next = (await import('i18next')).default;
    const i = i18next.createInstance();
    await i.init({ lng: 'nl', resources: {}, interpolation: { escapeValue: false } });
    const { I18nextProvider } = await import('react-i18next');
    render(<I18nextProvider i18n={i}><ProposalCard report={natalizumabReport()} settings={DEFAULT_SETTINGS} /></I18nextProvider>);
    expect(screen.getByTestId('next-dose').textContent).toBe('27-05-2024');
    expect(screen.getByTestId('next-dose').getAttribute('datetime')).toBe('2024-05-27');
    expect(screen.getByTestId('proposal').textContent).toContain('27-05-2024 (maandag)');
    expect(screen.getByTestId('proposal').textContent).not.toContain('2024-05-27');
    expect(screen.getByTestId('next-dose-weekday').textContent).toBe('maandag');
    expect(screen.getByTestId('predicted-trough').textContent).toContain('14,6 µg/mL (80%-interval 10,2 tot 19,7)');
    expect(screen.getByTestId('interval').textContent).toContain('5 weken');
  });
});

describe('ProposalCard, patient error', () => {
  it('renders an error card with the message and no next dose', () => {
    render(<ProposalCard report={patientError()} settings={DEFAULT_SETTINGS} />);
    const card = screen.getByTestId('proposal');
    expect(card.className).toContain('proposal--error');
    expect(screen.getByTestId('error-message').textContent).toBe('Error: no natalizumab dose on or before the as-of date: nothing to plan from');
    expect(screen.queryByTestId('next-dose')).toBeNull();
    expect(card.textContent).toContain('patients.csv:14: a level dated before the patient’s first dose');
  });
});

describe('plain words and the half-life\'s level (issue 18)', () => {
  it('says at which level the half-life holds, and uses no "evenwicht", "a-priori" or "geconvergeerd" in Dutch', async () => {
    const i18next = (await import('i18next')).default;
    const { I18nextProvider } = await import('react-i18next');
    const { default: nl } = await import('../../../../src/i18n/app/proposal-nl');
    const i = i18next.createInstance();
    await i.init({ lng: 'nl', resources: { nl: { proposal: nl } }, defaultNS: 'proposal', ns: ['proposal'], interpolation: { escapeValue: false } });
    const report = natalizumabReport();
    render(<I18nextProvider i18n={i}><ProposalCard report={report} settings={DEFAULT_SETTINGS} /></I18nextProvider>);
    const text = screen.getByTestId('proposal').textContent!;
    const at = String(Math.round(report.proposal.predictedTrough.value * 10) / 10).replace('.', ',');
    expect(text).toContain(`bij ${at} µg/mL (de voorspelde dalspiegel; bij lagere spiegels korter)`);
    expect(text).not.toMatch(/evenwicht|a-priori|geconvergeerd/);
    expect(text).toContain('Voorspelde dalspiegel op den duur, als dit interval zo blijft');
  });
});
