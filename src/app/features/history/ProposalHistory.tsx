/**
 * "Proposal history": a disclosure under the chart. Closed by default and computed only when
 * opened: then one worker job per result day (the CLI's `propose --as-of DAY`), newest result
 * last, each row saying how that result moved the proposal. Results are cached by patient
 * record, settings and day, so reopening is instant and an edit recomputes only what changed.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineSettings } from '../../../core/engine';
import type { Observation, PatientRecord } from '../../../core/types';
import { coreClient } from '../../use-reports';
import { HISTORY_KEY_PREFIX } from '../../worker-client';
import { hashText } from '../../lib/hash';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { formatNumber, formatPercent } from '../proposal/format';
import { errorText } from '../../../i18n/sentences';
import type { Choice } from '../../storage/db';
import type { PlannedDose } from '../../lib/plan';
import { historyDays, movement, summarise, type HistoryDay, type HistorySummary, type Movement } from './history';

interface Props {
  record: PatientRecord;
  /** The effective settings of the patient (the card's). */
  settings: EngineSettings;
  /** The current plan's as-of (`YYYY-MM-DD`): results after it are not in the history. */
  upTo: string | null;
  /** The clinician's recorded choice and the dose as planned: shown with the history. */
  choice?: Choice | null;
  plan?: PlannedDose | null;
  /** The chosen option in words (the card's label). */
  choiceText?: string;
}

type Cell = { summary: HistorySummary } | { failure: string };

/** Finished history jobs by key (module-wide: survives closing the section and switching patients). */
const done = new Map<string, Cell>();
const running = new Map<string, Promise<void>>();

function historyKey(recordHash: string, settingsHash: string, id: string, date: string): string {
  return `${HISTORY_KEY_PREFIX}${id}|${recordHash}|${settingsHash}|${date}`;
}

type T = (key: string, vars?: Record<string, unknown>) => string;

function signed(x: number, lang: Lang, digits?: number): string {
  const text = formatNumber(Math.abs(x), lang, digits);
  if (text === formatNumber(0, lang, digits)) return text;
  return `${x < 0 ? '−' : '+'}${text}`;
}

function resultText(o: Observation, lang: Lang, t: T): string {
  const value = `${o.censored ? '<' : ''}${formatNumber(o.value, lang, 2)}`;
  return `${value} ${o.kind === 'level' ? 'µg/mL' : t('history.cells')}`;
}

function changeText(m: Movement | null, isFirst: boolean, lang: Lang, t: T): string {
  if (isFirst) return t('history.first');
  if (!m) return '–';
  if (m.drug === 'natalizumab') {
    const interval = m.intervalWeeks === 0 ? t('history.intervalSame')
      : t(m.intervalWeeks > 0 ? 'history.intervalLonger' : 'history.intervalShorter', { count: Math.abs(m.intervalWeeks) });
    return `${interval}; ${t('history.troughMoved', { delta: signed(m.trough, lang) })}`;
  }
  const crossing = m.crossingDays === 0 ? t('history.crossingSame')
    : t(m.crossingDays > 0 ? 'history.crossingLater' : 'history.crossingEarlier', { count: Math.abs(m.crossingDays) });
  return crossing;
}

