/**
 * The command line and FHIR (spec/cli.md, spec/fhir.md): `tdm fhir x.csv > b.json && tdm propose
 * b.json` equals `tdm propose x.csv` on every fixture; a Bundle written by hand from the spec gives
 * the same answers as its CSV; bad resources are named and the other patients still answered;
 * exit statuses as cli.md says.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { badBundle } from '../core/fhir/bad-bundle';
import { validationProblems, type AnyBundle } from '../e2e/fhir/validate';

const NOW = Date.UTC(2026, 11, 7, 8, 0, 0);
const virtual: Record<string, string> = {};
const readInput = (f: string) => Buffer.from(f in virtual ? virtual[f] : readFileSync(f, 'utf8'), 'utf8');
const tdm = (...argv: string[]) => runCli(argv, readInput, { now: () => NOW, timeZone: 'Europe/Amsterdam' });

const FIXTURES = ['fixtures/examples', 'fixtures/validation', 'fixtures/robustness', 'fixtures/fhir']
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));

describe('tdm fhir x.csv > b.json && tdm propose b.json equals tdm propose x.csv', () => {
  it.each(FIXTURES)('%s', (file) => {
    const direct = tdm('propose', file);
    const fhir = tdm('fhir', file);
    expect(fhir.status).toBe(direct.status);
    expect(fhir.stdout).toHaveLength(1); // one Bundle document, nothing else
    const name = `${file}.json`;
    virtual[name] = fhir.stdout[0];
    const back = tdm('propose', name);
    expect(back.status).toBe(0);
    const a = direct.stdout.map((l) => JSON.parse(l));
    const b = back.stdout.map((l) => JSON.parse(l));
    expect(b.map((x) => x.patient_id)).toEqual(a.map((x) => x.patient_id));
    // A patient the CSV refuses for rows it could not use has only its usable rows in the Bundle
    // (a refused row is not a record): the Bundle is then planned; every other line is identical.
    const refused = new Set(a.filter((x) => typeof x.error === 'string' && /row\(s\) could not be used|no row could be used/.test(x.error)).map((x) => x.patient_id));
    for (let i = 0; i < a.length; i++) if (!refused.has(a[i].patient_id)) expect(b[i]).toEqual(a[i]);
    if (!file.includes('robustness')) expect(refused.size).toBe(0);
    delete virtual[name];
  }, 120_000);
});

describe('a Bundle written by hand from the spec', () => {
  it('gives the same lines as its CSV (natalizumab IV, SC with finger-prick levels, ocrelizumab with censored counts)', () => {
    const csv = tdm('propose', 'fixtures/fhir/hand-written.csv');
    const json = tdm('propose', 'fixtures/fhir/hand-written.json');
    expect(csv.status).toBe(0);
    expect(json.status).toBe(0);
    expect(json.stdout).toEqual(csv.stdout);
    expect(json.stdout).toHaveLength(3);
    expect(json.stderr).toEqual([
      'info: hand-written.json: 1 other observation ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)',
      'info: hand-written.json: 1 Observation skipped for its status (1 preliminary)',
      'info: hand-written.json: 1 Condition resource ignored',
    ]);
  });
  it('read in another time zone, its UTC times fall on other wall-clock times (the zone matters)', () => {
    const utc = runCli(['propose', 'fixtures/fhir/hand-written.json', '--time-zone', 'UTC'], readInput, { now: () => NOW });
    const csv = tdm('propose', 'fixtures/fhir/hand-written.csv');
    expect(JSON.parse(utc.stdout[0]).last_dose).toBe('2024-05-13T07:00');
    expect(JSON.parse(csv.stdout[0]).last_dose).toBe('2024-05-13T09:00');
  });
  it('predict reads it too', () => {
    const csv = tdm('predict', 'fixtures/fhir/hand-written.csv', '--at', '+5w');
    const json = tdm('predict', 'fixtures/fhir/hand-written.json', '--at', '+5w');
    expect(json.stdout).toEqual(csv.stdout);
  });
});

describe('tdm fhir: the Bundle', () => {
  const r = tdm('fhir', 'fixtures/fhir/hand-written.csv');
  const bundle = JSON.parse(r.stdout[0]) as { type: string; entry: { fullUrl: string; resource: Record<string, unknown> }[] };
  const of = (t: string) => bundle.entry.filter((e) => e.resource.resourceType === t).map((e) => e.resource as Record<string, unknown> & { [k: string]: any }); // eslint-disable-line @typescript-eslint/no-explicit-any
  it('a collection with urn:uuid entries, zone offsets on every time, UCUM units, the laboratory category', () => {
    expect(r.status).toBe(0);
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.every((e) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(e.fullUrl))).toBe(true);
    const times = r.stdout[0].match(/"(?:start|end|effectiveDateTime|recorded|authoredOn|date|timestamp|creation|collectedDateTime)": "([^"]+)"/g)!;
    expect(times.length).toBeGreaterThan(20);
    for (const t of times) expect(t).toMatch(/T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}"$/);
    const quantities = of('Observation').map((o) => o.valueQuantity).filter(Boolean);
    for (const q of quantities) expect(q.system).toBe('http://unitsofmeasure.org');
    const labs = of('Observation').filter((o) => o.code.coding[0].code !== '29463-7');
    for (const o of labs) expect(o.category[0].coding[0].code).toBe('laboratory');
    expect(of('Observation').some((o) => o.valueQuantity?.comparator === '<')).toBe(true);
    expect(of('Patient').map((p) => Object.keys(p).sort())).toEqual([['identifier', 'resourceType'], ['identifier', 'resourceType'], ['identifier', 'resourceType']]);
  });
  it('every resource of the output passes R4 structure validation (@medplum/core), also with the clinic\'s codes written beside', () => {
    expect(validationProblems(bundle as unknown as AnyBundle)).toEqual([]);
    const local = tdm('fhir', 'fixtures/fhir/hand-written.csv', '--level-code', 'urn:oid:2.16.528.1.1007.3.3.1234567|NATA-S', '--natalizumab-code', 'http://snomed.info/sct|414804006');
    expect(local.status).toBe(0);
    expect(local.stdout[0]).toContain('"code": "NATA-S"');
    expect(validationProblems(JSON.parse(local.stdout[0]) as AnyBundle)).toEqual([]);
    const examples = tdm('fhir', 'fixtures/examples/example-patients.csv');
    expect(validationProblems(JSON.parse(examples.stdout[0]) as AnyBundle)).toEqual([]);
  }, 60_000);
  it('one MedicationRequest, DocumentReference (naming the next dose) and Provenance per proposal', () => {
    const lines = tdm('propose', 'fixtures/fhir/hand-written.csv').stdout.map((l) => JSON.parse(l));
    const mrs = of('MedicationRequest'), drs = of('DocumentReference'), pvs = of('Provenance');
    expect([mrs.length, drs.length, pvs.length]).toEqual([3, 3, 3]);
    lines.forEach((line, i) => {
      expect(mrs[i].intent).toBe('proposal');
      expect(mrs[i].dosageInstruction[0].timing.event).toEqual([line.proposal.next_dose]);
      const text = Buffer.from(drs[i].content[0].attachment.data, 'base64').toString('utf8');
      expect(text).toContain(`Next dose: ${line.proposal.next_dose}`);
      expect(text).toContain('Decision aid, not a certified medical device');
      expect(text).toContain(`version ${line.model.version}`);
      if (line.drug === 'natalizumab') {
        expect(mrs[i].dosageInstruction[0].timing.repeat).toEqual({ period: line.proposal.interval_weeks, periodUnit: 'wk' });
        // tdm fhir has no --calibrate (cli.md): its forecasts, as propose's without it, use the published spread, and the note says so.
        expect(text.split('\n').filter((l) => l.startsWith('Forecast spread'))).toEqual(['Forecast spread: the published model\'s allowances (not calibrated on this clinic\'s troughs).']);
        expect(text).toContain(`80 % interval ${line.proposal.predicted_trough_low.toPrecision(3).replace(/\.?0+$/, '')}`);
      } else {
        expect(text).toContain(`Predicted crossing of 10 cells/µL: ${line.proposal.predicted_crossing} (80 % interval ${line.proposal.predicted_crossing_low} to ${line.proposal.predicted_crossing_high})`);
      }
      expect(pvs[i].agent[0].who).toEqual({ type: 'Device', display: 'MS Interval 0.1.0' });
      expect(pvs[i].entity[0].what.identifier.value).toBe(`${line.model.id}@${line.model.version}`);
    });
  });
});

describe('bad input', () => {
  it('bad resources: named on standard error, the patient refused, the other patient answered (exit 1)', () => {
    virtual['b.json'] = JSON.stringify(badBundle());
    const r = tdm('propose', 'b.json');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: b.json: entry 8 Observation/obs-77 valueQuantity.unit "U/L" for a natalizumab level: use ug/mL, mg/L or ng/mL');
    expect(r.stderr).toContain('error: b.json: entry 9 Observation/obs-78 valueQuantity.value "24100" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (24100 ng/mL = 24.1 µg/mL)');
    const lines = r.stdout.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.patient_id)).toEqual(['GOOD-1', 'bad']);
    expect(lines[0].proposal.next_dose).toMatch(/^2024-/);
    expect(lines[1].error).toMatch(/^6 row\(s\) could not be used: b\.json: entry 8 Observation\/obs-77 valueQuantity\.unit "U\/L"/);
    const f = tdm('fhir', 'b.json');
    expect(f.status).toBe(1);
    expect(f.stdout).toHaveLength(1);
    expect(f.stderr.at(-1)).toMatch(/^error: b\.json: patient "bad": 6 row\(s\) could not be used/);
    delete virtual['b.json'];
  });
  it.each([
    ['{"resourceType": "Bundle", "type": "collection", "entry": [', 'error: x.json: not JSON (Unexpected end of JSON input): give a FHIR R4 Bundle in JSON or a TDM CSV'],
    ['{"patients": []}', 'error: x.json: JSON but not FHIR: expected a Bundle (resourceType "Bundle") or a list of resources, each with a resourceType'],
  ])('%s → exit 2, one line', (text, line) => {
    virtual['x.json'] = text;
    for (const cmd of ['propose', 'fhir']) {
      const r = tdm(cmd, 'x.json');
      expect(r).toEqual({ stdout: [], stderr: [line], status: 2 });
    }
    delete virtual['x.json'];
  });
  it('tdm fhir takes no --calibrate (cli.md: the option goes with propose): a usage error, exit 2', () => {
    const r = tdm('fhir', 'fixtures/fhir/hand-written.csv', '--calibrate');
    expect(r.status).toBe(2);
    expect(r.stderr[0]).toBe('tdm: --calibrate goes with propose');
  });
  it('options: a clinic\'s local lab code is read; a code not written system|code or an unknown zone is a usage error', () => {
    const local = JSON.parse(readFileSync('fixtures/fhir/hand-written.json', 'utf8'));
    for (const e of local.entry) if (e.resource.code?.coding?.[0]?.code === 'natalizumab-serum') e.resource.code.coding = [{ system: 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1', code: 'NATA' }];
    virtual['local.json'] = JSON.stringify(local);
    const without = tdm('propose', 'local.json');
    const withCode = tdm('propose', 'local.json', '--level-code', 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1|NATA');
    expect(withCode.stdout).toEqual(tdm('propose', 'fixtures/fhir/hand-written.csv').stdout);
    expect(without.stdout).not.toEqual(withCode.stdout);
    expect(without.stderr[0]).toBe('info: local.json: 7 other observations ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)');
    expect(tdm('propose', 'local.json', '--level-code', 'NATA').stderr[0]).toBe('tdm: --level-code: code "NATA" is not system|code: write the code system\'s URI, a bar and the code, e.g. http://loinc.org|8116-6 or urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1|12345');
    expect(tdm('propose', 'local.json', '--time-zone', 'Mars/Olympus').stderr[0]).toBe('tdm: --time-zone "Mars/Olympus" is not a time zone: use an IANA name such as Europe/Amsterdam or UTC');
    delete virtual['local.json'];
  });
});
