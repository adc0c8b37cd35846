/** English strings of the chart (i18next namespace `chart`). */
const chartEn = {
  axis: {
    time: 'Date',
    concentration: 'Natalizumab (µg/mL)',
    count: 'CD19+ B cells (cells/µL)',
  },
  unit: { concentration: 'µg/mL', count: 'cells/µL' },
  trend: {
    natalizumab: 'Trough trend (Theil–Sen), {{pct}} % per month',
    falling: 'Trough trend (Theil–Sen), {{pct}} % per month: falling',
    ocrelizumab: 'Count trend (Theil–Sen), {{rate}} per week in ln(count + 1)',
    summary: 'Trough trend over {{count}} troughs: {{pct}} % per month (90 % interval {{low}} to {{high}}).',
    summaryFalling: 'Trough trend over {{count}} troughs: {{pct}} % per month (90 % interval {{low}} to {{high}}), clearly falling.',
  },
  series: {
    history: 'Predicted concentration',
    band: '80 % interval',
    bandProposed: '80 % interval (proposed)',
    forecastProposed: 'Forecast, proposed {{weeks}}-week interval',
    forecastAlt: 'Forecast, {{weeks}}-week interval',
    measured: 'Measured level',
    counts: 'Measured count',
    censored: 'Below lab limit',
    capillary: 'Finger-prick level (capillary)',
    capillaryCensored: 'Finger-prick, below lab limit',
    doses: 'Infusion',
    fit: 'Predicted count',
  },
  line: {
    target: 'Target {{value}} µg/mL',
    threshold: 'Threshold {{value}} cells/µL',
    asOf: 'Plan day {{date}}',
    nextDose: 'Next dose {{date}}',
    crossing: 'Predicted crossing {{date}}',
    crossingBand: 'Crossing, 80 % interval',
    redose: 'Proposed re-dose {{date}}',
    nextCount: 'Next count {{date}}',
    chosen: 'Chosen dose {{date}}',
  },
  tooltip: {
    dose: 'Infusion {{amount}} mg ({{route}})',
    below: 'below {{value}} {{unit}}',
  },
  scale: { log: 'Logarithmic scale' },
  aria: {
    natalizumab: 'Chart of natalizumab concentration for {{id}}',
    ocrelizumab: 'Chart of CD19+ B-cell counts for {{id}}',
  },
  summary: {
    natalizumab: 'Natalizumab concentration for {{id}}: {{levels}} measured levels ({{censored}} below the lab limit), target {{target}} µg/mL. Proposed interval {{weeks}} weeks, next dose {{date}}; predicted steady-state trough {{trough}} µg/mL (80 % interval {{low}} to {{high}}).',
    lastLevel: 'Last level {{value}} µg/mL on {{date}}.',
    capillary_one: '{{count}} level is a finger-prick (capillary) sample, drawn as a diamond.',
    capillary_other: '{{count}} levels are finger-prick (capillary) samples, drawn as diamonds.',
    chosen: 'The clinician chose the dose on {{date}}.',
    ocrelizumab: 'CD19+ B-cell counts for {{id}}: {{counts}} counts ({{censored}} below the lab limit), threshold {{threshold}} cells/µL. Predicted crossing {{crossing}} (80 % interval {{low}} to {{high}}); proposed re-dose {{redose}}, next count {{count}}.',
  },
  loading: 'Loading chart…',
};
export default chartEn;
export type ChartStrings = typeof chartEn;
