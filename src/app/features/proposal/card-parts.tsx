/**
 * The pieces every proposal card is built of, for both drugs: a labelled row, a value with its 80 %
 * interval, a scrollable table, the next-dose date with its weekday, the warnings, the disclaimer,
 * and the data-testid prefix of the print copy.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Issue } from '../../../core/types';
import type { PatientReport } from '../../../core/report/types';
import { useStrings } from './use-strings';
import { formatIso, formatNumber, formatPercent } from './format';
import { issueText } from '../../../i18n/sentences';
import { weekdayOf } from '../../../core/time';
import { appText } from '../../../i18n/app/text';
import { KeepWhole } from '../../components/KeepWhole';

export type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * Prefix of every data-testid in the card. The screen's card has none; a second copy on the
 * same page (the print report) gets one, so `[data-testid="next-dose"]` always finds exactly one.
 */
export const TestIdPrefix = createContext('');
export function useTid(): (name: string) => string {
  const prefix = useContext(TestIdPrefix);
  return (name) => `${prefix}${name}`;
}

export function Interval({ v, lang, unit, t }: { v: { value: number; low: number; high: number }; lang: string; unit: string; t: T }) {
  return (
    <>
      <strong>{formatNumber(v.value, lang)} {unit}</strong>{' '}
      <span className="proposal__range">({t('range80', { low: formatNumber(v.low, lang), high: formatNumber(v.high, lang) })})</span>
    </>
  );
}

export function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
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
export function NextDose({ iso, lang, extra }: { iso: string; lang: string; extra?: string }) {
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
          <span className="issue__severity">{t(`severity.${w.severity}`)}:</span> <KeepWhole text={issueText(w, lang)} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The next dose as planned had passed (the report's `late`): the card says so, and that the
 * proposal is the first possible day, from which every option counts.
 */
export function LateNote({ r, lang }: { r: PatientReport; lang: string }) {
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
export function Passed({ r, date }: { r: PatientReport; date: string }) {
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

/** One of the example patients shipped with the app: said on the card. */
export function ExampleNote() {
  const tid = useTid();
  const { t } = useStrings('walk');
  return <p className="proposal__example" role="note" data-testid={tid('example-note')}>{t('example.card')}</p>;
}

export function Disclaimer({ t }: { t: T }) {
  const tid = useTid();
  return <p className="proposal__disclaimer" data-testid={tid('disclaimer')}>{t('disclaimer')}</p>;
}

/** A signed number as the card shows a rate: `+3`, `-24`, `0`. */
export function signed(x: number, lang: string, digits: number): string {
  const f = 10 ** digits;
  const v = Math.round(x * f) / f;
  return v === 0 ? formatNumber(0, lang, digits) : `${v > 0 ? '+' : ''}${formatNumber(v, lang, digits)}`;
}

/** A weekday's name in the language (0 = Sunday, the core's `weekdayOf`) from the catalog (`app:weekday`), or 'any day' for none. */
export function weekdayName(d: number | null, lang: string, t: T): string {
  if (d === null) return t('settings.anyDay');
  return appText(lang)(`app:weekday.${d}`);
}

