/**
 * Stage 3, guards: what keeps the standard interval from the data and the fit alone, before any
 * forecast. A settling guard (antibodies, a fit that did not converge, a level the model cannot
 * explain, an implausible weight, only censored levels, an overdue dose) means the longer intervals
 * are not forecast at all: no work spent on, and no numbers shown for, intervals that cannot be
 * proposed. (Rows the records check refused settle the patient earlier still: src/core/engine.ts.)
 */
import type { Issue } from '../../types';
import type { Analysis } from '../analysis';
import { formatDate, WEEK } from '../../time';
import { nextDoseDate } from '../schedule';
import { levelResidual } from '../uncertainty';
import { antibodyGuard, lowTroughGuard, residualIssues, censoredIssues, implausibleWeight } from '../guards';
import type { Guards, Prepared, SettlingGuard } from './types';
import { withEnglish } from '../../text';

/** Planning after the standard interval has run out: the drug has been falling for longer than any interval forecast. */
function overdueOf(p: Prepared, a: Analysis): Guards['overdue'] {
  const last = a.prep.lastDose ? a.prep.lastDose.time : null;
  if (last === null) return null;
  const overdue = nextDoseDate(last, p.opts.standardIntervalWeeks, p.opts.infusionWeekday) < formatDate(p.asOf);
  return overdue ? { lastDose: last, gapWeeks: (p.asOf - last) / WEEK } : null;
}

export function guards(p: Prepared, a: Analysis): Guards {
  const levels = a.prep.levels;
  const residuals = levels.map((l, i) => ({
    time: l.time, observed: l.value, predicted: a.predAtLevels[i], censored: l.censored,
    standardised: levelResidual(l, a.predAtLevels[i]),
  }));
  const residualWarnings = residualIssues(residuals);
  const unexplained = residualWarnings.some((w) => w.code === 'level-unexplained');
  const antibodies = antibodyGuard(levels, a.prep.doses);
  const notConverged = a.kind === 'map' && !a.converged;
  const implausibleKg = implausibleWeight(a.prep.segWeights);
  // Every level only "below the lab's limit" (e.g. <40, or an absurd <100000): the fit rests on the
  // population prior, so nothing is extended on it, as with no level at all.
  const onlyCensored = a.kind === 'map' && levels.length > 0 && levels.every((l) => l.censored);
  const overdue = overdueOf(p, a);
  const order: [SettlingGuard, boolean][] = [
    ['antibodies', !!antibodies], ['not-converged', notConverged], ['unexplained', unexplained],
    ['weight', implausibleKg !== null], ['censored-only', onlyCensored], ['overdue', overdue !== null],
  ];
  const settledBy = order.find(([, on]) => on)?.[0] ?? null;

  const issues: Issue[] = [...censoredIssues(levels), ...residualWarnings];
  const low = antibodies ? null : lowTroughGuard(levels, a.prep.doses);
  if (antibodies) issues.push(antibodies);
  else if (low) issues.push(low);
  const std = p.opts.standardIntervalWeeks;
  if (notConverged) {
    issues.push(withEnglish({ code: 'fit-not-converged', severity: 'warning', params: { iterations: a.iterations, weeks: std } }));
  }
  const notes: Issue[] = [];
  if (a.kind === 'population') {
    notes.push(withEnglish({ code: 'population-prediction', severity: 'info', params: {} }));
  }
  if (onlyCensored) {
    notes.push(withEnglish({ code: 'levels-all-censored', severity: 'warning', params: {} }));
  }
  return { residuals, antibodies, notConverged, unexplained, implausibleKg, onlyCensored, overdue, settledBy, issues, notes };
}
