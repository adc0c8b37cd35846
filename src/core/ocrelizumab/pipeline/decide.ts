/**
 * Ocrelizumab stage, decide: re-dose date and next count. A count at or above the threshold makes
 * re-dosing due now (at the 5-month minimum if earlier); otherwise the last whole week on or before
 * the re-dose quantile of the predicted crossing, within the window and not before the planning day,
 * and the next count at the count quantile, at least minCountGapWeeks after the latest count.
 */
import type { Issue, Observation, TextParams } from '../../types';
import { formatDate, startOfDay } from '../../time';
import { crossingQuantile } from '../posterior';
import type { OcrelizumabAnalysis } from '../propose';
import { countText, fmtWeeks } from './format';
import { dateAtWeek } from './timing';
import type { Decision, Timing } from './types';
import { english, withEnglish } from '../../text';

/** The latest count is at or above the threshold: re-dose now, or at the 5-month minimum. */
function dueNowDecision(t: Timing, latest: Observation): { decision: Decision; issues: Issue[] } {
  const { o, daysSince, minW, asOfDay, doseDay } = t;
  const cntParams: TextParams = { count: countText(latest), date: formatDate(latest.time), threshold: o.threshold };
  const pastMinimum = daysSince >= o.minWeeks * 7;
  const nextCheck = formatDate((pastMinimum ? asOfDay : doseDay + 7 * minW) + 7 * o.firstCountWeek);
  if (pastMinimum) {
    const nextDose = formatDate(asOfDay);
    return {
      decision: { weeks: Math.floor(daysSince / 7), nextDose, nextCheck, reason: english('ocr-reason.due', cntParams), reasonCode: 'ocr-reason.due', reasonParams: cntParams, late: null },
      issues: [withEnglish({ code: 'ocr-redose-due', severity: 'warning', line: latest.line, value: latest.raw,
        params: { ...cntParams, asOf: formatDate(asOfDay) } })],
    };
  }
  const nextDose = dateAtWeek(t, minW);
  const weeks = (daysSince / 7).toFixed(1);
  return {
    decision: { weeks: minW, nextDose, nextCheck, reason: english('ocr-reason.due-before-minimum', { ...cntParams, weeks, min: minW, nextDose }),
      reasonCode: 'ocr-reason.due-before-minimum', reasonParams: { ...cntParams, weeks, min: minW, nextDose }, late: null },
    issues: [withEnglish({ code: 'ocr-redose-due-before-minimum', severity: 'warning', line: latest.line, value: latest.raw,
      params: { ...cntParams, weeks, nextDose, min: minW } })],
  };
}

/** The re-dose week from the crossing's quantile, kept in the window and not before today, with its reason's code. */
function redoseWeek(t: Timing, qRedose: number): { weeks: number; whyCode: string; whyParams: TextParams; late: { due: string } | null } {
  const { o, minW, maxW, elapsedW } = t;
  let weeks = Number.isFinite(qRedose) ? Math.floor(qRedose) : maxW;
  let whyCode = 'ocr-reason.redose-quantile';
  const whyParams: TextParams = { redoseWeek: weeks, percentile: Math.round(o.redoseQuantile * 100) };
  if (weeks > maxW) { weeks = maxW; whyCode = 'ocr-reason.redose-maximum'; }
  if (weeks < minW) { weeks = minW; whyCode = 'ocr-reason.redose-minimum'; }
  let late: { due: string } | null = null;
  if (weeks < elapsedW) {
    // The re-dose as planned has passed: overdue, on the first whole week not before as-of.
    late = { due: dateAtWeek(t, weeks) };
    weeks = elapsedW;
    whyCode = elapsedW > maxW ? 'ocr-reason.redose-now-past-maximum' : 'ocr-reason.redose-now-passed';
  }
  whyParams.redoseWeek = weeks;
  return { weeks, whyCode, whyParams, late };
}

/** How the crossing was predicted, as a sentence part's code and parameters. */
function crossingPart(a: OcrelizumabAnalysis, thr: number): { code: string; params: TextParams } {
  const { q10, q50, q90 } = a.crossing;
  const code = `ocr-reason.crossing-${a.basis === 'current-cycle' ? (a.previousCounts.length ? 'current-previous' : 'current') : a.basis === 'previous-cycle' ? 'previous' : 'population'}`;
  const params: TextParams = { threshold: thr, week: fmtWeeks(q50), low: fmtWeeks(q10), high: fmtWeeks(q90), n: a.current.length, previous: a.previousCounts.length };
  return { code, params };
}

/** A decision whose reason is the sentence parts `reasonCode` (joined by `;`) with their English from the catalog. */
function decision(d: Omit<Decision, 'reason'>): Decision {
  return { ...d, reason: english(d.reasonCode, d.reasonParams) };
}

/** Re-dose at the crossing's quantile; the next count at its count quantile (or the next cycle's first). */
function crossingDecision(t: Timing, a: OcrelizumabAnalysis): Decision {
  const { o, maxW, elapsedW, latest, doseDay } = t;
  const thr = o.threshold;
  const qRedose = o.redoseQuantile === 0.5 ? a.crossing.q50 : crossingQuantile(a.posterior, thr, o.redoseQuantile);
  const qCount = o.countQuantile === 0.1 ? a.crossing.q10 : crossingQuantile(a.posterior, thr, o.countQuantile);
  const { weeks, whyCode, whyParams, late } = redoseWeek(t, qRedose);
  const c = crossingPart(a, thr);
  const nextDose = dateAtWeek(t, weeks);
  // Next count: at the count quantile of the crossing, at least minCountGapWeeks after the
  // latest count of this cycle and not before as-of, in whole weeks after the infusion.
  // A count after the re-dose date is of no use for this decision: at the latest on that day.
  let wc = Math.min(Number.isFinite(qCount) ? Math.round(qCount) : maxW, weeks);
  wc = Math.max(wc, elapsedW);
  if (latest) wc = Math.max(wc, Math.ceil((startOfDay(latest.time) + 7 * o.minCountGapWeeks - doseDay) / 7 - 1e-9));
  if (wc > weeks) {
    // The gap rule would put the count after the re-dose: the next count is then the first of
    // the next cycle, week firstCountWeek after the re-dose.
    const nextCheck = dateAtWeek(t, weeks + o.firstCountWeek);
    return decision({ weeks, nextDose, nextCheck, late,
      reasonCode: `${c.code};${whyCode};ocr-reason.next-count-next-cycle`, reasonParams: { ...c.params, ...whyParams, first: o.firstCountWeek, countDate: nextCheck } });
  }
  const nextCheck = dateAtWeek(t, wc);
  return decision({ weeks, nextDose, nextCheck, late,
    reasonCode: `${c.code};${whyCode};ocr-reason.next-count`, reasonParams: { ...c.params, ...whyParams, countWeek: wc, countDate: nextCheck } });
}

export function decideOcrelizumab(t: Timing, a: OcrelizumabAnalysis): { decision: Decision; issues: Issue[] } {
  if (t.dueNow && t.latest) return dueNowDecision(t, t.latest);
  return { decision: crossingDecision(t, a), issues: [] };
}
