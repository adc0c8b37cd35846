/**
 * The models' own texts (models/*.ts: name, sources, notes, and each parameter's name, unit,
 * description, source and note) as the card shows them: in Dutch, and in English in plain words
 * where the model data name an internal file. Keyed by the English text itself, so a text that
 * changes in the model shows in English until it is translated here (and the Dutch browser test
 * says so). Words as in the glossary (docs/glossary.md).
 */

/** English texts that name internal files or scripts, in plain words (both languages start from these). */
export const MODEL_TEXT_EN_PLAIN: Record<string, string> = {
  'shared/reference/ocrelizumab.md §3 (model and priors, derived [D]; not published)':
    'our own derivation from published aggregate data (model and priors; not published) [D]',
  'shared/reference/ocrelizumab.md §3 [D]: matched to Baker et al. (≥ 1 % CD19 in 3–5 % / 50–55 % / 85–90 % at 6 / 9 / 12 months), the label (median repletion 72 weeks) and Barun 2020 (8.0 cells/µL per month between 5 and 8.5 months)':
    'our own derivation [D]: matched to Baker et al. (≥ 1 % CD19 in 3–5 % / 50–55 % / 85–90 % at 6 / 9 / 12 months), the label (median repletion 72 weeks) and Barun 2020 (8.0 cells/µL per month between 5 and 8.5 months)',
  'shared/reference/ocrelizumab.md §3; adult normal range about 90–500 cells/µL (§4)':
    'our own derivation; adult normal range about 90–500 cells/µL',
  'BLOOMS-style threshold, shared/reference/ocrelizumab.md §1': 'the threshold of the BLOOMS trial',
  'assumption; checked on the virtual-patient validation set (scripts/validate-ocrelizumab.ts)': 'assumption; checked on our virtual validation patients',
  'assumption (no published cycle-to-cycle data); checked on the virtual-patient validation set': 'assumption (no published cycle-to-cycle data); checked on our virtual validation patients',
};

const VDB = 'van den Berg et al., CPT:PSP 2025, doi:10.1002/psp4.70014, Table (as transcribed by a third party)';
const VDB_NL = 'van den Berg et al., CPT:PSP 2025, doi:10.1002/psp4.70014, tabel (overgenomen door een derde)';
const OCR_D = MODEL_TEXT_EN_PLAIN['shared/reference/ocrelizumab.md §3 [D]: matched to Baker et al. (≥ 1 % CD19 in 3–5 % / 50–55 % / 85–90 % at 6 / 9 / 12 months), the label (median repletion 72 weeks) and Barun 2020 (8.0 cells/µL per month between 5 and 8.5 months)'];
const DERIVED = 'derived from aggregate data, to be recalibrated';

