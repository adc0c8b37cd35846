/**
 * One patient: the plan (as-of date and which results it knows), the proposal card, the chart,
 * the clinician's choice, per-patient settings and the table of doses, levels, counts and weights.
 */
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineSettings } from '../../../core/engine';
import type { PatientRecord } from '../../../core/types';
import type { StoredPatient } from '../../storage/db';
import type { ReportEntry } from '../../use-reports';
import { EventTable } from './EventTable';
import { PatientEntry, RefusedRows } from './PatientParts';
import { ProposalHistory } from '../history/ProposalHistory';
import { CalendarButton, ForecastChart, PrintButton, ProposalCard, type CardChoice } from './slots';
import { SettingsForm } from '../settings/SettingsForm';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { effectiveSettings, hasOverrides, withShownDefaults } from '../../lib/settings';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { isError } from '../../lib/status';
import type { PatientTrack } from '../../../core/natalizumab/clinic-track';
import { CalibrationNote, PatientTrackRecord } from '../track-record/PatientTrackRecord';
import { plannedDose } from '../../lib/plan';
import { choiceLabel } from '../proposal/choices';
import { WearingOffCard } from '../wearing/WearingOffCard';
import { DeletePatient } from './DeletePatient';
import { catalogNumberText } from '../../../i18n/display';
import { importRefusals } from './validate-edit';
import type { ChangeLabel } from '../../storage/change-label';

interface Props {
  patient: StoredPatient;
  entry: ReportEntry | undefined;
  clinic: EngineSettings;
  onSaveRecord: (r: PatientRecord, label: ChangeLabel, usedPendingWeight?: boolean) => Promise<void>;
  /** The clinic's infusion clock time (`HH:MM`), the default of a dosing schedule. */
  infusionTime?: string;
  onChoose: (c: CardChoice | null) => Promise<void>;
  onOverrides: (o: EngineSettings) => Promise<void>;
  onDelete: () => Promise<void>;
  onClose: () => void;
  /** Natalizumab (issue 17): this patient's scored troughs, whether forecasts are calibrated, and whether the clinic's calibration is awaited. */
  track?: PatientTrack;
  calibrate?: boolean;
  calibrationWaiting?: boolean;
  /** The card's note when the forecast is not calibrated for a reason of the caller's (the SMART view). */
  calibrationPublished?: string;
}

