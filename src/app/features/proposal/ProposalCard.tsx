/**
 * The proposal card: what to do next for one patient, how sure the model is, what the rule-based
 * protocol says, every warning, the model and the settings behind it, and the clinician's choice.
 */
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import type { Issue, ModelInfo, ModelParameter } from '../../../core/types';
import type { NatalizumabReport, OcrelizumabReport, PatientError, PatientReport } from '../../../core/report/types';
import type { EngineSettings } from '../../../core/engine';
import { MODELS } from '../../../../models/index';
import { modelText, paramName, unitText } from '../../i18n/models.nl';
import { formatIso, formatNumber, formatPercent } from './format';
import { useStrings } from './use-strings';
import { choiceLabel, choiceOptions, type Choice } from './choices';
import { optionProbability, plannedDose } from '../../lib/plan';
import { errorText, issueText, protocolNameText, rationaleText, reasonText } from '../../../i18n/sentences';
import './proposal.css';
import { FhirCodesInDetails } from '../fhir/FhirCodes';
import { daysBetween, weekdayOf } from '../../../core/time';

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * Prefix of every data-testid in the card. The screen's card has none; a second copy on the
 * same page (the print report) gets one, so `[data-testid="next-dose"]` always finds exactly one.
 */
const TestIdPrefix = createContext('');
function useTid(): (name: string) => string {
  const prefix = useContext(TestIdPrefix);
  return (name) => `${prefix}${name}`;
}

export interface ProposalCardProps {
  report: PatientReport | PatientError;
  settings: EngineSettings;
  choice?: Choice | null;
  onChoose?: (c: Choice) => void;
  /** Open the model details (print). @default false */
  expandDetails?: boolean;
  /** Fewer table rows, for the one-page print. @default false */
  compact?: boolean;
  /** Prefix of every data-testid inside the card (the print copy uses `print-`). @default '' */
  testIdPrefix?: string;
  /** One of the example patients shipped with the app: said on the card. @default false */
  example?: boolean;
}

export function isPatientError(r: PatientReport | PatientError): r is PatientError {
  return 'error' in r;
}