function HistoryTable({ record, settings, days, lang }: { record: PatientRecord; settings: EngineSettings; days: HistoryDay[]; lang: Lang }) {
  const { t } = useTranslation();
  const [, setVersion] = useState(0);
  const recordHash = useMemo(() => hashText(JSON.stringify(record)), [record]);
  const settingsHash = useMemo(() => hashText(JSON.stringify(settings)), [settings]);
  const keys = useMemo(() => days.map((d) => historyKey(recordHash, settingsHash, record.id, d.date)), [days, recordHash, settingsHash, record.id]);
  const captionId = useId();
  // The jobs depend on the keys only (content hashes): a re-render with equal content starts nothing.
  const latest = useRef({ record, settings });
  latest.current = { record, settings };

  useEffect(() => {
    const client = coreClient();
    // Urgent, newest first onto the front of the queue: they then run oldest first, before the
    // rest of the list (the user is waiting for these).
    for (let i = days.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (done.has(key) || running.has(key)) continue;
      const job = { patient: latest.current.record, settings: latest.current.settings, asOf: { kind: 'date' as const, date: days[i].date } };
      const p: Promise<void> = client.compute(key, job, true).then(
        (c) => { done.set(key, { summary: summarise(c.report) }); },
        (e: Error) => { if (e.message !== 'dropped') done.set(key, { failure: e.message }); },
      ).finally(() => {
        if (running.get(key) === p) running.delete(key);
        setVersion((v) => v + 1);
      });
      running.set(key, p);
    }
    return () => {
      // Closed, or another patient or record: this table's jobs not started yet are dropped.
      const mine = new Set(keys);
      for (const k of client.retain(new Set(), (k) => mine.has(k))) running.delete(k);
    };
  }, [keys, days]);

  const cells = keys.map((k) => done.get(k));
  const busy = cells.some((c) => !c);
  const nat = record.drug === 'natalizumab';
  const threshold = settings.ocrelizumab.threshold;
  const summaries = cells.map((c) => (c && 'summary' in c ? c.summary : null));
  const target = summaries.find((s) => s?.drug === 'natalizumab');
  const targetText = formatNumber(target && target.drug === 'natalizumab' ? target.target : settings.natalizumab.target ?? 10, lang);
  const crossingHead = summaries.find((s) => s?.drug === 'ocrelizumab');
  const thresholdText = formatNumber(crossingHead && crossingHead.drug === 'ocrelizumab' ? crossingHead.threshold : threshold ?? 10, lang);
  const d = (iso: string) => formatDisplayDate(iso, lang);
  const cols = nat ? 7 : 6;

  return (
    <div className="history-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="history-table" aria-busy={busy}>
        <caption id={captionId}>{t(nat ? 'history.captionNat' : 'history.captionOcr')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.date')}</th>
            <th scope="col">{t('history.result')}</th>
            {nat ? (
              <>
                <th scope="col">{t('history.interval')}</th>
                <th scope="col">{t('history.nextDose')}</th>
                <th scope="col">{t('history.trough')}</th>
                <th scope="col">{t('history.probability', { target: targetText })}</th>
              </>
            ) : (
              <>
                <th scope="col">{t('history.crossing', { threshold: thresholdText })}</th>
                <th scope="col">{t('history.redose')}</th>
                <th scope="col">{t('history.nextCount')}</th>
              </>
            )}
            <th scope="col">{t('history.change')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day, i) => {
            const c = cells[i];
            const s = summaries[i];
            const prev = i > 0 ? summaries[i - 1] : null;
            const head = (
              <>
                <th scope="row"><time dateTime={day.date}>{d(day.date)}</time></th>
                <td>{day.results.map((o) => resultText(o, lang, t)).join(', ')}</td>
              </>
            );
            if (!c) return <tr key={day.date} data-date={day.date} className="pending">{head}<td colSpan={cols - 2}>{t('history.computing')}</td></tr>;
            if (!s || s.drug === 'error') {
              const why = 'failure' in c ? t('history.failed', { error: c.failure }) : t('history.none', { error: s && s.drug === 'error' ? errorText(s, lang) : '' });
              return <tr key={day.date} data-date={day.date} className="no-proposal">{head}<td colSpan={cols - 2}>{why}</td></tr>;
            }
            const change = changeText(movement(prev, s), i === 0 || !prev, lang, t);
            return (
              <tr key={day.date} data-date={day.date}>
                {head}
                {s.drug === 'natalizumab' ? (
                  <>
                    <td data-col="interval">{t('history.weeks', { count: s.intervalWeeks })}</td>
                    <td data-col="next-dose"><time dateTime={s.nextDose}>{d(s.nextDose)}</time></td>
                    <td data-col="trough">{formatNumber(s.trough.value, lang)} <span className="range">({formatNumber(s.trough.low, lang)}–{formatNumber(s.trough.high, lang)})</span></td>
                    <td data-col="probability">{formatPercent(s.probability, lang)}</td>
                  </>
                ) : (
                  <>
                    <td data-col="crossing"><time dateTime={s.crossing}>{d(s.crossing)}</time> <span className="range">({d(s.crossingLow)} – {d(s.crossingHigh)})</span></td>
                    <td data-col="next-dose"><time dateTime={s.nextDose}>{d(s.nextDose)}</time>{s.dueNow ? ` (${t('history.dueNow')})` : ''}</td>
                    <td data-col="next-count"><time dateTime={s.nextCount}>{d(s.nextCount)}</time></td>
                  </>
                )}
                <td data-col="change">{change}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ProposalHistory({ record, settings, upTo, choice = null, plan = null, choiceText }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const [open, setOpen] = useState(false);
  const days = useMemo(() => historyDays(record, upTo), [record, upTo]);
  return (
    <details className="history" data-testid="proposal-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('history.title')} <span className="history-count">({t('history.days', { count: days.length })})</span></summary>
      {open ? (
        <>
          <p className="history-intro">{t(record.drug === 'natalizumab' ? 'history.introNat' : 'history.introOcr')}</p>
          {days.length ? <HistoryTable record={record} settings={settings} days={days} lang={lang} /> : <p>{t('history.empty')}</p>}
          {choice && plan?.chosen ? (
            <p className="history-choice" data-testid="history-choice">
              {t('history.choice', { ns: 'clinic', at: formatDisplayDate(choice.at, lang) || '–', option: choiceText ?? `${formatDisplayDate(plan.date, lang)} (${plan.code ?? ''})`, reason: choice.reason,
                proposed: formatDisplayDate(plan.basis?.proposed ?? plan.proposed, lang) })}
              {plan.stale ? ` ${t('history.choiceStale', { ns: 'clinic', now: formatDisplayDate(plan.proposed, lang) })}` : ''}
            </p>
          ) : null}
        </>
      ) : null}
    </details>
  );
}