export function PatientView({ patient, entry, clinic, infusionTime, onSaveRecord, onChoose, onOverrides, onDelete, onClose, track, calibrate = false, calibrationWaiting = false, calibrationPublished }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const settings = effectiveSettings(clinic, patient.overrides);
  const report = entry?.report;
  const rec = patient.record;
  const samples = rec.drug === 'natalizumab' ? rec.levels : rec.bcells;
  const asOfIso = report && !isError(report) ? report.asOf : null;
  const known = asOfIso ? samples.filter((s) => s.iso.slice(0, 10) <= asOfIso) : samples;
  const lastKnown = known.length ? known[known.length - 1] : null;
  const later = asOfIso ? samples.length - known.length : 0;
  const choice = patient.choice;
  const plan = report && !isError(report) ? plannedDose(report, choice) : null;
  const refused = importRefusals(rec);
  const empty = rec.doses.length + rec.levels.length + rec.bcells.length + rec.weights.length === 0;
  const tc = (k: string, o?: Record<string, unknown>) => t(k, { ns: 'clinic', ...o });
  // Opened from the list: focus moves to the patient's heading, so a screen reader reads where it is.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (document.activeElement?.closest('.planning')) heading.current?.focus({ preventScroll: true }); }, []);
  return (
    <section className="patient" aria-labelledby="patient-title" data-selected-patient={patient.id}>
      <header className="patient-head">
        <h2 id="patient-title" ref={heading} tabIndex={-1}>{patient.id} <span className="drug-tag">{t(`drug.${rec.drug}`)}</span>
          {patient.example ? <> <span className="example-tag" data-testid="example-tag" title={t('example.title', { ns: 'walk' })}>{t('example.mark', { ns: 'walk' })}</span></> : null}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('patient.close')}>×</button>
      </header>
      <p className="asof" role="status">
        {/* Computing only while the worker has not answered; an answer without a plan (no dose yet, refused rows) is "not planned". */}
        {asOfIso ? t('patient.plannedAsOf', { date: formatDisplayDate(asOfIso, lang) }) : entry?.failure || refused.length > 0 || (report && (isError(report) || entry?.ms !== undefined)) ? t('patient.notPlanned') : t('patient.computing')}
        {' · '}
        {lastKnown
          ? t(rec.drug === 'natalizumab' ? 'patient.lastLevel' : 'patient.lastCount', { date: formatDisplayDate(lastKnown.iso.slice(0, 10), lang), count: known.length })
          : t(rec.drug === 'natalizumab' ? 'patient.noLevels' : 'patient.noCounts')}
        {later > 0 ? ` · ${t('patient.laterResults', { count: later })}` : ''}
        {entry?.stale && report ? <span className="updating"> · {t('planning.updating')}</span> : null}
        {entry?.ms !== undefined && asOfIso ? <span className="ms"> · {t('patient.computedIn', { ms: Math.round(entry.ms) })}</span> : null}
      </p>
      {entry?.failure ? (
        <p className="card card-error" role="alert" data-testid="compute-failed">
          {entry.overBudgetMs !== undefined ? t('patient.overBudget', { seconds: Math.round(entry.overBudgetMs / 1000) }) : t('patient.failed', { error: entry.failure })}
        </p>
      ) : null}
      {entry?.outdated && report ? (
        <p className="outdated-banner" role="status" data-testid="outdated">{entry.failure ? t('patient.outdatedFailed') : t('patient.outdated')}</p>
      ) : null}
      <RefusedRows record={rec} onSaveRecord={onSaveRecord} />
      {patient.pendingWeightKg && rec.weights.length === 0 ? <p className="notice">{tc('pending.weight', { kg: catalogNumberText(String(patient.pendingWeightKg), lang) })}</p> : null}
      {rec.doses.length === 0 ? <p className="notice" data-testid="no-doses">{tc('pending.noDoses')}</p> : null}
      <PatientEntry patient={patient} plannedDate={plan?.date ?? null} infusionTime={infusionTime} labLimit={settings.ocrelizumab.labLimit} onSaveRecord={onSaveRecord} />

      <ErrorBoundary title={t('error.partTitle')} hint={t('error.partHint')} reloadLabel={t('error.reload')} resetKey={report}>
        {/* A patient started by hand with no row yet: the notice above says what to enter, no error card. */}
        {empty ? null : report ? (
          <Suspense fallback={<p>{t('patient.loading')}</p>}>
            <div className={entry?.outdated ? 'outdated-report' : undefined}>
              <ProposalCard report={report} settings={settings} choice={choice} onChoose={(c) => void onChoose(c)} example={!!patient.example} listedAbove={refused} />
              <CalibrationNote report={report} calibrate={calibrate} waiting={calibrationWaiting} published={calibrationPublished} />
            </div>
          </Suspense>
        ) : entry?.failure ? null : <p className="card">{t('patient.computing')}</p>}
        {report && !isError(report) ? <WearingOffCard report={report} overrides={patient.overrides} onOverrides={onOverrides} /> : null}
        {patient.choice ? (
          <p className="choice-tools">
            <button type="button" className="link" onClick={() => void onChoose(null)}>{t('patient.clearChoice')}</button>
          </p>
        ) : null}
        {report && !isError(report) ? (
          <Suspense fallback={<p>{t('patient.loadingChart')}</p>}>
            {/* The list computes the decision only; the opened patient's chart curves follow (issue 17, item 6). */}
            {entry?.chartPending
              ? <p className="chart-box card" role="status" data-testid="chart-pending">{t('chart.computing', { ns: 'speed' })}</p>
              : <div className="chart-box"><ForecastChart report={report} planned={plan} /></div>}
            {/* A proposal on older data is not printed or exported as current: wait for the new one. */}
            {entry?.outdated ? <p className="patient-actions notice" data-testid="actions-wait">{t('patient.actionsWait')}</p> : (
              <div className="patient-actions">
                {/* The printed report carries the chart: offered once it is computed. */}
                {entry?.chartPending ? null : <PrintButton report={report} settings={settings} choice={choice} example={!!patient.example} />}
                <CalendarButton report={report} choice={choice} />
              </div>
            )}
          </Suspense>
        ) : null}
      </ErrorBoundary>

      {rec.drug === 'natalizumab' && !empty ? <PatientTrackRecord track={track} example={!!patient.example} /> : null}

      <ProposalHistory record={rec} settings={settings} upTo={asOfIso} choice={choice} plan={plan}
        choiceText={choice && report && !isError(report) ? choiceLabel(report, choice.option, (k, v) => t(k, { ns: 'proposal', ...v }), lang) : undefined} />

      <details className="overrides">
        <summary>{t('patient.overrides')}{hasOverrides(patient.overrides) ? ` (${t('patient.overridden')})` : ''}</summary>
        <SettingsForm value={patient.overrides} inherited={withShownDefaults(clinic)} drugs={[rec.drug]} onSave={onOverrides} saveLabel={t('patient.saveOverrides')} />
      </details>

      <EventTable record={rec} labLimit={settings.ocrelizumab.labLimit} onSave={onSaveRecord} />

      <div className="danger">
        <DeletePatient patient={patient} onDelete={onDelete} />
      </div>
    </section>
  );
}