function Interval({ v, lang, unit, t }: { v: { value: number; low: number; high: number }; lang: string; unit: string; t: T }) {
  return (
    <>
      <strong>{formatNumber(v.value, lang)} {unit}</strong>{' '}
      <span className="proposal__range">({t('range80', { low: formatNumber(v.low, lang), high: formatNumber(v.high, lang) })})</span>
    </>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const tid = useTid();
  return (
    <div className="proposal__row" data-testid={testId === undefined ? undefined : tid(testId)}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * A table that may scroll sideways on a narrow screen: focusable, so it can be scrolled with
 * the keyboard, and named, so a screen reader says what the tab stop is.
 */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return <div className="proposal__scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}

/** The ISO date as the element's whole text, with its weekday (and the locale date when it differs) beside it. */
function NextDose({ iso, lang, extra }: { iso: string; lang: string; extra?: string }) {
  const tid = useTid();
  const local = formatIso(iso, lang);
  const day = weekdayName(weekdayOf(iso), lang, (k) => k);
  return (
    <>
      {/* One date form per place: the language's own (ISO in English, dd-mm-jjjj in Dutch), once. */}
      <strong className="proposal__date"><time dateTime={iso} data-testid={tid('next-dose')}>{local}</time></strong>
      {' '}<span className="proposal__local-date">(<span data-testid={tid('next-dose-weekday')}>{day}</span>{extra ? `; ${extra}` : ''})</span>
    </>
  );
}

/** Every warning, the engines' sentences in the user's language (`lang`; parse-time issues as written). */
export function Warnings({ issues, t, lang }: { issues: Issue[]; t: T; lang?: string }) {
  const tid = useTid();
  if (issues.length === 0) return <p className="proposal__no-warnings" data-testid={tid('no-warnings')}>{t('warnings.none')}</p>;
  return (
    <ul className="proposal__warnings" data-testid={tid('warnings')}>
      {issues.map((w, i) => (
        <li key={`${w.code}-${i}`} className={`issue issue--${w.severity}`} data-severity={w.severity} data-code={w.code}>
          <span className="issue__severity">{t(`severity.${w.severity}`)}:</span> {issueText(w, lang)}
        </li>
      ))}
    </ul>
  );
}

/** The engine's `below-target-at-4-weeks` warning, said first and prominently: no interval reaches the target. */
export const BELOW_TARGET_CODE = 'below-target-at-4-weeks';

function BelowTarget({ r, lang }: { r: NatalizumabReport; lang: string }) {
  const tid = useTid();
  const w = r.warnings.find((x) => x.code === BELOW_TARGET_CODE);
  if (!w) return null;
  return <p className="issue issue--warning proposal__below-target" role="note" data-testid={tid('below-target')}>{issueText(w, lang)}</p>;
}

/**
 * The next dose as planned had passed (the report's `late`): the card says so, and that the
 * proposal is the first possible day, from which every option counts.
 */
function LateNote({ r, lang }: { r: PatientReport; lang: string }) {
  const tid = useTid();
  const { t } = useStrings('walk');
  if (!r.late) return null;
  return (
    <p className="issue issue--warning proposal__late" role="note" data-testid={tid('late-note')}>
      {t('late.banner', { due: formatIso(r.late.due, lang), date: formatIso(r.proposal.nextDose, lang) })}
    </p>
  );
}

/** A date on the card before the first possible day: shown as passed (the choice list does not offer it). */
function Passed({ r, date }: { r: PatientReport; date: string }) {
  const { t } = useStrings('walk');
  if (!r.firstPossibleDay || date >= r.firstPossibleDay) return null;
  return <span className="proposal__passed" data-passed="true"> ({t('late.passed')})</span>;
}

/** A choice below the required probability: its chance against the one required, wherever the choice is shown. */
export function RiskNote({ risk, lang, testId }: { risk: { probability: number; required: number } | null; lang: string; testId: string }) {
  const tid = useTid();
  const { t } = useStrings('walk');
  if (!risk) return null;
  return (
    <strong className="issue issue--warning choice-risk" data-testid={tid(testId)}>
      {' '}{t('risk.text', { p: formatPercent(risk.probability, lang), required: formatPercent(risk.required, lang) })}
    </strong>
  );
}

/** Most finger-prick levels named on the card (the latest). */
export const SAMPLE_NOTES_MAX = 6;

/** Which troughs were finger-prick (capillary) samples, and whether the next one is planned as a home finger-prick. */
export function SampleNotes({ r, t, lang }: { r: NatalizumabReport; t: T; lang: string }) {
  const tid = useTid();
  const capillary = r.observations.filter((o) => o.kind === 'level' && o.sample === 'capillary');
  const home = r.options.nextTroughSample === 'capillary';
  if (capillary.length === 0 && !home) return null;
  // The latest few, with how many earlier ones there are (a home-sampling patient collects dozens).
  const shown = capillary.slice(-SAMPLE_NOTES_MAX);
  const earlier = capillary.length - shown.length;
  const dates = shown.map((o) => `${formatIso(o.iso.slice(0, 10), lang)} (${o.censored ? '<' : ''}${formatNumber(o.value, lang)} µg/mL)`).join(', ')
    + (earlier > 0 ? ` ${t('sample.earlier', { count: earlier })}` : '');
  return (
    <div className="proposal__samples">
      {capillary.length > 0 && <p data-testid={tid('capillary-levels')}>{t('sample.capillaryLevels', { count: capillary.length, dates })}</p>}
      {home && <p data-testid={tid('home-prick')}><strong>{t('sample.homePrick')}</strong></p>}
    </div>
  );
}

/** A signed number as the card shows a rate: `+3`, `-24`, `0`. */
function signed(x: number, lang: string, digits: number): string {
  const f = 10 ** digits;
  const v = Math.round(x * f) / f;
  return v === 0 ? formatNumber(0, lang, digits) : `${v > 0 ? '+' : ''}${formatNumber(v, lang, digits)}`;
}

/** The model-free trend of the troughs (Theil–Sen of ln trough, src/core/natalizumab/trend.ts), beside the rule. */
function TroughTrendNote({ r, t, lang }: { r: NatalizumabReport; t: T; lang: string }) {
  const tid = useTid();
  const tr = r.trend;
  if (tr === undefined || r.fit.kind === 'population') return null;
  if (tr === null) return <p className="proposal__muted" data-testid={tid('trend')} data-trend="none"><strong>{t('trend.label')}</strong>: {t('trend.none')}</p>;
  const parts = [t('trend.value', { pct: signed(tr.percentPerMonth, lang, 0), low: signed(tr.low, lang, 0), high: signed(tr.high, lang, 0), count: tr.troughs.length, weeks: tr.intervalWeeks })];
  if (!tr.distributionFree) parts.push(t('trend.few'));
  if (tr.censoredLeftOut > 0) parts.push(t('trend.censored', { count: tr.censoredLeftOut }));
  return (
    <p className={tr.falling ? 'issue issue--warning' : 'proposal__muted'} data-testid={tid('trend')} data-trend={tr.falling ? 'falling' : 'not-falling'}>
      <strong>{t('trend.label')}</strong>: {parts.join('; ')}: <strong>{t(tr.falling ? 'trend.falling' : 'trend.notFalling')}</strong>
    </p>
  );
}

/** Ocrelizumab: the model-free growth of ln(count + 1) beside the logistic fit's own growth over the same weeks. */
function CountTrendRow({ r, t, lang }: { r: OcrelizumabReport; t: T; lang: string }) {
  const tr = r.countTrend;
  if (tr === undefined) return null;
  return (
    <Row label={t('ocrTrend.label')} testId="count-trend">
      {tr === null ? t('ocrTrend.none') : (
        <>
          {t('ocrTrend.value', { rate: signed(tr.ratePerWeek, lang, 3), low: signed(tr.low, lang, 3), high: signed(tr.high, lang, 3), count: tr.counts.length, fitted: signed(tr.fittedRatePerWeek, lang, 3) })}
          {': '}<strong data-disagrees={tr.disagrees}>{t(tr.disagrees ? 'ocrTrend.disagrees' : 'ocrTrend.agrees')}</strong>
        </>
      )}
    </Row>
  );
}

function NatalizumabBody({ r, t, lang }: { r: NatalizumabReport; t: T; lang: string }) {
  const tid = useTid();
  const p = r.proposal;
  const unit = 'µg/mL';
  const target = formatNumber(r.target.value, lang);
  // Reports stored before the field existed required the same of both troughs.
  const requiredSs = p.requiredSteadyState ?? r.options.probability;
  const requiredNext = p.requiredNext ?? r.options.probability;
  return (
    <>
      <BelowTarget r={r} lang={lang} />
      <LateNote r={r} lang={lang} />
      <dl className="proposal__main">
        <Row label={t('nat.nextDose')}><NextDose iso={p.nextDose} lang={lang} /></Row>
        <Row label={t('nat.interval')} testId="interval">
          <strong>{t('weeks', { count: p.intervalWeeks })}</strong>{' '}
          <span>{p.extended ? t('nat.extended', { weeks: r.options.standardIntervalWeeks }) : t('nat.standard')}</span>
        </Row>
        <Row label={t('nat.ssTrough')} testId="predicted-trough"><Interval v={p.predictedTrough} lang={lang} unit={unit} t={t} /></Row>
        <Row label={t('nat.pSteady', { target })} testId="probability"><strong>{formatPercent(p.probabilityAboveTarget, lang)}</strong>{' '}
          <span className="proposal__range">({t('nat.required', { p: formatPercent(requiredSs, lang) })})</span></Row>
        <Row label={t('nat.nextTrough')}><Interval v={p.nextTrough} lang={lang} unit={unit} t={t} />{'; '}
          {t('nat.pShort', { target, p: formatPercent(p.probabilityNextAboveTarget, lang) })}
          {requiredSs !== requiredNext ? <span className="proposal__range"> ({t('nat.required', { p: formatPercent(requiredNext, lang) })})</span> : null}</Row>
        <Row label={t('lastDose')}>{formatIso(r.lastDose, lang)}</Row>
      </dl>
      <SampleNotes r={r} t={t} lang={lang} />
      {p.reason && <p className="proposal__reason" data-testid={tid('reason')}>{reasonText(r, lang)}</p>}
      <section className="proposal__protocol" data-testid={tid('protocol')}>
        <h3>{t('protocol.heading', { name: protocolNameText(r, lang) })}</h3>
        <p><strong>{t('weeks', { count: r.protocol.intervalWeeks })}</strong>, {t('protocol.nextDose', { date: formatIso(r.protocol.nextDose, lang) })}<Passed r={r} date={r.protocol.nextDose} />
          {r.protocol.intervalWeeks === p.intervalWeeks ? ` (${t('protocol.agrees')})` : ` (${t('protocol.differs')})`}</p>
        <p className="proposal__muted" data-testid={tid('rationale')}>{rationaleText(r, lang)}</p>
        <TroughTrendNote r={r} t={t} lang={lang} />
      </section>
      <section className="proposal__alternatives">
        <h3>{t('alternatives.heading')}</h3>
        <Scroll label={t('alternatives.heading')}><table className="proposal__table" data-testid={tid('alternatives')}>
          <thead>
            <tr>
              <th scope="col">{t('alternatives.interval')}</th>
              <th scope="col">{t('alternatives.nextDose')}</th>
              <th scope="col">{t('alternatives.ssTrough')}</th>
              <th scope="col">{t('alternatives.pSteady', { target })}</th>
              <th scope="col">{t('alternatives.nextTrough')}</th>
              <th scope="col">{t('alternatives.pNext')}</th>
            </tr>
          </thead>
          <tbody>
            {r.alternatives.map((a) => (
              <tr key={a.weeks} className={[a.weeks === p.intervalWeeks ? 'is-proposed' : '', a.acceptable ? 'is-acceptable' : 'is-unacceptable'].join(' ')}
                data-weeks={a.weeks}>
                <th scope="row">{t('weeks', { count: a.weeks })}{a.weeks === p.intervalWeeks ? ` (${t('alternatives.proposed')})` : ''}</th>
                <td>{formatIso(a.nextDose, lang)}<Passed r={r} date={a.nextDose} /></td>
                <td>{formatNumber(a.ssTrough.value, lang)} <span className="proposal__range">({formatNumber(a.ssTrough.low, lang)}–{formatNumber(a.ssTrough.high, lang)})</span></td>
                <td>{formatPercent(a.pSteadyState, lang)}{a.pSteadyState >= requiredSs ? '' : ` ${t('alternatives.belowRequired')}`}</td>
                <td>{formatNumber(a.nextTrough.value, lang)} <span className="proposal__range">({formatNumber(a.nextTrough.low, lang)}–{formatNumber(a.nextTrough.high, lang)})</span></td>
                <td>{formatPercent(a.pNext, lang)}{a.pNext >= requiredNext ? '' : ` ${t('alternatives.belowRequired')}`}</td>
              </tr>
            ))}
          </tbody>
        </table></Scroll>
        <p className="proposal__muted">{t('alternatives.note', { unit })}</p>
        {p.longerNotForecast ? <p className="proposal__muted" data-testid={tid('not-forecast')}>{t('alternatives.notForecast')}</p> : null}
      </section>
    </>
  );
}

/** Rows of P(count ≥ threshold) worth showing: from the plan day until the crossing is near certain. */
export function probabilityRows(r: OcrelizumabReport, max = 16): { date: string; probability: number }[] {
  const rows = r.probabilityByDate.filter((x) => x.date >= r.asOf);
  const out: { date: string; probability: number }[] = [];
  for (const row of rows) {
    out.push(row);
    if (row.probability >= 0.97 || out.length >= max) break;
  }
  return out;
}

function OcrelizumabBody({ r, t, lang, compact }: { r: OcrelizumabReport; t: T; lang: string; compact: boolean }) {
  const tid = useTid();
  const p = r.proposal;
  const threshold = formatNumber(r.threshold.value, lang);
  return (
    <>
      {p.dueNow && <p className="issue issue--warning" data-testid={tid('due-now')}>{t('ocr.dueNow', { threshold })}</p>}
      <LateNote r={r} lang={lang} />
      <dl className="proposal__main">
        <Row label={t('ocr.nextDose')}><NextDose iso={p.nextDose} lang={lang} extra={t('ocr.weeksSince', { count: p.weeksSinceLastDose })} /></Row>
        <Row label={t('ocr.crossing', { threshold })} testId="predicted-crossing">
          <strong>{formatIso(p.predictedCrossing, lang)}</strong>{' '}
          <span className="proposal__range">({t('range80', { low: formatIso(p.predictedCrossingLow, lang), high: formatIso(p.predictedCrossingHigh, lang) })})</span>
        </Row>
        <Row label={t('ocr.crossingWeeks')}>
          {t('ocr.weeksRange', { value: formatNumber(r.fit.crossingWeeks.value, lang, 1), low: formatNumber(r.fit.crossingWeeks.low, lang, 1), high: formatNumber(r.fit.crossingWeeks.high, lang, 1) })}
        </Row>
        <CountTrendRow r={r} t={t} lang={lang} />
        <Row label={t('ocr.nextCount')} testId="next-count"><strong>{formatIso(p.nextBcellCheck, lang)}</strong></Row>
        <Row label={t('ocr.basis')}>{t(`ocr.basisKind.${r.fit.basis}`, { count: r.fit.countsUsed, previous: r.fit.previousCycleCountsUsed })}</Row>
        <Row label={t('lastDose')}>{formatIso(r.lastDose, lang)}</Row>
      </dl>
      {p.reason && <p className="proposal__reason" data-testid={tid('reason')}>{reasonText(r, lang)}</p>}
      <section className="proposal__protocol" data-testid={tid('protocol')}>
        <h3>{t('protocol.heading', { name: protocolNameText(r, lang) })}</h3>
        <p>{t('protocol.nextCount', { date: formatIso(r.protocol.nextCount, lang) })}</p>
        <p className="proposal__muted" data-testid={tid('rationale')}>{rationaleText(r, lang)}</p>
      </section>
      <section className="proposal__alternatives">
        <h3>{t('ocr.probHeading', { threshold })}</h3>
        <Scroll label={t('ocr.probHeading', { threshold })}><table className="proposal__table" data-testid={tid('alternatives')}>
          <thead><tr><th scope="col">{t('ocr.date')}</th><th scope="col">{t('ocr.weeksAfter')}</th><th scope="col">{t('ocr.probability', { threshold })}</th></tr></thead>
          <tbody>
            {probabilityRows(r, compact ? 8 : 16).map((row) => (
              <tr key={row.date} className={row.date === p.nextDose ? 'is-proposed' : ''}>
                <th scope="row">{formatIso(row.date, lang)}</th>
                <td>{r.lastDose ? formatNumber(weeksBetween(r.lastDose, row.date), lang, 1) : '–'}</td>
                <td>{formatPercent(row.probability, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table></Scroll>
      </section>
    </>
  );
}

function weeksBetween(fromIso: string, toIso: string): number {
  return Math.round(daysBetween(fromIso, toIso) / 7 * 10) / 10;
}

function weekdayName(d: number | null, lang: string, t: T): string {
  if (d === null) return t('settings.anyDay');
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(lang.startsWith('nl') ? 'nl-NL' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + d)));
}

export function SettingsList({ report, t, lang }: { report: PatientReport; t: T; lang: string }) {
  const tid = useTid();
  if (report.drug === 'natalizumab') {
    const o = report.options;
    return (
      <dl className="proposal__settings" data-testid={tid('settings')}>
        <Row label={t('settings.target')}>{formatNumber(o.target, lang)} µg/mL</Row>
        <Row label={t('settings.probability')}>{formatPercent(o.probability, lang)}</Row>
        <Row label={t('settings.maxInterval')}>{t('weeks', { count: o.maxIntervalWeeks })}</Row>
        <Row label={t('settings.standardInterval')}>{t('weeks', { count: o.standardIntervalWeeks })}</Row>
        <Row label={t('settings.weekday')}>{weekdayName(o.infusionWeekday, lang, t)}</Row>
        <Row label={t('sample.nextTrough')} testId="next-trough-sample">{t(o.nextTroughSample === 'capillary' ? 'sample.capillary' : 'sample.venous')}</Row>
      </dl>
    );
  }
  const o = report.options;
  return (
    <dl className="proposal__settings" data-testid={tid('settings')}>
      <Row label={t('settings.threshold')}>{formatNumber(o.threshold, lang)} {t('unit.cells')}</Row>
      <Row label={t('settings.labLimit')}>{formatNumber(o.labLimit, lang)} {t('unit.cells')}</Row>
      <Row label={t('settings.window')}>{t('settings.windowValue', { min: formatNumber(o.minWeeks, lang, 1), max: formatNumber(o.maxWeeks, lang, 1) })}</Row>
      <Row label={t('settings.schedule')}>{t('settings.scheduleValue', { first: o.firstCountWeek, every: o.countEveryWeeks, gap: o.minCountGapWeeks })}</Row>
      <Row label={t('settings.quantiles')}>{t('settings.quantilesValue', { redose: formatPercent(o.redoseQuantile, lang), count: formatPercent(o.countQuantile, lang) })}</Row>
    </dl>
  );
}

/** The uncertainty of a parameter's typical value (range and/or SD), when the model gives one. */
function ParamUncertainty({ q, t, lang }: { q: ModelParameter; t: T; lang: string }) {
  const parts: string[] = [];
  if (q.range) parts.push(t('model.range', { low: formatNumber(q.range[0], lang, 4), high: formatNumber(q.range[1], lang, 4) }));
  if (q.sd !== undefined) parts.push(t(q.sdScale === 'log' ? 'model.sdLog' : 'model.sd', { sd: formatNumber(q.sd, lang, 4) }));
  if (parts.length === 0) return null;
  return <span className="proposal__range" data-testid="param-uncertainty"> ({parts.join('; ')})</span>;
}

export function ModelDetails({ report, t, lang, open = false }: { report: PatientReport; t: T; lang: string; open?: boolean }) {
  const tid = useTid();
  const info: ModelInfo | undefined = MODELS[report.model.id];
  const fitLine = report.drug === 'natalizumab'
    ? t('model.fitNat', {
      kind: t(`model.fitKind.${report.fit.kind}`), converged: report.fit.converged ? t('model.converged') : t('model.notConverged'),
      cl: formatNumber(report.fit.individual.clearance_L_per_day, lang, 3), v: formatNumber(report.fit.individual.volume_L, lang),
      half: formatNumber(report.fit.individual.half_life_days, lang),
      // The half-life is the model's at the predicted steady-state trough (Michaelis–Menten: it depends on the level).
      at: formatNumber(report.proposal.predictedTrough.value, lang), weight: formatNumber(report.fit.weightKg, lang),
      weightNote: report.fit.weightGiven ? '' : ` ${t('model.weightAssumed')}`,
    })
    : t('model.fitOcr', { bmax: formatNumber(report.fit.bmax, lang, 0), bmaxNote: report.fit.bmaxFromPatient ? t('model.bmaxPatient') : t('model.bmaxDefault'),
      r: formatNumber(report.fit.growthRatePerWeek.value, lang, 3), rlow: formatNumber(report.fit.growthRatePerWeek.low, lang, 3), rhigh: formatNumber(report.fit.growthRatePerWeek.high, lang, 3) });
  return (
    <section className="proposal__model" data-testid={tid('model')}>
      <h3>{t('model.heading')}</h3>
      <p><strong>{modelText(report.model.name, lang)}</strong> ({report.model.id}, {t('model.version', { version: report.model.version })})</p>
      <p>{fitLine}</p>
      {info && info.sources.length > 0 && (
        <ul className="proposal__sources">{info.sources.map((s) => <li key={s}>{modelText(s, lang)}</li>)}</ul>
      )}
      <details className="proposal__details" data-testid={tid('model-details')} open={open}>
        <summary>{t('model.details')}</summary>
        {info ? (
          <>
            <Scroll label={t('model.details')}><table className="proposal__table">
              <thead><tr><th scope="col">{t('model.param')}</th><th scope="col">{t('model.value')}</th><th scope="col">{t('model.unit')}</th>
                <th scope="col">{t('model.variability')}</th><th scope="col">{t('model.source')}</th><th scope="col">{t('model.status')}</th></tr></thead>
              <tbody>
                {info.parameters.map((q) => (
                  <tr key={q.name} data-status={q.status}>
                    <th scope="row" title={modelText(q.description, lang)}>{paramName(q.name, lang)}</th>
                    <td>{formatNumber(q.value, lang, 4)}<ParamUncertainty q={q} t={t} lang={lang} /></td>
                    <td>{unitText(q.unit, lang)}</td>
                    <td>{q.cv !== undefined ? t('model.cv', { cv: formatPercent(q.cv, lang) }) : '—'}</td>
                    <td>{modelText(q.source, lang)}{q.sources?.length ? `; ${q.sources.map((x) => modelText(x, lang)).join('; ')}` : ''}{q.note ? ` (${modelText(q.note, lang)})` : ''}</td>
                    <td className={`status status--${q.status.replace(/\s+/g, '-')}`}>{t(`model.statusKind.${q.status.replace(/\s+/g, '')}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table></Scroll>
            {info.notes.length > 0 && <ul className="proposal__muted">{info.notes.map((n) => <li key={n}>{modelText(n, lang)}</li>)}</ul>}
            {/* How the intervals and chances are computed, in plain words (no sampler jargon or seeds on the card). */}
            {report.drug === 'natalizumab' ? <p className="proposal__muted" data-testid={tid('sampling')}>{t('model.sampling', { samples: report.options.samples })}</p> : null}
            <FhirCodesInDetails drug={report.drug} testId={tid('fhir-codes')} />
          </>
        ) : <p>{t('model.unknown')}</p>}
      </details>
    </section>
  );
}

function ChoiceForm({ report, choice, onChoose, t, lang }: { report: PatientReport; choice: Choice | null | undefined; onChoose?: (c: Choice) => void; t: T; lang: string }) {
  const tid = useTid();
  const options = choiceOptions(report, t, lang);
  const [picked, setOption] = useState(options[0]?.value ?? '');
  // A recomputed report offers other dates: an option no longer offered falls back to the first.
  const option = options.some((o) => o.value === picked) ? picked : options[0]?.value ?? '';
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const id = useId();
  const plan = choice ? plannedDose(report, choice) : null;
  const chosenLabel = choice ? choiceLabel(report, choice.option, t, lang) : null;
  return (
    <section className="proposal__choice" data-testid={tid('choice')}>
      <h3>{t('choice.heading')}</h3>
      {choice && plan && (
        <p data-testid={tid('stored-choice')} className="proposal__stored-choice" data-stale={plan.stale ? 'true' : undefined}>
          {t('choice.stored', { option: chosenLabel })} <em>{t('choice.reason')}: {choice.reason}</em>
          {plan.stale && plan.basis ? (
            <strong className="issue issue--warning" data-testid={tid('choice-stale')}>
              {' '}{t('choice.stale', { then: formatIso(plan.basis.proposed, lang), now: formatIso(plan.proposed, lang) })}
            </strong>
          ) : null}
        </p>
      )}
      {onChoose && (
        <form onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (reason.trim() === '' || option === '') return;
          const low = optionProbability(report, option);
          if (low?.below && !window.confirm(t('choice.confirmLow', {
            option: options.find((o) => o.value === option)?.label ?? option,
            p: formatPercent(low.probability, lang), required: formatPercent(low.required, lang),
            target: formatNumber(report.drug === 'natalizumab' ? report.target.value : 0, lang),
          }))) return;
          onChoose({ option, reason: reason.trim(), basis: { asOf: report.asOf, proposed: report.proposal.nextDose } });
          setReason('');
          setTried(false);
        }}>
          <label htmlFor={`${id}-option`}>{t('choice.option')}</label>{' '}
          <select id={`${id}-option`} name="option" value={option} onChange={(e) => setOption(e.target.value)} data-testid={tid('choose-option')}>
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>{' '}
          <label htmlFor={`${id}-reason`}>{t('choice.reason')}</label>{' '}
          <textarea id={`${id}-reason`} name="reason" rows={2} value={reason} required aria-required="true" onChange={(e) => setReason(e.target.value)}
            placeholder={t('choice.reasonPlaceholder')} data-testid={tid('choice-reason')} aria-invalid={tried && reason.trim() === ''} />{' '}
          <button type="submit" data-testid={tid('save-choice')}>{t('choice.submit')}</button>
          {tried && reason.trim() === '' && <p className="issue issue--error" role="alert">{t('choice.reasonRequired')}</p>}
        </form>
      )}
    </section>
  );
}

/** With a recorded choice: the dose as planned, the model's proposal beside it. */
function PlannedHeadline({ report, choice, t, lang }: { report: PatientReport; choice: Choice; t: T; lang: string }) {
  const tid = useTid();
  const plan = plannedDose(report, choice);
  if (!plan.chosen) return null;
  return (
    <p className={`proposal__planned${plan.stale ? ' proposal__planned--stale' : ''}`} data-testid={tid('planned-headline')}>
      {t('choice.planned')}{' '}
      <strong className="proposal__date" data-testid={tid('card-planned-dose')}>{plan.date}</strong>
      {lang === 'nl' ? ` (${formatIso(plan.date, lang)})` : ''}
      {' · '}{t('choice.plannedBeside', { date: formatIso(plan.proposed, lang) })}
      <RiskNote risk={plan.risk} lang={lang} testId="card-choice-risk" />
      {plan.stale ? <span className="issue issue--warning"> · {t('choice.review')}</span> : null}
    </p>
  );
}

export function Disclaimer({ t }: { t: T }) {
  const tid = useTid();
  return <p className="proposal__disclaimer" data-testid={tid('disclaimer')}>{t('disclaimer')}</p>;
}

export function ProposalCard(props: ProposalCardProps) {
  return <TestIdPrefix.Provider value={props.testIdPrefix ?? ''}><Card {...props} /></TestIdPrefix.Provider>;
}

function ExampleNote() {
  const tid = useTid();
  const { t } = useStrings('walk');
  return <p className="proposal__example" role="note" data-testid={tid('example-note')}>{t('example.card')}</p>;
}

function Card({ report, settings, choice, onChoose, expandDetails = false, compact = false, example = false }: ProposalCardProps) {
  const tid = useTid();
  const uid = useId();
  const { t, lang } = useStrings('proposal');
  if (isPatientError(report)) {
    const target = settings.natalizumab.target;
    return (
      <section className="proposal proposal--error" data-testid={tid('proposal')} aria-labelledby={`${uid}-error-heading`}>
        <h2 id={`${uid}-error-heading`}>{t('error.heading', { id: report.patientId })}</h2>
        {example ? <ExampleNote /> : null}
        <p className="issue issue--error" data-testid={tid('error-message')}><span className="issue__severity">{t('severity.error')}:</span> {errorText(report, lang)}</p>
        {report.issues.length > 0 && <Warnings issues={report.issues} t={t} lang={lang} />}
        <p>{t('error.help')}</p>
        {report.drug === 'natalizumab' && target !== undefined && <p className="proposal__muted">{t('error.settingsTarget', { target: formatNumber(target, lang) })}</p>}
        <Disclaimer t={t} />
      </section>
    );
  }
  const headingId = `${uid}-heading`;
  return (
    <section className={`proposal proposal--${report.drug}`} data-testid={tid('proposal')} aria-labelledby={headingId}>
      <header className="proposal__header">
        <h2 id={headingId}>{t('heading', { id: report.patientId })}</h2>
        <p className="proposal__muted">{t(`drug.${report.drug}`)} · {t('asOf', { date: formatIso(report.asOf, lang) })}</p>
      </header>
      {example ? <ExampleNote /> : null}
      <Disclaimer t={t} />
      {choice ? <PlannedHeadline report={report} choice={choice} t={t} lang={lang} /> : null}
      {report.drug === 'natalizumab' ? <NatalizumabBody r={report} t={t} lang={lang} /> : <OcrelizumabBody r={report} t={t} lang={lang} compact={compact} />}
      <section>
        <h3>{t('warnings.heading')}</h3>
        <Warnings issues={report.warnings} t={t} lang={lang} />
      </section>
      {(onChoose || choice) && <ChoiceForm key={report.patientId} report={report} choice={choice} onChoose={onChoose} t={t} lang={lang} />}
      <section>
        <h3>{t('settings.heading')}</h3>
        <SettingsList report={report} t={t} lang={lang} />
      </section>
      <ModelDetails report={report} t={t} lang={lang} open={expandDetails} />
    </section>
  );
}

export default ProposalCard;
