/**
 * Every sentence code the ocrelizumab engine can put in a report: warnings (`code`, or
 * `code.variant`), the proposal's reason parts, the BLOOMS-style rule's name and rationale, and
 * the words passed as `term` parameters. The app has an English and a Dutch template for each
 * (src/app/i18n/engine-*.ts); a test keeps the three in step.
 */
export const OCRELIZUMAB_TEXT_CODES: readonly string[] = [
  'ocr-invalid-option.value', 'ocr-invalid-option.window', 'ocr-unusual-dose.single-300', 'ocr-unusual-dose.other',
  'ocr-pretreatment-count-unusable', 'ocr-possible-non-depleter', 'ocr-threshold-above-plateau', 'ocr-count-before-depletion',
  'ocr-count-above-model-range.patient', 'ocr-count-above-model-range.model',
  'ocr-no-count-this-cycle.previous', 'ocr-no-count-this-cycle.population', 'ocr-outside-model-range',
  'ocr-before-minimum-interval', 'ocr-crossing-beyond-maximum.capped', 'ocr-crossing-beyond-maximum.horizon',
  'ocr-redose-due', 'ocr-redose-due-before-minimum',
  'bcell-trend-disagrees',
  'ocr-reason.due', 'ocr-reason.due-before-minimum', 'ocr-reason.crossing-current', 'ocr-reason.crossing-current-previous',
  'ocr-reason.crossing-previous', 'ocr-reason.crossing-population', 'ocr-reason.redose-quantile', 'ocr-reason.redose-maximum',
  'ocr-reason.redose-minimum', 'ocr-reason.redose-now-past-maximum', 'ocr-reason.redose-now-passed', 'ocr-reason.next-count', 'ocr-reason.next-count-next-cycle', 'ocr-past-maximum',
  'blooms.name', 'blooms.due', 'blooms.due-minimum', 'blooms.past-maximum', 'blooms.below', 'blooms.no-count', 'blooms.next',
  'terms.cycle-this', 'terms.cycle-previous', 'terms.count-above-0', 'terms.limit-above-0', 'terms.weeks-0-104',
  'terms.weeks-1-156-above-minimum', 'terms.probability-0-1', 'terms.weeks-0-26', 'terms.weeks-1-26',
];
