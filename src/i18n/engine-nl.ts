/**
 * Nederlandse sjablonen van de zinnen van de rekenmodellen (namespace `engine`); zelfde sleutels
 * en parameters als engine-en.ts. Datums worden dd-mm-jjjj en getallen krijgen een decimale komma
 * bij het invullen (src/i18n/catalog.ts).
 */
import type { EngineStrings } from './engine-en';

const engineNl: EngineStrings = {
  // ------------------------------------------------------------------ natalizumab: waarschuwingen
  'no-weight': 'geen gewicht opgegeven: 70 kg aangenomen',
  'weight-out-of-range': 'gewicht {{kg}} kg op {{date}} ligt buiten {{min}}–{{max}} kg, het bereik waarop het model is gebouwd: de voorspellingen zijn een extrapolatie',
  'sc-extrapolation': 'subcutane giften: het model is gebouwd op IV-gegevens, en hoeveel van een SC-gift in het bloed komt is onzeker (biologische beschikbaarheid 57–71 % in DELIVER, ongeveer 84 % volgens de bijsluiter; SC-dalspiegels ongeveer 0,76× IV in een cohort uit 2024): de voorspelling rekent met een onzekere biologische beschikbaarheid (mediaan 70 %) en opnamesnelheid, dus het interval is breder; dalspiegels na SC-giften maken het smaller',
  'max-interval-beyond-8': 'intervallen tot {{weeks}} weken meegenomen: boven 8 weken zijn er geen studiegegevens (PDNMS en NEXT-MS stopten bij 8)',
  'fit-not-converged': 'de berekening voor deze patiënt is niet goed uitgekomen (na {{iterations}} rekenstappen): het standaardinterval van {{weeks}} weken blijft',
  'steady-state-not-converged': 'een dalspiegel op den duur kwam in de berekening niet helemaal tot rust: de waarde is bij benadering',
  'population-prediction': 'nog geen spiegel gemeten: voorspelling voor een gemiddelde patiënt van dit lichaamsgewicht; meet twee dalspiegels bij 4-wekelijkse giften voordat u verlengt',
  'dose-overdue': 'de gift is te laat: {{weeks}} weken na de laatste gift ({{lastDose}}) was {{due}}, vóór {{asOf}}; geef hem zo snel mogelijk en plan opnieuw vanaf die infusie',
  'antibodies-suspected': {
    level: 'dalspiegel van {{date}} is {{level}} µg/mL bij 4-wekelijkse giften: antistoffen tegen het middel of gemiste giften? Houd 4-wekelijkse giften aan en test op antistoffen tegen natalizumab',
    censored: 'dalspiegel van {{date}} is lager dan {{limit}} µg/mL (onder de meetgrens van het lab) bij 4-wekelijkse giften: antistoffen tegen het middel of gemiste giften? Houd 4-wekelijkse giften aan en test op antistoffen tegen natalizumab',
  },
  'low-trough-q4w': 'dalspiegel van {{date}} is {{level}} µg/mL bij 4-wekelijkse giften, lager dan bij bijna alle patiënten: te late of gemiste giften, of antistoffen tegen het middel? Overweeg een antistoftest voordat u verlengt',
  'censored-level': 'spiegel van {{date}} is gerapporteerd als lager dan {{limit}} µg/mL: gebruikt als "onder de meetgrens" (gecensureerd), niet als getal',
  'levels-all-censored': 'elke spiegel is alleen gerapporteerd als lager dan de meetgrens van het lab: dat laat niet zien dat de dalspiegel hoog genoeg is om te verlengen; meet een dalspiegel die het lab als getal rapporteert',
  'level-unexplained': 'het model kan de spiegel van {{date}} niet verklaren ({{lt}}{{observed}} µg/mL, voorspeld {{predicted}}): controleer het afnametijdstip, de giftengeschiedenis en de eenheid',
  'trough-trend-falling': {
    crossing: 'de {{n}} dalspiegels bij een stabiel interval van {{weeks}} weken van {{from}} tot {{to}} dalen: {{pct}} % per maand (90 %-interval {{low}} tot {{high}}; Theil–Sen, zonder model); de trendlijn kruist {{target}} µg/mL in {{month, month}}: antistoffen tegen het middel, gewichtstoename of een veranderde klaring? Niet verlengen; test op antistoffen en meet de volgende dalspiegel',
    plain: 'de {{n}} dalspiegels bij een stabiel interval van {{weeks}} weken van {{from}} tot {{to}} dalen: {{pct}} % per maand (90 %-interval {{low}} tot {{high}}; Theil–Sen, zonder model): antistoffen tegen het middel, gewichtstoename of een veranderde klaring? Niet verlengen; test op antistoffen en meet de volgende dalspiegel',
  },
  'wearing-off-above-target': 'wearing-off gemeld bij voorspelde concentraties boven de streefwaarde: {{value}} µg/mL (80 %-interval {{low}}–{{high}}) bij het laatste begin op {{date}}; de eigen ondergrens van de patiënt (mediaan van {{n}} meldingen) is {{floor}} µg/mL tegenover een streefwaarde van {{target}} µg/mL. Die ondergrens kan met een reden als persoonlijke streefwaarde voor deze patiënt gekozen worden; het voorstel houdt de streefwaarde aan',
  'below-target-at-4-weeks': {
    sc: 'bij het standaardinterval van {{weeks}} weken wordt de dalspiegel voorspeld op {{trough}} µg/mL (80%-interval {{low}}–{{high}}), met slechts {{probability}} kans om {{target}} µg/mL te halen: geen enkel interval haalt het doel. Overweeg IV in plaats van SC, een antistoftest als de dalspiegel zeer laag is, of het doel zelf',
    iv: 'bij het standaardinterval van {{weeks}} weken wordt de dalspiegel voorspeld op {{trough}} µg/mL (80%-interval {{low}}–{{high}}), met slechts {{probability}} kans om {{target}} µg/mL te halen: geen enkel interval haalt het doel. Overweeg een antistoftest als de dalspiegel zeer laag is, of de giften op tijd zijn gegeven en de dalspiegels vlak ervóór zijn afgenomen, of het doel zelf',
  },
  // ------------------------------------------------------------------ natalizumab: reden
  'nat-reason': {
    antibodies: 'gehandhaafd op {{weeks}} weken: een zeer lage dalspiegel bij 4-wekelijkse giften wijst op antistoffen tegen het middel of gemiste giften; test op antistoffen voordat u verlengt',
    'not-converged': 'gehandhaafd op {{weeks}} weken: de berekening voor deze patiënt is niet goed uitgekomen',
    population: 'gehandhaafd op {{weeks}} weken: nog geen spiegel gemeten, dus het interval wordt niet verlengd op basis van een voorspelling voor een gemiddelde patiënt; meet twee dalspiegels bij giften om de {{weeks}} weken',
    unsupported: 'gehandhaafd op {{weeks}} weken: de gegevens ondersteunen geen verlenging (zelfs bij {{weeks}} weken is de dalspiegel niet met {{pct}} % kans voorspeld ≥ {{target}} µg/mL)',
    'next-unsupported': 'gehandhaafd op {{weeks}} weken: de gegevens ondersteunen geen verlenging (bij {{next}} weken is de dalspiegel niet met {{pct}} % kans voorspeld ≥ {{target}} µg/mL)',
    extended: '{{weeks}} weken is het langste interval waarbij zowel de dalspiegel op den duur als de volgende dalspiegel met ten minste {{pct}} % kans voorspeld is ≥ {{target}} µg/mL',
    'extended-monitored': '{{weeks}} weken is het langste interval waarbij de volgende dalspiegel met ten minste {{nextPct}} % kans voorspeld is ≥ {{target}} µg/mL en de dalspiegel op den duur met ten minste {{ssPct}} %: vóór elk van de laatste {{count}} giften is een dalspiegel gemeten en die passen bij het model, dus elk interval wordt door zijn eigen dalspiegel gecontroleerd; meet de volgende',
    'next-unsupported-monitored': 'gehandhaafd op {{weeks}} weken: bij {{next}} weken is de volgende dalspiegel niet met {{nextPct}} % kans voorspeld ≥ {{target}} µg/mL, of de dalspiegel op den duur niet met {{ssPct}} % (vóór elk van de laatste {{count}} giften is een dalspiegel gemeten en die passen bij het model, dus elk interval wordt door zijn eigen dalspiegel gecontroleerd)',
    unexplained: 'gehandhaafd op {{weeks}} weken: het model kan een gemeten spiegel niet verklaren; controleer het afnametijdstip, de giftengeschiedenis en de eenheid voordat u verlengt',
    'trend-falling': 'gehandhaafd op {{weeks}} weken: de dalspiegels bij een stabiel interval van {{interval}} weken dalen ({{pct}} % per maand, trend zonder model); niet verlengen zolang de oorzaak onbekend is (antistoffen tegen het middel, gewichtstoename, een veranderde klaring)',
    'censored-only': 'gehandhaafd op {{weeks}} weken: elke spiegel is alleen gerapporteerd als lager dan de meetgrens van het lab, wat niet laat zien dat de dalspiegel hoog genoeg is om te verlengen; meet een dalspiegel die het lab als getal rapporteert',
    weight: 'gehandhaafd op {{weeks}} weken: een gewicht van {{kg}} kg kan niet kloppen (buiten {{min}}–{{max}} kg); controleer het voordat u verlengt',
    gap: 'gehandhaafd op {{weeks}} weken: de gift is te laat ({{gap}} weken sinds de laatste gift); geef hem nu, ga {{weeks}}-wekelijks verder en plan opnieuw vanaf de volgende dalspiegel',
  },
  // ------------------------------------------------------------------ PDNMS-protocol
  pdnms: {
    overdue: 'de gift is te laat: geef hem nu en herstart met {{weeks}} weken',
    name: 'PDNMS (dalspiegel > 15 µg/mL: +1 week, max. 8)',
    none: 'geen dalspiegel gemeten: houd het huidige interval van {{weeks}} weken aan',
    'below-shorten': 'laatste dalspiegel {{lt}}{{trough}} µg/mL is lager dan 10: verkort met één week tot {{weeks}}',
    'below-stay': 'laatste dalspiegel {{lt}}{{trough}} µg/mL is lager dan 10: blijf op 4 weken',
    'above-extend': 'laatste dalspiegel {{trough}} µg/mL is hoger dan 15: verleng met één week tot {{weeks}}',
    'above-stay': 'laatste dalspiegel {{trough}} µg/mL is hoger dan 15: blijf op het maximum van 8 weken',
    between: 'laatste dalspiegel {{trough}} µg/mL ligt tussen 10 en 15: houd {{weeks}} weken aan',
  },
  // ------------------------------------------------------------------ ocrelizumab: waarschuwingen
  'ocr-invalid-option': {
    value: 'instelling {{key}} = {{value}} is niet bruikbaar (toegestaan: {{accepted, term}}); de standaardwaarde {{default}} is gebruikt',
    window: 'instelling maxWeeks = {{max}} is niet groter dan minWeeks = {{min}}; de standaardwaarden {{defaultMin}} en {{defaultMax}} zijn gebruikt',
  },
  'ocr-unusual-dose': {
    'single-300': 'een enkele gift van 300 mg op {{date}} (zonder tweede 300 mg binnen {{weeks}} weken): het model gaat uit van 600 mg (of de start met 2 × 300 mg); de voorspelling is mogelijk niet van toepassing',
    other: 'een gift van {{mg}} mg op {{date}}: het model gaat uit van 600 mg (of de start met 2 × 300 mg); de voorspelling is mogelijk niet van toepassing',
  },
  'ocr-pretreatment-count-unusable': 'CD19+-telling vóór de behandeling {{count}} cellen/µL op {{date}} is te laag als plateau (minstens {{floor}} nodig); de modelwaarde van {{bmax}} cellen/µL is gebruikt',
  'ocr-possible-non-depleter': 'CD19+-telling {{count}} cellen/µL op {{date}}, {{weeks}} weken na de infusie van {{infusion}} ({{which, term}} cyclus), ligt op of boven de drempel {{threshold}} cellen/µL zonder lagere telling sinds die infusie: mogelijk geen depletie (B-cellen niet gedepleteerd); controleer de telling en de infusie, de voorspelling gaat uit van depletie',
  'ocr-threshold-above-plateau': 'drempel {{threshold}} cellen/µL ligt niet onder de hoogste telling die het model toelaat ({{bmax}} cellen/µL): het model bereikt hem nooit; het voorstel valt terug op het maximale interval',
  'ocr-count-before-depletion': 'CD19+-telling {{count}} cellen/µL op {{date}} is binnen {{weeks}} weken na de infusie afgenomen ({{which, term}} cyclus), voordat de depletie volledig is: niet gebruikt in de voorspelling',
  'ocr-count-above-model-range': {
    patient: 'CD19+-telling {{count}} cellen/µL op {{date}} ligt boven de hoogste telling die het model voor deze patiënt toelaat ({{bmax}} cellen/µL, de telling vóór de behandeling): het model beschrijft haar niet; de voorspelling is niet betrouwbaar',
    model: 'CD19+-telling {{count}} cellen/µL op {{date}} ligt boven de hoogste telling die het model toelaat ({{bmax}} cellen/µL): het model beschrijft haar niet; de voorspelling is niet betrouwbaar',
  },
  'ocr-no-count-this-cycle': {
    previous: 'geen CD19+-telling sinds de infusie van {{date}}: de voorspelling berust op {{n}} telling(en) van de vorige cyclus en de populatieverdeling',
    population: 'geen CD19+-telling sinds de infusie van {{date}} en geen uit een vorige cyclus: de voorspelling is de populatieverdeling (typische patiënt)',
  },
  'ocr-outside-model-range': 'de tellingen liggen aan de rand van wat het model toelaat (B-cellen terug op 10 cellen/µL tussen week {{tLow}} en {{tHigh}} na de gift, groei {{rLow}}–{{rHigh}} per week): de voorspelling is een extrapolatie; controleer de tellingen',
  'bcell-trend-disagrees': 'de {{n}} CD19+-tellingen van deze cyclus van {{from}} tot {{to}} groeien {{rate}} per week in ln(telling + 1) (zonder model, Theil–Sen; 90 %-interval {{low}} tot {{high}}), de gefitte curve {{fitted}} per week over dezelfde weken: de logistische fit volgt deze tellingen niet; controleer ze en tel opnieuw voordat u op de voorspelling vertrouwt',
  'ocr-before-minimum-interval': 'pas {{weeks}} weken sinds de laatste infusie ({{date}}): hergift wordt niet geadviseerd vóór {{min}} weken (5 maanden, bijsluiter); de vroegste datum is {{earliest}}',
  'ocr-crossing-beyond-maximum': {
    capped: 'voorspeld bereiken van {{threshold}} cellen/µL in week {{week}} ligt na het maximale interval van {{max}} weken: het voorstel is begrensd op week {{capped}}; het model is zo ver niet gevalideerd, tel opnieuw voordat u beslist',
    horizon: 'het 80%-interval van het bereiken van de drempel reikt verder dan {{horizon}} weken: de bovengrens wordt op de horizon getoond, niet geëxtrapoleerd',
  },
  'ocr-redose-due': 'laatste telling {{count}} cellen/µL op {{date}} ligt op of boven de drempel {{threshold}} cellen/µL: hergift is nu aan de orde ({{asOf}})',
  'ocr-redose-due-before-minimum': 'laatste telling {{count}} cellen/µL op {{date}} ligt op of boven de drempel {{threshold}} cellen/µL, {{weeks}} weken na de infusie: hergift is aan de orde maar wordt niet geadviseerd vóór 5 maanden; voorgesteld op het minimum, {{nextDose}} (week {{min}})',
  // ------------------------------------------------------------------ ocrelizumab: reden
  'ocr-past-maximum': '{{weeks}} weken sinds de laatste infusie ({{date}}), voorbij het maximale interval van {{max}} weken: de hergift is te laat; de voorspelling is geëxtrapoleerd buiten de gegevens, tel nu',
  'ocr-reason': {
    due: 'laatste telling {{count}} cellen/µL op {{date}} ligt op of boven de drempel {{threshold}} cellen/µL: hergift is nu aan de orde',
    'due-before-minimum': 'laatste telling {{count}} cellen/µL op {{date}} ligt op of boven de drempel {{threshold}} cellen/µL, maar er zijn pas {{weeks}} weken verstreken: hergift op het minimum van 5 maanden, week {{min}} ({{nextDose}})',
    'crossing-current': 'voorspeld bereiken van {{threshold}} cellen/µL in week {{week}} (80%-interval {{low}}–{{high}}), op basis van {{n}} telling(en) van deze cyclus',
    'crossing-current-previous': 'voorspeld bereiken van {{threshold}} cellen/µL in week {{week}} (80%-interval {{low}}–{{high}}), op basis van {{n}} telling(en) van deze cyclus en {{previous}} van de vorige',
    'crossing-previous': 'voorspeld bereiken van {{threshold}} cellen/µL in week {{week}} (80%-interval {{low}}–{{high}}), op basis van {{previous}} telling(en) van de vorige cyclus',
    'crossing-population': 'voorspeld bereiken van {{threshold}} cellen/µL in week {{week}} (80%-interval {{low}}–{{high}}), op basis van de populatieverdeling',
    'redose-quantile': 'hergift in week {{redoseWeek}} (de laatste hele week op of vóór het {{percentile}}e percentiel van het bereiken van de drempel)',
    'redose-maximum': 'hergift in week {{redoseWeek}}, het maximale interval (de drempel wordt later voorspeld)',
    'redose-minimum': 'hergift in week {{redoseWeek}}, het minimum van 5 maanden (de drempel wordt eerder voorspeld)',
    'redose-now-past-maximum': 'hergift nu, in week {{redoseWeek}} (de eerste hele week niet vóór vandaag, na het maximale interval)',
    'redose-now-passed': 'hergift nu, in week {{redoseWeek}} (de eerste hele week niet vóór vandaag: de drempel is waarschijnlijk al bereikt)',
    'next-count': 'volgende CD19+-telling in week {{countWeek}} ({{countDate}})',
    'next-count-next-cycle': 'volgende CD19+-telling in week {{first}} na de hergift ({{countDate}})',
  },
  // ------------------------------------------------------------------ BLOOMS-achtig protocol
  blooms: {
    name: 'BLOOMS-achtig: tellen vanaf week {{first}}, elke {{every}} weken; hergift bij de eerste telling ≥ {{threshold}} cellen/µL',
    due: 'telling {{count}} cellen/µL op {{date}} ligt op of boven {{threshold}} cellen/µL: nu hergeven; eerste telling van de volgende cyclus in week {{first}} daarna',
    'due-minimum': 'telling {{count}} cellen/µL op {{date}} ligt op of boven {{threshold}} cellen/µL: nu hergeven (op het minimum van 5 maanden, {{doseDate}}); eerste telling van de volgende cyclus in week {{first}} daarna',
    'past-maximum': 'nog geen telling op of boven {{threshold}} cellen/µL en de volgende geplande telling (week {{week}}) valt na het maximale interval van {{max}} weken: hergift in week {{max}} ({{doseDate}})',
    below: 'laatste telling {{count}} cellen/µL op {{date}} ligt onder {{threshold}} cellen/µL: hergift uitstellen',
    'no-count': 'nog geen telling in deze cyclus: nog niet hergeven',
    next: 'volgende telling in week {{week}} ({{nextCount}})',
  },
  // ------------------------------------------------------------------ patiënt zonder plan (src/core/engine.ts)
  'no-usable-rows': 'geen bruikbare regels: voer de giften en uitslagen in',
  'work-budget': 'de berekening is gestopt na {{steps}} integratiestappen: het dossier ligt ver buiten wat het model beschrijft; controleer de spiegels, hun eenheden en tijden, de giften en de gewichten',
  'track-stopped': 'de berekening is gestopt na {{steps}} rekenstappen',
  'rows-refused_one': '{{count}} regel kon niet worden gebruikt: {{rows}}',
  'rows-refused_other': '{{count}} regels konden niet worden gebruikt: {{rows}}',
  'no-dose-before-as-of': 'geen gift {{drug}} op of vóór de plandatum: niets om van uit te plannen',
  // ------------------------------------------------------------------ woorden als parameter
  terms: {
    'cycle-this': 'deze',
    'cycle-previous': 'vorige',
    'count-above-0': 'een telling boven 0 cellen/µL',
    'limit-above-0': 'een grens boven 0 cellen/µL',
    'weeks-0-104': '0–104 weken',
    'weeks-1-156-above-minimum': '1–156 weken, boven het minimum',
    'probability-0-1': 'een kans strikt tussen 0 en 1',
    'weeks-0-26': '0–26 weken',
    'weeks-1-26': '1–26 weken',
  },
};

export default engineNl;
