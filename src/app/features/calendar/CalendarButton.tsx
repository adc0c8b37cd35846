/** Download the next infusion and lab date of one patient as an .ics calendar file. */
import type { PatientReport } from '../../../core/report/types';
import { downloadText } from '../../lib/download';
import { useStrings } from '../proposal/use-strings';
import { buildIcs, icsFileName } from './exportIcs';

export function CalendarButton({ report }: { report: PatientReport }) {
  const { t, lang } = useStrings('proposal');
  return (
    <button type="button" className="calendar-button" data-testid="ics-download"
      onClick={() => downloadText(icsFileName(report), buildIcs(report, { dtstamp: new Date(), lang }), 'text/calendar;charset=utf-8')}>
      {t('ics.button')}
    </button>
  );
}

export default CalendarButton;
