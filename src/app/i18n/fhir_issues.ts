/**
 * The FHIR mapping's messages (src/core/fhir/read.ts, codes `fhir_*`) in Dutch. The core writes
 * them in English (as the command line shows them) with the place (`entry 8 Observation/obs-77
 * valueQuantity.unit`) in `where` and the rest in `params.text`; the place is kept as written
 * (entry numbers, resource types and element paths are FHIR's own names), the rest is said in
 * Dutch. A text this table does not know stays English (null), never half translated.
 */

const WHAT: Record<string, string> = {
  'a natalizumab level': 'een natalizumabspiegel',
  'a CD19 count': 'een CD19-telling',
  'a body weight': 'een lichaamsgewicht',
  'a wearing-off report': 'een melding van wearing-off',
  'a natalizumab dose': 'een natalizumabgift',
  'an ocrelizumab dose': 'een ocrelizumabgift',
  'this value': 'deze waarde',
};

/** "a natalizumab level", "the end of a natalizumab dose" in Dutch (undefined when unknown). */
function what(en: string): string | undefined {
  if (en.startsWith('the end of ')) {
    const w = WHAT[en.slice('the end of '.length)];
    return w === undefined ? undefined : `het einde van ${w}`;
  }
  return WHAT[en];
}

/** "ug/mL, mg/L or ng/mL" → "ug/mL, mg/L of ng/mL". */
const list = (en: string) => en.replace(/ or ([^,]+)$/, ' of $1');

