/**
 * The proposal card: what to do next for one patient, how sure the model is, what the rule-based
 * protocol says, every warning, the model and the settings behind it, and the clinician's choice.
 * The drug's own part is NatalizumabCard.tsx or OcrelizumabCard.tsx; the shared pieces card-parts.tsx.
 */
import { useId } from 'react';
import type { PatientError, PatientReport } from '../../../core/report/types';
import type { EngineSettings } from '../../../core/engine';
import { formatIso, formatNumber } from './format';
import { useStrings } from './use-strings';
import type { Choice } from './choices';
import { engineText, errorText } from '../../../i18n/sentences';
import type { Issue } from '../../../core/types';
import { refusedListedAbove } from './listed-above';
import { Disclaimer, ExampleNote, TestIdPrefix, Warnings, useTid } from './card-parts';

export { RiskNote } from './card-parts';
import { NatalizumabBody } from './NatalizumabCard';
import { OcrelizumabBody } from './OcrelizumabCard';
import { ModelDetails, SettingsList } from './card-details';
import { ChoiceForm, PlannedHeadline } from './ChoiceForm';
import './proposal.css';

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
  /** Refused rows the page lists above the card (with what to do): a card with no proposal refers to them instead of repeating them. */
  listedAbove?: readonly Issue[];
}

export function isPatientError(r: PatientReport | PatientError): r is PatientError {
  return 'error' in r;
}

export function ProposalCard(props: ProposalCardProps) {
  return <TestIdPrefix.Provider value={props.testIdPrefix ?? ''}><Card {...props} /></TestIdPrefix.Provider>;
}

function Card({ report, settings, choice, onChoose, expandDetails = false, compact = false, example = false, listedAbove }: ProposalCardProps) {
  const tid = useTid();
  const uid = useId();
  const { t, lang } = useStrings('proposal');
  const t2 = useStrings('walk2').t;
  if (isPatientError(report)) {
    const target = settings.natalizumab.target;
    // Each refused row said once: in the list above the card, which also says what to do.
    const above = refusedListedAbove(report, listedAbove);
    const issues = above ? above.rest : report.issues;
    return (
      <section className="proposal proposal--error" data-testid={tid('proposal')} aria-labelledby={`${uid}-error-heading`}>
        <h2 id={`${uid}-error-heading`}>{t('error.heading', { id: report.patientId })}</h2>
        {example ? <ExampleNote /> : null}
        <p className="issue issue--error" data-testid={tid('error-message')}><span className="issue__severity">{t('severity.error')}:</span> {above
          ? engineText('rows-refused', { count: above.count, rows: t2('refused.above', { count: above.count }) }, errorText(report, lang), lang) : errorText(report, lang)}</p>
        {issues.length > 0 && <Warnings issues={issues} t={t} lang={lang} />}
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
