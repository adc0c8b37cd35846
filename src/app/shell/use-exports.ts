/**
 * Export from the header: the records as a TDM CSV, the planning as CSV (in the chosen dialect),
 * the records and proposals as a FHIR Bundle, for every patient or the open one. Only current reports are exported: a proposal computed on
 * older data is not exported as current.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientReport, PatientError } from '../../core/report/types';
import type { LocalCodes } from '../../core/fhir/index';
import { version as appVersion } from '../../../package.json';
import type { StoredPatient } from '../storage/db';
import type { ReportEntry } from '../use-reports';
import { planCells, planEntries, planningWords, PLANNING_COLUMNS } from '../lib/plan-export';
import { downloadText } from '../lib/download';
import type { Lang } from '../lib/dates';
import { fhirExportText } from '../features/fhir/fhir-export';
import { choiceLabel } from '../features/proposal/choices';
import type { Say } from './use-messages';

export type ExportFormat = 'comma' | 'semicolon' | 'excel';
export type ExportWhich = 'all' | 'open';

/** The current report of each patient (none for one computed on older data). */
export function currentReports(list: readonly StoredPatient[], reports: ReadonlyMap<string, ReportEntry>): Map<string, PatientReport | PatientError | undefined> {
  return new Map(list.map((p) => { const e = reports.get(p.id); return [p.id, e && !e.outdated ? e.report : undefined]; }));
}

export interface ExportsInput {
  patients: StoredPatient[];
  selected: StoredPatient | null;
  reports: ReadonlyMap<string, ReportEntry>;
  localCodes: LocalCodes | undefined;
  today: string;
  lang: Lang;
  flash: (m: string | Say) => void;
}

export function useExports({ patients, selected, reports, localCodes, today, lang, flash }: ExportsInput) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>(lang === 'nl' ? 'semicolon' : 'comma');
  const [which, setWhich] = useState<ExportWhich>('all');
  /** The patients an export covers: the open one, or all. */
  const exported = () => (which === 'open' && selected ? [selected] : patients);
  /** The open patient's id in a file name, when only it is exported. */
  const fileId = () => (which === 'open' && selected ? `${selected.id.replace(/[^A-Za-z0-9._-]+/g, '_')}-` : '');
  const csvOptions = () => ({ dialect: format === 'comma' ? 'comma' as const : 'semicolon' as const, bom: format === 'excel' });

  const exportCsv = async () => {
    const { writeTdmCsv } = await import('../../core/records/index');
    const list = exported();
    const text = writeTdmCsv(list.map((p) => p.record), csvOptions());
    downloadText(`ms-interval-${fileId()}${today}.csv`, text, 'text/csv;charset=utf-8');
    flash((tt) => tt('export.csvDone', { ns: 'app', count: list.length }));
  };

  /** The planning (the dose as planned, the choice and its reason beside the model's proposal) as CSV, by the same writer. */
  const exportPlanning = async () => {
    const { writeCsvTable } = await import('../../core/records/index');
    const list = exported();
    const text = lang === 'nl'
      ? writeCsvTable(planningWords(t, lang).columns, planCells(planEntries(list, currentReports(list, reports), today, lang), planningWords(t, lang)), csvOptions())
      : writeCsvTable(PLANNING_COLUMNS, planCells(planEntries(list, currentReports(list, reports), today)), csvOptions());
    downloadText(`ms-interval-planning-${today}.csv`, text, 'text/csv;charset=utf-8');
    flash((tt) => tt('export.planningDone', { ns: 'clinic', count: list.length }));
  };

  /** The open patient or all (as the CSV export), records and current proposals as a FHIR Bundle. */
  const exportFhir = async () => {
    const list = exported();
    const current = currentReports(list, reports);
    const text = await fhirExportText(list, current, localCodes, appVersion,
      // The note is written in the screen's language: the chosen option's words too.
      (r, option) => choiceLabel(r, option, (k, v) => i18n.getFixedT(lang)(k, { ns: 'proposal', ...v }), lang), lang);
    downloadText(`ms-interval-${fileId()}${today}.fhir.json`, text, 'application/fhir+json');
    // A proposal still being computed is not in the Bundle: said, so nobody files a Bundle thinking it is.
    const waiting = list.filter((p) => current.get(p.id) === undefined).length;
    flash((tt) => `${tt('export.done', { ns: 'fhir', count: list.length })}${waiting ? ` ${tt('export.waiting', { ns: 'fhir', count: waiting })}` : ''}`);
  };

  return { format, setFormat, which, setWhich, exportCsv, exportPlanning, exportFhir };
}
