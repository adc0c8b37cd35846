/**
 * Every sentence code the natalizumab engine can put in a report: warnings (`code`, or
 * `code.variant`), the proposal's reason parts and the PDNMS protocol's name and rationale. The
 * app has an English and a Dutch template for each (src/app/i18n/engine-*.ts); a test keeps the
 * three in step.
 */
export const NATALIZUMAB_TEXT_CODES: readonly string[] = [
  'no-weight', 'weight-out-of-range', 'sc-extrapolation', 'max-interval-beyond-8', 'fit-not-converged',
  'steady-state-not-converged', 'population-prediction', 'dose-overdue',
  'antibodies-suspected.level', 'antibodies-suspected.censored', 'low-trough-q4w', 'censored-level', 'level-unexplained',
  'nat-reason.antibodies', 'nat-reason.not-converged', 'nat-reason.population', 'nat-reason.unsupported',
  'nat-reason.next-unsupported', 'nat-reason.extended', 'nat-reason.extended-monitored', 'nat-reason.next-unsupported-monitored', 'nat-reason.unexplained', 'nat-reason.gap',
  'trough-trend-falling.crossing', 'trough-trend-falling.plain', 'nat-reason.trend-falling', 'wearing-off-above-target', 'below-target-at-4-weeks.sc', 'below-target-at-4-weeks.iv',
  'nat-reason.weight', 'nat-reason.censored-only', 'levels-all-censored', 'no-dose-before-as-of', 'work-budget', 'track-stopped', 'rows-refused', 'no-usable-rows',
  'pdnms.name', 'pdnms.overdue', 'pdnms.none', 'pdnms.below-shorten', 'pdnms.below-stay', 'pdnms.above-extend', 'pdnms.above-stay', 'pdnms.between',
];
