/** The clinician's choice on the card: the option and its reason, and the dose as planned once chosen. */
import { useId, useState } from 'react';
import type { PatientReport } from '../../../core/report/types';
import { formatIso, formatNumber, formatPercent } from './format';
import { choiceLabel, choiceOptions, type Choice } from './choices';
import { optionProbability, plannedDose } from '../../lib/plan';
import { RiskNote, useTid, type T } from './card-parts';

export function ChoiceForm({ report, choice, onChoose, t, lang }: { report: PatientReport; choice: Choice | null | undefined; onChoose?: (c: Choice) => void; t: T; lang: string }) {
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
export function PlannedHeadline({ report, choice, t, lang }: { report: PatientReport; choice: Choice; t: T; lang: string }) {
  const tid = useTid();
  const plan = plannedDose(report, choice);
  if (!plan.chosen) return null;
  return (
    <p className={`proposal__planned${plan.stale ? ' proposal__planned--stale' : ''}`} data-testid={tid('planned-headline')}>
      {t('choice.planned')}{' '}
      <strong className="proposal__date" data-testid={tid('card-planned-dose')}>{plan.date}</strong>
      {lang === 'nl' ? <span className="proposal__date-form" data-testid={tid('card-planned-dose-nl')}>{` (${formatIso(plan.date, lang)})`}</span> : ''}
      {/* Right after the chosen date, which it is about: after the model's date it read as the model's. */}
      <RiskNote risk={plan.risk} lang={lang} testId="card-choice-risk" />
      {' · '}{t('choice.plannedBeside', { date: formatIso(plan.proposed, lang) })}
      {plan.stale ? <span className="issue issue--warning"> · {t('choice.review')}</span> : null}
    </p>
  );
}