const REFERENCE: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^is not a Reference$/, () => 'is geen Reference'],
  [/^has no reference$/, () => 'heeft geen reference'],
  [/^("[^"]*") names no contained resource$/, (m) => `${m[1]} noemt geen contained resource`],
  [/^("[^"]*") is a (.+), not a (\w+)$/, (m) => `${m[1]} is een ${m[2] === 'entry without a resource' ? 'entry zonder resource' : m[2]}, geen ${m[3]}`],
  [/^("[^"]*") is not the fullUrl of an entry of this Bundle$/, (m) => `${m[1]} is niet de fullUrl van een entry van deze Bundle`],
  [/^("[^"]*") is not a reference FHIR knows: use Type\/id, an absolute URL or urn:uuid: of an entry$/, (m) => `${m[1]} is geen verwijzing die FHIR kent: gebruik Type/id, een absolute URL of urn:uuid: van een entry`],
  [/^("[^"]*") is not in this Bundle: the Specimen says whether the sample was capillary$/, (m) => `${m[1]} staat niet in deze Bundle: de Specimen zegt of het monster capillair was`],
];

function reference(en: string): string | undefined {
  const whose = /^(.*): whose (\w+) it is cannot be known; it is not read$/.exec(en);
  const core = whose ? whose[1] : en;
  for (const [re, nl] of REFERENCE) {
    const m = re.exec(core);
    if (m) return whose ? `${nl(m)}: van wie deze ${whose[2]} is, is niet te weten; hij wordt niet gelezen` : nl(m);
  }
  if (en === 'names a contained Patient: the Patient must be an entry or on the server') return 'noemt een contained Patient: de Patient moet een entry zijn of op de server staan';
  return undefined;
}

type Rule = [RegExp, (m: RegExpExecArray) => string | undefined];

const W = (m: RegExpExecArray, i: number) => what(m[i]);

/** Per code: the English text after the place → Dutch. */
const RULES: Record<string, Rule[]> = {
  fhir_unit: [[/^("[^"]*") for (.+): use (.+)$/, (m) => W(m, 2) && `${m[1]} voor ${W(m, 2)}: gebruik ${list(m[3])}`]],
  fhir_unit_missing: [[/^is missing: (.+) needs (.+) \(UCUM\)$/, (m) => W(m, 1) && `ontbreekt: ${W(m, 1)} heeft ${list(m[2])} nodig (UCUM)`]],
  fhir_value_missing: [
    [/^is missing: (.+) needs a value in (.+)$/, (m) => W(m, 1) && `ontbreekt: ${W(m, 1)} heeft een waarde in ${list(m[2])} nodig`],
    [/^is missing: (.+) needs a number$/, (m) => W(m, 1) && `ontbreekt: ${W(m, 1)} heeft een getal nodig`],
    [/^is missing: (.+) needs its intensity 0, 1, 2 or 3$/, (m) => W(m, 1) && `ontbreekt: ${W(m, 1)} heeft de intensiteit 0, 1, 2 of 3 nodig`],
  ],
  fhir_value_not_number: [
    [/^("[^"]*") for (.+) is not a number: write a JSON number such as 24\.1$/, (m) => W(m, 2) && `${m[1]} voor ${W(m, 2)} is geen getal: schrijf een JSON-getal zoals 24.1`],
    [/^(.*) for (.+) is not a whole number: write the intensity 0, 1, 2 or 3$/, (m) => W(m, 2) && `${m[1]} voor ${W(m, 2)} is geen geheel getal: schrijf de intensiteit 0, 1, 2 of 3`],
  ],
  fhir_comparator: [[/^("[^"]*") for (.+) is not read: (only < \(a result below the lab's limit\) is|no comparator is) accepted$/,
    (m) => W(m, 2) && `${m[1]} voor ${W(m, 2)} wordt niet gelezen: ${m[3].startsWith('only') ? 'alleen < (een uitslag onder de grens van het lab) wordt' : 'geen vergelijkingsteken wordt'} geaccepteerd`]],
  fhir_time_missing: [[/^is missing: (.+) needs its date and time$/, (m) => W(m, 1) && `ontbreekt: ${W(m, 1)} heeft een datum en tijd nodig`]],
  fhir_time_invalid: [[/^("[^"]*") is not a date and time: write YYYY-MM-DDThh:mm:ss with the zone offset, e\.g\. 2024-03-05T09:30:00\+01:00( \(a year or month alone is not enough\))?$/,
    (m) => `${m[1]} is geen datum en tijd: schrijf JJJJ-MM-DDTuu:mm:ss met de tijdzoneverschuiving, bijv. 2024-03-05T09:30:00+01:00${m[2] ? ' (een jaar of maand alleen is niet genoeg)' : ''}`]],
  fhir_status: [
    [/^is missing: a MedicationAdministration needs a status \(completed is read\)$/, () => 'ontbreekt: een MedicationAdministration heeft een status nodig (completed wordt gelezen)'],
    [/^("[^"]*") is not a MedicationAdministration status: completed is read; in-progress, not-done, on-hold, stopped, entered-in-error and unknown are skipped$/,
      (m) => `${m[1]} is geen status van een MedicationAdministration: completed wordt gelezen; in-progress, not-done, on-hold, stopped, entered-in-error en unknown worden overgeslagen`],
    [/^is missing: an Observation needs a status \(final, amended or corrected are read\)$/, () => 'ontbreekt: een Observation heeft een status nodig (final, amended of corrected wordt gelezen)'],
    [/^("[^"]*") is not an Observation status: final, amended and corrected are read; registered, preliminary, cancelled, entered-in-error and unknown are skipped$/,
      (m) => `${m[1]} is geen status van een Observation: final, amended en corrected worden gelezen; registered, preliminary, cancelled, entered-in-error en unknown worden overgeslagen`],
  ],
  fhir_period: [[/^("[^"]*") is before effectivePeriod\.start ("[^"]*"): the end of an infusion comes after its start$/, (m) => `${m[1]} ligt vóór effectivePeriod.start ${m[2]}: het einde van een infusie komt na het begin`]],
  fhir_route: [[/^(.*) is not a route this app reads: use SNOMED CT 47625008 \(intravenous\) or 34206005 \(subcutaneous\), or leave it out for intravenous$/,
    (m) => `${m[1]} is geen toedieningsweg die deze app leest: gebruik SNOMED CT 47625008 (intraveneus) of 34206005 (subcutaan), of laat hem weg voor intraveneus`]],
  fhir_specimen_type: [[/^type (.*) is not one this app knows \(SNOMED CT 122554006 capillary blood, 122555007 venous blood\): read as venous$/,
    (m) => `type ${m[1]} kent deze app niet (SNOMED CT 122554006 capillair bloed, 122555007 veneus bloed): gelezen als veneus`]],
  fhir_subject_missing: [[/^is missing: the (\w+) must name its Patient$/, (m) => `ontbreekt: de ${m[1]} moet zijn Patient noemen`]],
  fhir_reference: [[/^(.*)$/, (m) => reference(m[1])]],
  fhir_patient_id: [[/^: the Patient has neither an identifier with system (\S+) nor an id: its resources cannot be told apart from another patient's$/,
    (m) => `: de Patient heeft geen identifier met systeem ${m[1]} en geen id: zijn resources zijn niet te onderscheiden van die van een andere patiënt`]],
  fhir_entry_empty: [[/^: the entry has no resource \(no resourceType\): skipped$/, () => ': de entry heeft geen resource (geen resourceType): overgeslagen']],
  fhir_ignored: [
    [/^(\d+) other observations? ignored \(codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report\)$/,
      (m) => `${m[1]} ${m[1] === '1' ? 'andere observatie' : 'andere observaties'} genegeerd (codes niet gekoppeld aan een natalizumabspiegel, een CD19-telling, een lichaamsgewicht of een melding van wearing-off)`],
    [/^(\d+) administrations? of other medications ignored$/, (m) => `${m[1]} ${m[1] === '1' ? 'toediening' : 'toedieningen'} van andere geneesmiddelen genegeerd`],
    [/^(\d+) (\w+)(?: resources)? skipped for (?:its|their) status \((.*)\)$/, (m) => `${m[1]} ${m[2]} overgeslagen vanwege de status (${m[3]})`],
    [/^(\d+) results? without a value \(dataAbsentReason\) skipped$/, (m) => `${m[1]} ${m[1] === '1' ? 'uitslag' : 'uitslagen'} zonder waarde (dataAbsentReason) overgeslagen`],
    [/^(\d+) (\w+) resources? ignored$/, (m) => `${m[1]} ${m[2]}-${m[1] === '1' ? 'resource' : 'resources'} genegeerd`],
  ],
};

/** The file-level messages (no place): not JSON, not FHIR, a Bundle that is not read. */
const FATAL: Record<string, Rule[]> = {
  fhir_not_json: [[/^not JSON \((.*)\): give a FHIR R4 Bundle in JSON or a TDM CSV$/, (m) => `geen JSON (${m[1]}): geef een FHIR R4-Bundle in JSON of een TDM-CSV`]],
  fhir_not_fhir: [[/^JSON but not FHIR: expected a Bundle \(resourceType "Bundle"\) or a list of resources, each with a resourceType$/,
    () => 'JSON, maar geen FHIR: verwacht een Bundle (resourceType "Bundle") of een lijst resources, elk met een resourceType']],
  fhir_bundle_type: [
    [/^Bundle of type ("[^"]*") is not read: give a Bundle of type collection, transaction, batch or searchset, or a list of resources$/,
      (m) => `een Bundle van type ${m[1]} wordt niet gelezen: geef een Bundle van type collection, transaction, batch of searchset, of een lijst resources`],
    [/^Bundle\.entry is not a list: not a FHIR R4 Bundle$/, () => 'Bundle.entry is geen lijst: geen FHIR R4-Bundle'],
  ],
};

function apply(rules: Rule[] | undefined, text: string): string | undefined {
  for (const [re, nl] of rules ?? []) {
    const m = re.exec(text);
    if (m) return nl(m) ?? undefined;
  }
  return undefined;
}

/** Whether an issue is the FHIR mapping's own. */
export const isFhirCode = (code: string) => code.startsWith('fhir_');

/** A FHIR mapping issue in Dutch, with its `file: place` prefix, or null when not known. */
export function fhirTextNl(issue: { code: string; message: string; file?: string; where?: string; params?: Record<string, string | number> }): string | null {
  const file = issue.file ?? '';
  if (issue.code in FATAL) {
    const text = issue.message.startsWith(`${file}: `) ? issue.message.slice(file.length + 2) : issue.message;
    const nl = apply(FATAL[issue.code], text);
    return nl === undefined ? null : `${file}: ${nl}`;
  }
  const text = issue.params?.text;
  if (typeof text !== 'string') return null;
  const nl = apply(RULES[issue.code], text);
  if (nl === undefined) return null;
  if (issue.code === 'fhir_ignored' || !issue.where) return `${file}: ${nl}`;
  return `${file}: ${issue.where}${nl.startsWith(':') ? '' : ' '}${nl}`;
}