/** Dutch for each English text (after MODEL_TEXT_EN_PLAIN). */
export const MODEL_TEXT_NL: Record<string, string> = {
  // natalizumab: name, sources, notes
  'Natalizumab 2-compartment PK with parallel Michaelis–Menten elimination (van den Berg 2025)':
    'Natalizumab-farmacokinetiek met 2 compartimenten en parallelle Michaelis–Menten-eliminatie (van den Berg 2025)',
  'van den Berg et al., Model-informed precision dosing of natalizumab, CPT Pharmacometrics Syst Pharmacol 2025, doi:10.1002/psp4.70014':
    'van den Berg et al., Model-informed precision dosing of natalizumab (Engelstalig artikel), CPT Pharmacometrics Syst Pharmacol 2025, doi:10.1002/psp4.70014',
  'Tysabri EU SmPC (SC formulation: bioavailability, lag, Tmax)': 'Tysabri SmPC (EU-productinformatie), subcutane vorm: biologische beschikbaarheid, vertraging, Tmax',
  'Between-patient variability is log-normal; ω² = ln(1 + CV²) is derived from the published CVs and stated per parameter.':
    'De variatie tussen patiënten is log-normaal; ω² = ln(1 + CV²) is afgeleid uit de gepubliceerde CV’s en staat bij elke parameter.',
  'The weight covariate (CL·(WT/70)^0.60, Vmax·(WT/70)^0.26) is as transcribed: which parameters carry which exponent, and the reference weight, are not yet confirmed against the paper.':
    'Het effect van het gewicht (CL·(WT/70)^0,60, Vmax·(WT/70)^0,26) is zoals overgenomen: welke parameter welke exponent heeft, en het referentiegewicht, zijn nog niet tegen het artikel gecontroleerd.',
  'Values tagged "to be checked" come from a third party\'s transcription of the paper\'s table, consistent with the label.':
    'Waarden met "nog te controleren" komen uit een door een derde overgenomen tabel van het artikel, in overeenstemming met de productinformatie.',
  'SC dosing extends an IV-built model: elimination is taken as the same (DELIVER found it not different); bioavailability and absorption rate are uncertain parameters (measured ranges, assumed spread) that every forecast carries.':
    'Subcutane giften breiden een op IV-gegevens gebouwd model uit: de eliminatie is gelijk genomen (DELIVER vond geen verschil); biologische beschikbaarheid en opnamesnelheid zijn onzekere parameters (gemeten bereiken, aangenomen spreiding) die elke voorspelling meeneemt.',
  // natalizumab parameters
  'ω² = ln(1 + 0.228²)': 'ω² = ln(1 + 0,228²)',
  'ω² = ln(1 + 0.315²)': 'ω² = ln(1 + 0,315²)',
  'ω² = ln(1 + 0.26²)': 'ω² = ln(1 + 0,26²)',
  'linear clearance at 70 kg; CL_i = CL·(WT/70)^0.60·exp(η_CL)': 'lineaire klaring bij 70 kg; CL_i = CL·(WT/70)^0,60·exp(η_CL)',
  [VDB]: VDB_NL,
  'central volume': 'centraal volume',
  'peripheral volume; Vp_i = Vp·exp(η_Vp)': 'perifeer volume; Vp_i = Vp·exp(η_Vp)',
  'inter-compartmental clearance': 'klaring tussen de compartimenten',
  'maximum saturable elimination at 70 kg; Vmax_i = Vmax·(WT/70)^0.26·exp(η_Vmax)': 'maximale verzadigbare eliminatie bij 70 kg; Vmax_i = Vmax·(WT/70)^0,26·exp(η_Vmax)',
  'concentration at half-maximal saturable elimination': 'concentratie bij de helft van de maximale verzadigbare eliminatie',
  'poorly identified: 95 % CI 0.11–1.55': 'slecht bepaald: 95%-BI 0,11–1,55',
  'allometric exponent, reference weight 70 kg': 'allometrische exponent, referentiegewicht 70 kg',
  'placement of the two weight exponents and the reference weight are unconfirmed': 'plaats van de twee gewichtsexponenten en het referentiegewicht zijn onbevestigd',
  'SD of the measurement error as a fraction of the true concentration': 'SD van de meetfout als fractie van de werkelijke concentratie',
  'SC bioavailability: log-normal, median 0.70, log-SD 0.15 (80 % within 0.58–0.85, at most 1); each posterior draw its own':
    'biologische beschikbaarheid subcutaan: log-normaal, mediaan 0,70, log-SD 0,15 (80 % tussen 0,58 en 0,85, hoogstens 1); elke trekking een eigen waarde',
  'DELIVER (Plavina, J Clin Pharmacol 2016): 57.1–71.3 % relative to IV [measured]; EU SmPC: about 84 % [label]; Toorop, MSARD 2024: SC troughs ≈ 0.76× IV [measured]':
    'DELIVER (Plavina, J Clin Pharmacol 2016): 57,1–71,3 % ten opzichte van IV [gemeten]; EU-productinformatie: ongeveer 84 % [bijsluiter]; Toorop, MSARD 2024: subcutane dalspiegels ≈ 0,76× IV [gemeten]',
  'measured: DELIVER and the 2024 cohort; assumed: the log-normal spread that spans them and the label':
    'gemeten: DELIVER en het cohort van 2024; aangenomen: de log-normale spreiding die deze en de productinformatie omvat',
  'SC absorption lag (3 h)': 'vertraging van de subcutane opname (3 uur)',
  'Tysabri SC label (EU SmPC)': 'Tysabri subcutaan, EU-productinformatie (SmPC)',
  'each random effect is limited to ±6 of its SDs (parameters saturate there)': 'elk individueel effect is begrensd op ±6 van zijn SD’s (daar verzadigen de parameters)',
  'assumption (ours): < 2e-9 of a log-normal lies beyond 6 SD; validation patients fit within 3.8 SD':
    'aanname (van ons): minder dan 2e-9 van een log-normale verdeling ligt voorbij 6 SD; de validatiepatiënten passen binnen 3,8 SD',
  'keeps an absurd level from driving the fit to unphysiological, stiff parameters': 'voorkomt dat een onmogelijke spiegel de schatting naar onfysiologische parameters drijft',
  'SC first-order absorption rate: log-normal, median 0.25/day, log-SD 0.35; each posterior draw its own':
    'snelheid van de subcutane opname (eerste orde): log-normaal, mediaan 0,25/dag, log-SD 0,35; elke trekking een eigen waarde',
  'not published; typical for an antibody (0.2–0.3/day), gives the label Tmax ≈ 6 days':
    'niet gepubliceerd; gebruikelijk voor een antilichaam (0,2–0,3/dag), geeft de Tmax van de productinformatie ≈ 6 dagen',
  'a finger-prick level reads on average 0.36 µg/mL below the venous one': 'een vingerprikspiegel ligt gemiddeld 0,36 µg/mL onder de veneuze',
  'Toorop et al., Mult Scler 2023;29:457-460 (30 patients, method comparison)': 'Toorop et al., Mult Scler 2023;29:457-460 (30 patiënten, methodevergelijking)',
  'used in the likelihood of capillary levels only': 'alleen gebruikt voor vingerprikspiegels',
  'extra spread of a finger-prick level, beside the proportional assay error': 'extra spreiding van een vingerprikspiegel, naast de evenredige meetfout',
  'derived from the 95 % limits of agreement (−2 to +1.3 µg/mL) of Toorop 2023': 'afgeleid uit de 95%-overeenstemmingsgrenzen (−2 tot +1,3 µg/mL) van Toorop 2023',
  'so the same trough given as capillary informs the fit less than as venous': 'zodat dezelfde dalspiegel als vingerprik de schatting minder beïnvloedt dan als veneuze afname',
  'future clearance of each forecast: η·ω²/(ω² + ω_IOV²) + its own κ, κ ~ N(0, 0.15²); when monitored (m ≥ 3 troughs in a row agreeing with the model) 0.15·sqrt(2/(2 + m))':
    'toekomstige klaring van elke voorspelling: η·ω²/(ω² + ω_IOV²) plus een eigen κ, κ ~ N(0; 0,15²); bij bewaking (m ≥ 3 dalspiegels op rij die bij het model passen) 0,15·√(2/(2 + m))',
  'assumption: inter-occasion variability of monoclonal-antibody clearance is typically 10–30 % CV; not reported for natalizumab; IOV model of Karlsson & Sheiner 1993':
    'aanname: de variatie van de klaring van monoklonale antilichamen tussen toedieningen is meestal 10–30 % CV; voor natalizumab niet gerapporteerd; IOV-model van Karlsson & Sheiner 1993',
  'the troughs measured so far show past occasions; the intervals to come have clearances of their own':
    'de gemeten dalspiegels tonen eerdere toedieningen; de komende intervallen hebben hun eigen klaring',
  'Km drawn per forecast from N(0.875, 0.367²), truncated at 0.05 mg/L': 'Km per voorspelling getrokken uit N(0,875; 0,367²), afgekapt bij 0,05 mg/L',
  'van den Berg 2025: Km 95 % CI 0.11–1.55 mg/L (SE = width/3.92)': 'van den Berg 2025: Km 95%-BI 0,11–1,55 mg/L (SE = breedte/3,92)',
  'Km governs elimination at low troughs, where the 4-weekly troughs carry no information': 'Km bepaalt de eliminatie bij lage dalspiegels, waarover de 4-wekelijkse dalspiegels niets zeggen',
  'one bias per patient on all measured levels, carried into the forecast': 'één afwijking per patiënt op alle gemeten spiegels, meegenomen in de voorspelling',
  'assumption: between-laboratory differences of ELISA calibration of a few percent to 10 %': 'aanname: verschillen in ELISA-kalibratie tussen laboratoria van enkele procenten tot 10 %',
  'shared by all troughs of a patient, so more troughs do not average it away': 'gedeeld door alle dalspiegels van een patiënt, dus meer dalspiegels middelen haar niet weg',
  'forecast spread × sqrt((2 + Σz²)/(2 + n)) when the residuals are larger than the model expects':
    'spreiding van de voorspelling × √((2 + Σz²)/(2 + n)) als de afwijkingen groter zijn dan het model verwacht',
  'conjugate scaled-inverse-χ² update of the residual scale (standard Bayesian result)': 'geconjugeerde bijwerking van de restspreiding (standaard Bayesiaans resultaat)',
  'widens the forecast only where the patient’s own data show misfit, never narrows it': 'verbreedt de voorspelling alleen waar de eigen gegevens van de patiënt slecht passen, nooit smaller',
  // ocrelizumab
  'Ocrelizumab CD19+ B-cell repopulation, lagged logistic (T10, r) with grid posterior':
    'Ocrelizumab: terugkeer van CD19+ B-cellen, vertraagde logistische curve (T10, r), exact berekend over een rooster',
  [MODEL_TEXT_EN_PLAIN['shared/reference/ocrelizumab.md §3 (model and priors, derived [D]; not published)']]:
    'eigen afleiding uit gepubliceerde totaalgegevens (model en voorkennis; niet gepubliceerd) [D]',
  'Baker et al. (B-cell repletion after 3–4 ocrelizumab cycles) [S]': 'Baker et al. (terugkeer van B-cellen na 3–4 ocrelizumabcycli) [S]',
  'Ocrevus US label (median time to repletion 72 weeks, range 27–175) [R]': 'Ocrevus, Amerikaanse productinformatie (mediane tijd tot terugkeer 72 weken, bereik 27–175) [R]',
  'Barun 2020 (cross-sectional CD19 slope 8.0 cells/µL per month between 5 and 8.5 months) [V]':
    'Barun 2020 (dwarsdoorsnede: CD19 stijgt 8,0 cellen/µL per maand tussen 5 en 8,5 maanden) [V]',
  'Priors reproduce [D]: ≥ 15 cells/µL in 4 % / 54 % / 91 % of patients at 26 / 39 / 52 weeks; median re-dosing at about 32 weeks on a 4-weekly schedule from week 24.':
    'De voorkennis geeft [D]: ≥ 15 cellen/µL bij 4 % / 54 % / 91 % van de patiënten na 26 / 39 / 52 weken; mediane hergift na ongeveer 32 weken bij tellingen elke 4 weken vanaf week 24.',
  'Status of every prior: derived from aggregate data, to be recalibrated when local or BLOOMS data allow.':
    'Status van alle voorkennis: afgeleid uit totaalgegevens, opnieuw te kalibreren zodra eigen of BLOOMS-gegevens dat toelaten.',
  'Weight affects ocrelizumab exposure and earlier repopulation in heavier patients, but the size of the effect on timing is unknown: not in the model.':
    'Gewicht beïnvloedt de blootstelling aan ocrelizumab (eerdere terugkeer bij zwaardere patiënten), maar hoe groot het effect op het tijdstip is, is onbekend: niet in het model.',
  'Only the immediately previous cycle informs the current one; earlier cycles are not used.':
    'Alleen de direct voorafgaande cyclus telt mee voor de huidige; eerdere cycli worden niet gebruikt.',
  'week after the infusion at which CD19+ reaches 10 cells/µL; log-normal prior, median 32, SD of ln T10 = 0.22':
    'week na het infuus waarin CD19+ 10 cellen/µL bereikt; log-normale voorkennis, mediaan 32, SD van ln T10 = 0,22',
  [OCR_D]: 'eigen afleiding [D]: afgestemd op Baker et al. (≥ 1 % CD19 bij 3–5 % / 50–55 % / 85–90 % na 6 / 9 / 12 maanden), de productinformatie (mediane terugkeer 72 weken) en Barun 2020 (8,0 cellen/µL per maand tussen 5 en 8,5 maanden)',
  [DERIVED]: 'afgeleid uit totaalgegevens, opnieuw te kalibreren',
  'logistic growth rate of the CD19+ count; log-normal prior, median 0.09, SD of ln r = 0.8': 'logistische groeisnelheid van de CD19+-telling; log-normale voorkennis, mediaan 0,09, SD van ln r = 0,8',
  'plateau: the patient\'s pre-treatment count (a bcell row before the first dose) when known, else 200':
    'plateau: de B-celtelling van de patiënt vóór de behandeling (een telling vóór de eerste gift) als die bekend is, anders 200',
  [MODEL_TEXT_EN_PLAIN['shared/reference/ocrelizumab.md §3; adult normal range about 90–500 cells/µL (§4)']]: 'eigen afleiding; normaalwaarde bij volwassenen ongeveer 90–500 cellen/µL',
  'fixed, not estimated': 'vast, niet geschat',
  'count crossed at T10; a clinic threshold c ≠ 10 is crossed at T10 + ln((Bmax/10 − 1)/(Bmax/c − 1))/r':
    'telling die bij T10 wordt gepasseerd; een andere drempel c ≠ 10 wordt gepasseerd bij T10 + ln((Bmax/10 − 1)/(Bmax/c − 1))/r',
  [MODEL_TEXT_EN_PLAIN['BLOOMS-style threshold, shared/reference/ocrelizumab.md §1']]: 'de drempel van de BLOOMS-studie',
  'ln(count + 1) ~ N(ln(B + 1), 0.35²); counts reported as 0 or <x are censored below the limit':
    'ln(telling + 1) ~ N(ln(B + 1); 0,35²); tellingen gemeld als 0 of <x tellen als "onder de meetgrens"',
  'previous cycle\'s ln T10 = current ln T10 + N(0, 0.07²) (≈ 2 weeks at 30 weeks): the previous cycle\'s counts inform the current cycle, widened':
    'ln T10 van de vorige cyclus = huidige ln T10 + N(0; 0,07²) (≈ 2 weken bij 30 weken): de tellingen van de vorige cyclus tellen verbreed mee',
  [MODEL_TEXT_EN_PLAIN['assumption; checked on the virtual-patient validation set (scripts/validate-ocrelizumab.ts)']]: 'aanname; gecontroleerd op onze virtuele validatiepatiënten',
  'previous cycle\'s ln r = current ln r + N(0, 0.3²)': 'ln r van de vorige cyclus = huidige ln r + N(0; 0,3²)',
  [MODEL_TEXT_EN_PLAIN['assumption (no published cycle-to-cycle data); checked on the virtual-patient validation set']]:
    'aanname (geen gepubliceerde gegevens van cyclus tot cyclus); gecontroleerd op onze virtuele validatiepatiënten',
};

