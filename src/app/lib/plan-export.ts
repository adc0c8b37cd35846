/**
 * The planning as a table (one row per patient: the dose as planned, whether it is the model's or
 * the clinician's choice, the reason, the model's own proposal, next lab, status and warnings),
 * for the planning CSV and the session file. The CSV text itself is written by the core's one
 * writer (records/write.ts: writeCsvTable), with its formula guard.
 */
import type { PatientError, PatientReport } from '../../core/report/types';
import type { StoredPatient } from '../storage/db';
import { planRow } from './status';
import { errorText, issueText } from '../../i18n/sentences';
import { formatDisplayDate } from './dates';

export const PLANNING_COLUMNS = [
  'patient_id', 'drug', 'last_dose', 'planned_dose', 'planned_by', 'option', 'reason', 'chosen_on_older_data',
  'model_next_dose', 'next_lab', 'status', 'warnings', 'choice_probability_percent', 'required_probability_percent',
] as const;

export interface PlanEntry {
  patientId: string;
  drug: string;
  lastDose: string | null;
  plannedDose: string | null;
  plannedBy: 'model' | 'clinician' | null;
  option: string | null;
  reason: string | null;
  chosenOnOlderData: boolean;
  modelNextDose: string | null;
  nextLab: string | null;
  status: string;
  warnings: string[];
  /** A choice below the required probability: its chance and the one required (fractions). */
  risk: { probability: number; required: number } | null;
}

/**
 * One entry per patient, in list order; a patient not computed yet has status `pending`. Warnings
 * in `lang` (the session file keeps English, the planning CSV of a Dutch user says them in Dutch).
 */
export function planEntries(patients: StoredPatient[], reports: Map<string, PatientReport | PatientError | undefined>, today: string, lang = 'en'): PlanEntry[] {
  return patients.map((p) => {
    const report = reports.get(p.id);
    const row = planRow(report, today, p.choice);
    const plan = row.plan;
    const warnings = report && !('error' in report) ? report.warnings.filter((w) => w.severity !== 'info').map((w) => (lang === 'en' ? w.message : issueText(w, lang)))
      : report && 'error' in report ? [lang === 'en' ? report.error : errorText(report, lang)] : [];
    return {
      patientId: p.id, drug: p.record.drug, lastDose: row.lastDose, plannedDose: plan?.date ?? null,
      plannedBy: plan ? (plan.chosen ? 'clinician' : 'model') : null, option: plan?.code ?? null, reason: plan?.reason ?? null,
      chosenOnOlderData: !!plan?.stale, modelNextDose: plan?.proposed ?? null, nextLab: row.nextLab, status: row.status, warnings, risk: plan?.risk ?? null,
    };
  });
}

/**
 * The words of a planning CSV for people: the column names, who planned, yes/no and the status.
 * Absent: the file's own English codes (as the session file and the CLI use them).
 */
export interface PlanWords {
  columns: readonly string[];
  plannedBy: (by: 'model' | 'clinician') => string;
  yes: string;
  no: string;
  status: (status: string) => string;
  /** A date (`YYYY-MM-DD`) as the user writes it. */
  date: (iso: string) => string;
}

/** The entries as CSV cells (columns PLANNING_COLUMNS, or `words.columns`). */
export function planCells(entries: PlanEntry[], words?: PlanWords): string[][] {
  const d = (iso: string | null) => (iso === null ? '' : words ? words.date(iso) : iso);
  return entries.map((e) => [
    e.patientId, e.drug, d(e.lastDose), d(e.plannedDose), e.plannedBy ? (words ? words.plannedBy(e.plannedBy) : e.plannedBy) : '', e.option ?? '', e.reason ?? '',
    e.chosenOnOlderData ? (words?.yes ?? 'yes') : (words?.no ?? 'no'),
    d(e.modelNextDose), d(e.nextLab), words ? words.status(e.status) : e.status, e.warnings.join('; '),
    // A choice below the required probability says so in numbers (whole percent: no decimal separator to misread).
    e.risk ? String(Math.round(e.risk.probability * 100)) : '', e.risk ? String(Math.round(e.risk.required * 100)) : '',
  ]);
}

/** The planning CSV's words in the app's language (namespace `plain`; statuses as the planning view says them). */
export function planningWords(t: (key: string, options?: Record<string, unknown>) => string, lang: 'en' | 'nl'): PlanWords {
  return {
    columns: t('planning.columns', { ns: 'plain' }).split(','),
    plannedBy: (by) => t(`planning.${by}`, { ns: 'plain' }),
    yes: t('planning.yes', { ns: 'plain' }),
    no: t('planning.no', { ns: 'plain' }),
    status: (status) => t(`status.${status}`, { ns: 'app' }),
    date: (iso) => formatDisplayDate(iso, lang),
  };
}
