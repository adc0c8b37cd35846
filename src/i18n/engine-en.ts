/**
 * English templates of the engines' own sentences (namespace `engine` of the one catalog,
 * src/i18n/catalog.ts, rendered by i18next): warnings by their Issue code (`code.variant` when a
 * code has several sentences), the proposal's reason and the protocol's name and rationale by the
 * codes the engines put in the report. `{{name}}` is a parameter (a date or number shown in the
 * language's form), `{{name, term}}` a parameter whose value is a key of `terms`. Rendered with the
 * engine's params, every template gives the engine's English text exactly (test/i18n/catalog.test.ts).
 */
const engineEn = {
  // ------------------------------------------------------------------ natalizumab warnings
  'no-weight': 'no weight given: 70 kg assumed',
  'weight-out-of-range': 'weight {{kg}} kg on {{date}} is outside {{min}}–{{max}} kg, the range the model was built on: predictions are extrapolated',
  'sc-extrapolation': 'subcutaneous doses: the model was built on IV data, and how much of an SC dose reaches the blood is uncertain (bioavailability 57–71 % in DELIVER, about 84 % on the label; SC troughs about 0.76× IV in a 2024 cohort): the forecast carries bioavailability (median 70 %) and absorption rate as uncertain, so its interval is wider; troughs after SC doses narrow it',
  'max-interval-beyond-8': 'intervals up to {{weeks}} weeks considered: beyond 8 weeks there are no trial data (PDNMS and NEXT-MS stopped at 8)',
  'fit-not-converged': 'the individual fit did not converge ({{iterations}} iterations): the standard {{weeks}}-week interval is kept',
  'steady-state-not-converged': 'a steady-state trough did not settle numerically: its value is approximate',
  'population-prediction': 'no drug level measured yet: a-priori (population) prediction from body weight only; measure two troughs on 4-weekly dosing before extending',
  'dose-overdue': 'the dose is overdue: {{weeks}} weeks after the last dose ({{lastDose}}) was {{due}}, before {{asOf}}; give it as soon as possible and re-plan from that infusion',
  'antibodies-suspected': {
    level: 'trough of {{date}} is {{level}} µg/mL on 4-weekly dosing: anti-drug antibodies or missed doses? Keep 4-weekly dosing and test for antibodies to natalizumab',
    censored: "trough of {{date}} is below {{limit}} µg/mL (under the lab's limit) on 4-weekly dosing: anti-drug antibodies or missed doses? Keep 4-weekly dosing and test for antibodies to natalizumab",
  },
  'low-trough-q4w': 'trough of {{date}} is {{level}} µg/mL on 4-weekly dosing, lower than in almost all patients: late or missed doses, or anti-drug antibodies? Consider an antibody test before any extension',
  'censored-level': 'level of {{date}} was reported below {{limit}} µg/mL: used as "below the limit" (censored), not as a number',
  'levels-all-censored': 'every level is reported only as below the lab\'s limit: that does not show the trough is high enough to extend; measure a trough the lab quantifies',
  'level-unexplained': 'the model cannot explain the level of {{date}} ({{lt}}{{observed}} µg/mL, predicted {{predicted}}): check the sample time, the dose history and the unit',
  'trough-trend-falling': {
    crossing: 'the {{n}} troughs at a stable {{weeks}}-week interval from {{from}} to {{to}} are falling: {{pct}} % per month (90 % interval {{low}} to {{high}}; Theil–Sen, model-free); the fitted trend crosses {{target}} µg/mL in {{month, month}}: anti-drug antibodies, weight gain or a change in clearance? No extension; test for antibodies and measure the next trough',
    plain: 'the {{n}} troughs at a stable {{weeks}}-week interval from {{from}} to {{to}} are falling: {{pct}} % per month (90 % interval {{low}} to {{high}}; Theil–Sen, model-free): anti-drug antibodies, weight gain or a change in clearance? No extension; test for antibodies and measure the next trough',
  },
  'wearing-off-above-target': 'wearing-off reported at predicted concentrations above the target: {{value}} µg/mL (80 % interval {{low}}–{{high}}) at the latest onset on {{date}}; the patient\'s own floor (median of {{n}} onsets) is {{floor}} µg/mL against a target of {{target}} µg/mL. That floor can be chosen as a personal target for this patient, with a reason; the proposal keeps the target',
  'below-target-at-4-weeks': {
    sc: 'at the standard {{weeks}}-week interval the trough is predicted at {{trough}} µg/mL (80 % interval {{low}}–{{high}}), with only {{probability}} probability of reaching {{target}} µg/mL: no interval reaches the target. Consider IV instead of SC, an antibody test if the trough is very low, or the target itself',
    iv: 'at the standard {{weeks}}-week interval the trough is predicted at {{trough}} µg/mL (80 % interval {{low}}–{{high}}), with only {{probability}} probability of reaching {{target}} µg/mL: no interval reaches the target. Consider an antibody test if the trough is very low, whether doses were given on time and the troughs drawn just before them, or the target itself',
  },
  // ------------------------------------------------------------------ natalizumab reason
  'nat-reason': {
    antibodies: 'kept at {{weeks}} weeks: a very low trough on 4-weekly dosing suggests anti-drug antibodies or missed doses; test for antibodies before any extension',
    'not-converged': 'kept at {{weeks}} weeks: the individual fit did not converge',
    population: 'kept at {{weeks}} weeks: no drug level measured yet, so the interval is not extended on an a-priori (population) prediction; measure two troughs on {{weeks}}-weekly dosing',
    unsupported: 'kept at {{weeks}} weeks: the data do not support an extension (even at {{weeks}} weeks the trough is not predicted ≥ {{target}} µg/mL with {{pct}} % probability)',
    'next-unsupported': 'kept at {{weeks}} weeks: the data do not support an extension (at {{next}} weeks the trough is not predicted ≥ {{target}} µg/mL with {{pct}} % probability)',
    extended: '{{weeks}} weeks is the longest interval whose steady-state trough and next trough are both predicted ≥ {{target}} µg/mL with at least {{pct}} % probability',
    'extended-monitored': '{{weeks}} weeks is the longest interval whose next trough is predicted ≥ {{target}} µg/mL with at least {{nextPct}} % probability and its steady-state trough with at least {{ssPct}} %: troughs were measured before each of the last {{count}} infusions and agree with the model, so every interval is checked by its own trough; measure the next one',
    'next-unsupported-monitored': 'kept at {{weeks}} weeks: at {{next}} weeks the next trough is not predicted ≥ {{target}} µg/mL with {{nextPct}} % probability, or its steady-state trough with {{ssPct}} % (troughs were measured before each of the last {{count}} infusions and agree with the model, so every interval is checked by its own trough)',
    unexplained: 'kept at {{weeks}} weeks: the model cannot explain a measured level; check the sample time, the dose history and the unit before any extension',
    'trend-falling': 'kept at {{weeks}} weeks: the troughs at a stable {{interval}}-week interval are falling ({{pct}} % per month, model-free trend); no extension until the cause is known (anti-drug antibodies, weight gain, a change in clearance)',
    'censored-only': 'kept at {{weeks}} weeks: every level is reported only as below the lab\'s limit, which does not show the trough is high enough to extend; measure a trough the lab quantifies',
    weight: 'kept at {{weeks}} weeks: a weight of {{kg}} kg cannot be right (outside {{min}}–{{max}} kg); check it before any extension',
    gap: 'kept at {{weeks}} weeks: the dose is overdue ({{gap}} weeks since the last dose); give it now, continue {{weeks}}-weekly and re-plan from the next trough',
  },
  // ------------------------------------------------------------------ PDNMS protocol
  pdnms: {
    overdue: 'the dose is overdue: give it now and restart at {{weeks}} weeks',
    name: 'PDNMS (trough > 15 µg/mL: +1 week, max 8)',
    none: 'no trough measured: keep the current {{weeks}}-week interval',
    'below-shorten': 'latest trough {{lt}}{{trough}} µg/mL is below 10: shorten by one week to {{weeks}}',
    'below-stay': 'latest trough {{lt}}{{trough}} µg/mL is below 10: stay at 4 weeks',
    'above-extend': 'latest trough {{trough}} µg/mL is above 15: extend by one week to {{weeks}}',
    'above-stay': 'latest trough {{trough}} µg/mL is above 15: stay at the 8-week maximum',
    between: 'latest trough {{trough}} µg/mL is between 10 and 15: keep {{weeks}} weeks',
  },
  // ------------------------------------------------------------------ ocrelizumab warnings
  'ocr-invalid-option': {
    value: 'option {{key}} = {{value}} is not usable (accepted: {{accepted, term}}); the default {{default}} was used',
    window: 'option maxWeeks = {{max}} is not above minWeeks = {{min}}; the defaults {{defaultMin}} and {{defaultMax}} were used',
  },
  'ocr-unusual-dose': {
    'single-300': 'a single 300 mg dose on {{date}} (without a second 300 mg within {{weeks}} weeks): the model assumes 600 mg (or the 2 × 300 mg start); the forecast may not apply',
    other: 'a dose of {{mg}} mg on {{date}}: the model assumes 600 mg (or the 2 × 300 mg start); the forecast may not apply',
  },
  'ocr-pretreatment-count-unusable': "pre-treatment CD19+ count {{count}} cells/µL on {{date}} is too low to serve as the plateau (needs at least {{floor}}); the model's {{bmax}} cells/µL was used",
  'ocr-possible-non-depleter': 'CD19+ count {{count}} cells/µL on {{date}}, {{weeks}} weeks after the infusion of {{infusion}} ({{which, term}} cycle), is at or above the threshold {{threshold}} cells/µL with no lower count since that infusion: possible non-depleter (B cells not depleted); check the count and the infusion, the forecast assumes depletion',
  'ocr-threshold-above-plateau': 'threshold {{threshold}} cells/µL is not below the highest count the model allows ({{bmax}} cells/µL): the model never reaches it; the proposal falls back to the maximum interval',
  'ocr-count-before-depletion': 'CD19+ count {{count}} cells/µL on {{date}} was taken within {{weeks}} weeks of the infusion ({{which, term}} cycle), before depletion is complete: not used in the forecast',
  'ocr-count-above-model-range': {
    patient: "CD19+ count {{count}} cells/µL on {{date}} is above the highest count the model allows for this patient ({{bmax}} cells/µL, the pre-treatment count): the model does not describe it; the forecast is not reliable",
    model: "CD19+ count {{count}} cells/µL on {{date}} is above the highest count the model allows ({{bmax}} cells/µL): the model does not describe it; the forecast is not reliable",
  },
  'ocr-no-count-this-cycle': {
    previous: "no CD19+ count since the infusion of {{date}}: the forecast rests on the previous cycle's {{n}} count(s) and the population prior",
    population: 'no CD19+ count since the infusion of {{date}} and none from a previous cycle: the forecast is the population prior (typical patient)',
  },
  'ocr-outside-model-range': 'the counts are at the edge of what the model allows (B cells back at 10 cells/µL between week {{tLow}} and {{tHigh}} after the dose, growth {{rLow}}–{{rHigh}} per week): the forecast is extrapolated; check the counts',
  'bcell-trend-disagrees': 'the {{n}} CD19+ counts of this cycle from {{from}} to {{to}} grow {{rate}} per week in ln(count + 1) (model-free, Theil–Sen; 90 % interval {{low}} to {{high}}), the fitted curve {{fitted}} per week over the same weeks: the logistic fit does not follow these counts; check them and count again before relying on the forecast',
  'ocr-before-minimum-interval': 'only {{weeks}} weeks since the last infusion ({{date}}): re-dosing is not advised before {{min}} weeks (5 months, label); the earliest date is {{earliest}}',
  'ocr-crossing-beyond-maximum': {
    capped: 'predicted crossing of {{threshold}} cells/µL at week {{week}} is beyond the maximum interval of {{max}} weeks: the proposal is capped at week {{capped}}; the model is not validated that far, recount before deciding',
    horizon: 'the 80 % interval of the crossing reaches beyond {{horizon}} weeks: the upper bound is shown at the horizon, not extrapolated',
  },
  'ocr-redose-due': 'latest count {{count}} cells/µL on {{date}} is at or above the threshold {{threshold}} cells/µL: re-dosing is due now ({{asOf}})',
  'ocr-redose-due-before-minimum': 'latest count {{count}} cells/µL on {{date}} is at or above the threshold {{threshold}} cells/µL, {{weeks}} weeks after the infusion: re-dosing is due but not advised before 5 months; proposed at the minimum, {{nextDose}} (week {{min}})',
  // ------------------------------------------------------------------ ocrelizumab reason
  'ocr-past-maximum': '{{weeks}} weeks since the last infusion ({{date}}), past the maximum interval of {{max}} weeks: re-dosing is overdue; the forecast is extrapolated beyond the data, count now',
  'ocr-reason': {
    due: 'latest count {{count}} cells/µL on {{date}} is at or above the threshold {{threshold}} cells/µL: re-dosing is due now',
    'due-before-minimum': 'latest count {{count}} cells/µL on {{date}} is at or above the threshold {{threshold}} cells/µL, but only {{weeks}} weeks have passed: re-dose at the 5-month minimum, week {{min}} ({{nextDose}})',
    'crossing-current': 'predicted crossing of {{threshold}} cells/µL at week {{week}} (80 % interval {{low}}–{{high}}), from {{n}} count(s) of this cycle',
    'crossing-current-previous': 'predicted crossing of {{threshold}} cells/µL at week {{week}} (80 % interval {{low}}–{{high}}), from {{n}} count(s) of this cycle and {{previous}} of the previous',
    'crossing-previous': "predicted crossing of {{threshold}} cells/µL at week {{week}} (80 % interval {{low}}–{{high}}), from the previous cycle's {{previous}} count(s)",
    'crossing-population': 'predicted crossing of {{threshold}} cells/µL at week {{week}} (80 % interval {{low}}–{{high}}), from the population prior',
    'redose-quantile': 're-dose at week {{redoseWeek}} (the last whole week on or before the {{percentile}}th percentile of the crossing)',
    'redose-maximum': 're-dose at week {{redoseWeek}}, the maximum interval (the crossing is predicted later)',
    'redose-minimum': 're-dose at week {{redoseWeek}}, the 5-month minimum (the crossing is predicted earlier)',
    'redose-now-past-maximum': 're-dose now, at week {{redoseWeek}} (the first whole week not before today, past the maximum interval)',
    'redose-now-passed': 're-dose now, at week {{redoseWeek}} (the first whole week not before today: the crossing has probably passed)',
    'next-count': 'next CD19+ count at week {{countWeek}} ({{countDate}})',
    'next-count-next-cycle': 'next CD19+ count at week {{first}} after the re-dose ({{countDate}})',
  },
  // ------------------------------------------------------------------ BLOOMS-style protocol
  blooms: {
    name: 'BLOOMS-style: count from week {{first}}, every {{every}} weeks; re-dose at the first count ≥ {{threshold}} cells/µL',
    due: 'count {{count}} cells/µL on {{date}} is at or above {{threshold}} cells/µL: re-dose now; first count of the next cycle at week {{first}} after it',
    'due-minimum': 'count {{count}} cells/µL on {{date}} is at or above {{threshold}} cells/µL: re-dose now (at the 5-month minimum, {{doseDate}}); first count of the next cycle at week {{first}} after it',
    'past-maximum': 'no count at or above {{threshold}} cells/µL yet and the next scheduled count (week {{week}}) is past the maximum interval of {{max}} weeks: re-dose at week {{max}} ({{doseDate}})',
    below: 'latest count {{count}} cells/µL on {{date}} is below {{threshold}} cells/µL: postpone re-dosing',
    'no-count': 'no count yet in this cycle: do not re-dose yet',
    next: 'next count at week {{week}} ({{nextCount}})',
  },
  // ------------------------------------------------------------------ a patient that cannot be planned (src/core/engine.ts)
  // i18next plurals by `count` (English keeps the CLI's one wording for both)
  'rows-refused_one': '{{count}} row(s) could not be used: {{rows}}',
  'rows-refused_other': '{{count}} row(s) could not be used: {{rows}}',
  'no-dose-before-as-of': 'no {{drug}} dose on or before the as-of date: nothing to plan from',
  'no-usable-rows': 'no usable rows',
  'work-budget': 'the computation was stopped after {{steps}} integrator steps: the record is far outside what the model describes; check the levels, their units and times, the doses and the weights',
  // a patient's track record that could not be scored (src/core/natalizumab/clinic-track.ts)
  'track-stopped': 'the computation was stopped after {{steps}} integrator steps',
  // ------------------------------------------------------------------ words used as parameters
  terms: {
    'cycle-this': 'this',
    'cycle-previous': 'the previous',
    'count-above-0': 'a count above 0 cells/µL',
    'limit-above-0': 'a limit above 0 cells/µL',
    'weeks-0-104': '0–104 weeks',
    'weeks-1-156-above-minimum': '1–156 weeks, above the minimum',
    'probability-0-1': 'a probability strictly between 0 and 1',
    'weeks-0-26': '0–26 weeks',
    'weeks-1-26': '1–26 weeks',
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every language's engine templates must have. */
export type EngineStrings = Shape<typeof engineEn>;

export default engineEn;