/** Parameter names in Dutch (symbols stay as they are). */
export const PARAM_NAME_NL: Record<string, string> = {
  'WT exponent on CL': 'gewichtsexponent op CL',
  'WT exponent on Vmax': 'gewichtsexponent op Vmax',
  'proportional residual error': 'evenredige meetfout',
  'F (SC)': 'F (subcutaan)',
  'lag (SC)': 'vertraging (subcutaan)',
  'η bound': 'grens van η',
  'ka (SC)': 'ka (subcutaan)',
  'capillary bias': 'afwijking vingerprik',
  'capillary additive SD': 'extra SD vingerprik',
  'IOV of CL (forecast)': 'variatie van CL tussen toedieningen (voorspelling)',
  'Km uncertainty (forecast)': 'onzekerheid van Km (voorspelling)',
  'laboratory bias (forecast)': 'afwijking van het laboratorium (voorspelling)',
  'misfit scale': 'schaal bij slechte passing',
  'θ (reference count)': 'θ (referentietelling)',
  'observation SD': 'SD van de meting',
  'cycle-to-cycle SD of ln T10': 'SD van ln T10 tussen cycli',
  'cycle-to-cycle SD of ln r': 'SD van ln r tussen cycli',
};

/** Units in Dutch. */
export const UNIT_NL: Record<string, string> = {
  'L/day': 'L/dag', 'mg/day': 'mg/dag', day: 'dag', '1/day': '1/dag', fraction: 'fractie', week: 'week', '1/week': '1/week',
  'cells/uL': 'cellen/µL', 'cells/µL': 'cellen/µL', 'ln(cells/uL + 1)': 'ln(cellen/µL + 1)', 'prior df': 'vrijheidsgraden (voorkennis)',
  'mg/L (SE)': 'mg/L (SE)', 'SD (ω)': 'SD (ω)', 'log-SD': 'log-SD',
};

/** A model text as shown in `lang`: Dutch when translated, English in plain words otherwise. */
export function modelText(text: string, lang: string | undefined): string {
  const plain = MODEL_TEXT_EN_PLAIN[text] ?? text;
  return lang?.startsWith('nl') ? MODEL_TEXT_NL[plain] ?? MODEL_TEXT_NL[text] ?? plain : plain;
}

export function paramName(name: string, lang: string | undefined): string {
  return lang?.startsWith('nl') ? PARAM_NAME_NL[name] ?? name : name;
}

export function unitText(unit: string, lang: string | undefined): string {
  return lang?.startsWith('nl') ? UNIT_NL[unit] ?? unit : unit;
}
