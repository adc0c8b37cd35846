/**
 * What the clinician can choose instead of the proposal. An option value is the ISO date of the
 * next dose with that option and a short code (`2024-03-04/interval:6`, `2024-03-04/redose`,
 * `2024-03-04/count:2024-02-05`; see lib/plan.ts), so a stored choice keeps its date when the
 * report is recomputed; `choiceLabel` renders it.
 */
import type { PatientReport } from '../../../core/report/types';
import { formatIso } from './format';
import { protocolNameText } from '../../../i18n/sentences';
import { optionValue, parseOption } from '../../lib/plan';
import { addDays } from '../../../core/time';

export interface Choice { option: string; reason: string; at?: string; basis?: { asOf: string; proposed: string } }
export interface ChoiceOption { value: string; label: string }

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The options offered besides the proposal, the proposal first. None offers a date before the
 * report's first possible day (a late dose is planned from there, never in the past).
 */
export function choiceOptions(report: PatientReport, t: T, lang: string): ChoiceOption[] {
  const first = report.firstPossibleDay ?? '';
  return allChoiceOptions(report, t, lang).filter((o, i) => i === 0 || (parseOption(o.value).date ?? first) >= first);
}

function allChoiceOptions(report: PatientReport, t: T, lang: string): ChoiceOption[] {
  if (report.drug === 'natalizumab') {
    const out: ChoiceOption[] = [];
    const proposed = report.proposal.intervalWeeks;
    const alts = [...report.alternatives].sort((a, b) => (a.weeks === proposed ? -1 : b.weeks === proposed ? 1 : a.weeks - b.weeks));
    for (const a of alts) {
      out.push({ value: optionValue(a.nextDose, `interval:${a.weeks}`), label: t(a.weeks === proposed ? 'choice.intervalProposed' : 'choice.interval', { count: a.weeks, date: formatIso(a.nextDose, lang) }) });
    }
    if (!alts.some((a) => a.weeks === proposed)) {
      out.unshift({ value: optionValue(report.proposal.nextDose, `interval:${proposed}`), label: t('choice.intervalProposed', { count: proposed, date: formatIso(report.proposal.nextDose, lang) }) });
    }
    out.push({ value: optionValue(report.protocol.nextDose, `protocol:${report.protocol.intervalWeeks}`), label: t('choice.protocol', { name: protocolNameText(report, lang), count: report.protocol.intervalWeeks, date: formatIso(report.protocol.nextDose, lang) }) });
    return out;
  }
  const p = report.proposal;
  const out: ChoiceOption[] = [
    { value: optionValue(p.nextDose, 'redose'), label: t('choice.redoseProposed', { date: formatIso(p.nextDose, lang) }) },
  ];
  if (p.predictedCrossingLow !== p.nextDose) out.push({ value: optionValue(p.predictedCrossingLow, 'redose-early'), label: t('choice.redoseEarly', { date: formatIso(p.predictedCrossingLow, lang) }) });
  if (report.lastDose) {
    const standard = addDays(report.lastDose, 182);
    if (standard !== p.nextDose) out.push({ value: optionValue(standard, 'standard'), label: t('choice.standard', { date: formatIso(standard, lang) }) });
  }
  // Count options keep the proposed re-dose date (the dose waits for the count).
  out.push({ value: optionValue(p.nextDose, `count:${p.nextBcellCheck}`), label: t('choice.countFirst', { date: formatIso(p.nextBcellCheck, lang) }) });
  out.push({ value: optionValue(p.nextDose, `protocol-count:${report.protocol.nextCount}`), label: t('choice.protocolCount', { name: protocolNameText(report, lang), date: formatIso(report.protocol.nextCount, lang) }) });
  return out;
}

/** A stored option code in words (the code itself if the report no longer offers it). */
export function choiceLabel(report: PatientReport, option: string, t: T, lang: string): string {
  const options = choiceOptions(report, t, lang);
  const exact = options.find((o) => o.value === option);
  if (exact) return exact.label;
  // Made beside an older proposal, or stored before dates were part of the value: same code.
  const { date, code } = parseOption(option);
  const same = options.find((o) => parseOption(o.value).code === code && (date === null || parseOption(o.value).date === date));
  if (same) return same.label;
  const weeks = /^interval:(\d+)$/.exec(code);
  if (date && weeks) return t('choice.interval', { count: Number(weeks[1]), date: formatIso(date, lang) });
  return date ? t('choice.other', { date: formatIso(date, lang), code }) : option;
}
