/** The calibration of a launched patient's forecast in the SMART view (issue 17, item 3): English (namespace `smartcal`). */
const smartcalEn = {
  clinic: 'Forecast calibrated as in the clinic’s MS Interval in this browser: the clinic’s calibration stored here ({{troughs}} troughs of {{patients}} patients; numbers only, no patient data), with this patient’s own troughs from the record ({{own}} scored, held in this page only).',
  off: 'Forecast not calibrated: the published spread is used because calibration from the clinic’s troughs is switched off in the clinic’s settings in this browser (MS Interval, Track record).',
  noTroughs: 'Forecast not calibrated: the published spread is used because no trough of the clinic’s patients in this browser can be scored yet, as in the clinic’s MS Interval.',
  none: 'Forecast not calibrated: the published spread is used because this browser holds no calibration from the clinic’s troughs (the clinic’s MS Interval has not been used in this browser). The clinic’s app, calibrated on its patients’ troughs, may propose differently for this patient.',
  notCurrent: 'Forecast not calibrated: the published spread is used because the calibration stored in this browser is not that of the clinic’s current patients. Open MS Interval in this browser to compute it again, then launch again; until then the clinic’s app may propose differently for this patient.',
  cardNone: 'Forecast spread: the published model’s allowances (this browser holds no calibration from the clinic’s troughs).',
  cardNotCurrent: 'Forecast spread: the published model’s allowances (the calibration in this browser is not that of the clinic’s current patients).',
};
export default smartcalEn;
