/**
 * What is wrong with a session or backup file (src/app/lib/session-problems.ts), in Dutch. The
 * JSON paths (patients[0], settings.natalizumab.target) and the file's own words stay as written:
 * they say where to look in the file. Words as in the glossary (docs/glossary.md).
 */
import { refusedMessage, type FieldExpectation, type SessionProblem, type SettingsProblem } from '../lib/session-problems';

const EXPECTED_NL: Record<FieldExpectation, string> = {
  text: 'tekst', number: 'een getal', boolean: 'true of false', object: 'een object', route: 'iv of sc',
  sample: 'venous (veneus) of capillary (vingerprik)', severity: 'error, warning of info', kind: 'dose, level, bcell, weight of wearing_off', score: '0, 1, 2 of 3',
};
import { catalog } from '../../i18n/catalog';
import { catalogDate } from '../../i18n/display';
import { issueText } from '../../i18n/sentences';

const date = (iso: string) => catalogDate(iso, 'nl');
const kindNl = (kind: string) => catalog.t(`records:kinds.${kind}`, { lng: 'nl', defaultValue: kind });

/** A stored value's meaning (`24.1 capillary`, `300 mg iv 60 min`) with a decimal comma. */
const meaningNl = (s: string) => s.replace(/(\d)\.(\d)/g, '$1,$2').replace(/\bcapillary\b/, 'capillair');

export function settingsProblemTextNl(p: SettingsProblem): string {
  switch (p.code) {
    case 'settings-not-object': return 'settings moet een object zijn';
    case 'settings-drug-not-object': return `settings.${p.drug} moet een object zijn`;
    case 'settings-sample': return 'settings.natalizumab.nextTroughSample moet venous (veneus) of capillary (vingerprik) zijn';
    case 'settings-reason': return `settings.natalizumab.targetReason moet tekst van 1 tot ${p.max} tekens zijn`;
    case 'settings-range': return `settings.${p.drug}.${p.field} moet een getal van ${String(p.min).replace('.', ',')} tot ${String(p.max).replace('.', ',')} zijn`;
  }
}

export function sessionProblemTextNl(p: SessionProblem): string {
  const who = (where: string, id: string) => `${where} (patiënt ${id})`;
  switch (p.code) {
    case 'not-json': return `geen JSON-bestand (${p.detail})`;
    case 'not-session': return `geen sessiebestand van MS Interval (verwacht: "format": "${p.format}")`;
    case 'newer-version': return `sessieformaat versie ${p.version} is nieuwer dan deze app begrijpt (${p.supported})`;
    case 'no-version': return `het bestand heeft geen "formatVersion" (een getal; deze app leest versie ${p.supported})`;
    case 'no-patient-list': return 'het bestand heeft geen patiëntenlijst';
    case 'settings': return settingsProblemTextNl(p.problem);
    case 'overrides': return `${p.where}: ${settingsProblemTextNl(p.problem)}`;
    case 'not-object': return `${p.where} is geen object`;
    case 'record-missing': return `${p.where}: het dossier ontbreekt`;
    case 'id-not-text': return `${p.where}: id moet tekst zijn`;
    case 'drug': return `${p.where}: drug moet natalizumab of ocrelizumab zijn`;
    case 'not-list': return `${p.where}: ${p.list} moet een lijst zijn`;
    case 'no-time': return `${p.where}: ${p.list}[${p.index}] heeft geen geldig tijdstip`;
    case 'issues-not-list': return `${p.where}: issues moet een lijst zijn`;
    case 'refused': {
      const text = p.issue.params ? issueText({ ...p.issue, file: undefined, message: refusedMessage(p.issue) }, 'nl') : refusedMessage(p.issue);
      return `${who(p.where, p.id)}${p.at ? `, rij van ${date(p.at)}` : ''}: ${text}`;
    }
    case 'unreadable': return `${who(p.where, p.id)}: het dossier kan niet worden teruggelezen zoals het geschreven is (${p.rows} rijen, ${p.read} gelezen)`;
    case 'stored-value': return `${who(p.where, p.id)}, ${kindNl(p.kind)} van ${date(p.at)}: de opgeslagen waarde (${meaningNl(p.stored)}) is niet wat de geschreven vorm zegt (${meaningNl(p.written)}); het bestand is met de hand veranderd of beschadigd`;
    case 'stored-time': return `${who(p.where, p.id)}, ${kindNl(p.kind)} van ${date(p.at)}: het opgeslagen tijdstip is niet die datum en tijd; het bestand is met de hand veranderd of beschadigd`;
    case 'twice': return `${p.where}: patiënt ${p.id} staat er twee keer in`;
    case 'choice': return `${p.where}: een keuze moet een optie en een reden hebben`;
    case 'field': return `${p.where}: ${p.path} moet ${EXPECTED_NL[p.expected]} zijn`;
    case 'kind-in-list': return `${p.where}: ${p.path} is een ${kindNl(p.kind)}; ${p.list} bevat alleen rijen van soort ${kindNl(p.expected)}`;
    case 'report': return `reports[${p.index}] is geen rapport: een object met een patientId en een voorstel of een fout`;
    case 'too-large': return `het bestand bevat ${p.rows} rijen; er worden er hoogstens ${p.max} tegelijk gelezen`;
  }
}

/** The session problem in the page's language. */
export function sessionProblemIn(p: SessionProblem, english: string, lang: string | undefined): string {
  return lang?.startsWith('nl') ? sessionProblemTextNl(p) : english;
}
