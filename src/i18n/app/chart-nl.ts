/** Nederlandse teksten van de grafiek (i18next-namespace `chart`). */
import type chartEn from './chart-en';
import type { Dutch } from './dutch';

const chartNl: Dutch<typeof chartEn> = {
  axis: {
    time: 'Datum',
    concentration: 'Natalizumab (µg/mL)',
    count: 'CD19+ B-cellen (cellen/µL)',
  },
  unit: { concentration: 'µg/mL', count: 'cellen/µL' },
  trend: {
    natalizumab: 'Trend dalspiegels (Theil–Sen), {{pct}} % per maand',
    falling: 'Trend dalspiegels (Theil–Sen), {{pct}} % per maand: dalend',
    ocrelizumab: 'Trend tellingen (Theil–Sen), {{rate}} per week in ln(telling + 1)',
    summary: 'Trend van {{count}} dalspiegels: {{pct}} % per maand (90 %-interval {{low}} tot {{high}}).',
    summaryFalling: 'Trend van {{count}} dalspiegels: {{pct}} % per maand (90 %-interval {{low}} tot {{high}}), duidelijk dalend.',
  },
  series: {
    history: 'Voorspelde concentratie',
    band: '80%-interval',
    bandProposed: '80%-interval (voorstel)',
    forecastProposed: 'Prognose, voorgesteld interval {{weeks}} weken',
    forecastAlt: 'Prognose, interval {{weeks}} weken',
    measured: 'Gemeten spiegel',
    counts: 'Gemeten telling',
    censored: 'Onder de meetgrens',
    capillary: 'Vingerprikspiegel (capillair)',
    capillaryCensored: 'Vingerprik, onder de meetgrens',
    doses: 'Infusie',
    fit: 'Voorspelde telling',
  },
  line: {
    target: 'Streefwaarde {{value}} µg/mL',
    threshold: 'Drempel {{value}} cellen/µL',
    asOf: 'Plandatum {{date}}',
    nextDose: 'Volgende gift {{date}}',
    crossing: 'Voorspelde overschrijding {{date}}',
    crossingBand: 'Overschrijding, 80%-interval',
    redose: 'Voorgestelde hergift {{date}}',
    nextCount: 'Volgende telling {{date}}',
    chosen: 'Gekozen gift {{date}}',
  },
  tooltip: {
    dose: 'Infusie {{amount}} mg ({{route}})',
    below: 'onder {{value}} {{unit}}',
  },
  scale: { log: 'Logaritmische schaal' },
  aria: {
    natalizumab: 'Grafiek van de natalizumabconcentratie van {{id}}',
    ocrelizumab: 'Grafiek van de CD19+ B-celtellingen van {{id}}',
  },
  summary: {
    natalizumab: 'Natalizumabconcentratie van {{id}}: {{levels}} gemeten spiegels ({{censored}} onder de meetgrens), streefwaarde {{target}} µg/mL. Voorgesteld interval {{weeks}} weken, volgende gift {{date}}; voorspelde dalspiegel op den duur {{trough}} µg/mL (80%-interval {{low}} tot {{high}}).',
    lastLevel: 'Laatste spiegel {{value}} µg/mL op {{date}}.',
    capillary_one: '{{count}} spiegel komt uit een vingerprik (capillair), getekend als ruit.',
    capillary_other: '{{count}} spiegels komen uit een vingerprik (capillair), getekend als ruiten.',
    chosen: 'De behandelaar koos de gift op {{date}}.',
    ocrelizumab: 'CD19+ B-celtellingen van {{id}}: {{counts}} tellingen ({{censored}} onder de meetgrens), drempel {{threshold}} cellen/µL. Voorspelde overschrijding {{crossing}} (80%-interval {{low}} tot {{high}}); voorgestelde hergift {{redose}}, volgende telling {{count}}.',
  },
  loading: 'Grafiek laden…',
};
export default chartNl;
