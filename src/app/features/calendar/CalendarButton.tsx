/** Download the next infusion and lab date of one patient, as planned (the choice, or the proposal), as an .ics calendar file. */
import type { PatientReport } from '../../../core/report/types';
import { downloadText } from '../../lib/download';
import { todayIso } from '../../lib/dates';
import { isPast, plannedDose, type ChoiceLike } from '../../lib/plan';
import { useStrings } from '../proposal/use-strings';
import { formatIso } from '../proposal/format';
import { buildIcs, icsFileName } from './exportIcs';

export function CalendarButton({ report, choice = null, today }: { report: PatientReport; choice?: ChoiceLike | null; today?: string }) {
  const { t, lang } = useStrings('proposal');
  const plan = plannedDose(report, choice);
  const day = today ?? todayIso();
  const past = isPast(plan.date, day);
  return (
    <>
      <button type="button" className="calendar-button" data-testid="download-ics"
        onClick={() => downloadText(icsFileName(report), buildIcs(report, { dtstamp: new Date(), lang, planned: plan, today: day }), 'text/calendar;charset=utf-8')}>
        {t('ics.button')}
      </button>
      {past ? <span className="issue issue--warning" data-testid="ics-past"> {t('ics.pastNote', { date: formatIso(plan.date, lang) })}</span> : null}
    </>
  );
}

export default CalendarButton;
