/**
 * The table of messages: each bad input with the exact text the reader gives (word for word),
 * its code, severity, column and value, and whether the row is still used.
 */
import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../src/core/records/index';
import { issueText } from '../../../src/i18n/sentences';
import { BCELL_MAX, LEVEL_MAX, WEIGHT_ACCEPTED, WEIGHT_MODEL_RANGE } from '../../../src/core/records/plausible';

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const NAT_DOSE = 'NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,'; // line 2 when first
const OCR_DOSE = 'OCR-001,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,';

interface Case {
  name: string;
  rows: string[];
  message: string;
  code: string;
  severity?: 'error' | 'warning';
  column?: string;
  value?: string;
  header?: string;
}

const ERRORS: Case[] = [
  { name: 'negative level', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,-3,ug/mL,,,'],
    message: 'p.csv:3: value "-3" for a level must be 0 or more', code: 'value_negative', column: 'value', value: '-3' },
  { name: 'negative bcell', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,bcell,2024-07-08,-2,cells/uL,,,'],
    message: 'p.csv:3: value "-2" for a bcell must be 0 or more', code: 'value_negative', column: 'value', value: '-2' },
  { name: 'negative dose', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,-300,mg,iv,60,'],
    message: 'p.csv:2: value "-300" for a dose must be more than 0', code: 'value_negative', column: 'value', value: '-300' },
  { name: 'zero dose', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,0,mg,iv,60,'],
    message: 'p.csv:2: value "0" for a dose must be more than 0', code: 'value_zero', column: 'value', value: '0' },
  { name: 'zero weight', rows: ['NAT-001,natalizumab,weight,2024-01-08,0,kg,,,'],
    message: 'p.csv:2: value "0" for a weight must be more than 0', code: 'value_zero', column: 'value', value: '0' },
  { name: 'level of exactly 0', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,0,ug/mL,,,'],
    message: 'p.csv:3: value "0" for a level must be more than 0, or written as <x for a result below the lab\'s limit x (e.g. <1)',
    code: 'value_zero_level', column: 'value', value: '0' },
  { name: 'non-numeric level', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,abc,ug/mL,,,'],
    message: 'p.csv:3: value "abc" for a level is not a number: write a number such as 24.1, or <x for a result below the lab\'s limit x',
    code: 'value_not_number', column: 'value', value: 'abc' },
  { name: 'decimal comma in a comma file', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,"24,1",ug/mL,,,'],
    message: 'p.csv:3: value "24,1" for a level is not a number: write a number such as 24.1, or <x for a result below the lab\'s limit x',
    code: 'value_not_number', column: 'value', value: '24,1' },
  { name: 'non-numeric bcell', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,bcell,2024-07-08,n.d.,cells/uL,,,'],
    message: 'p.csv:3: value "n.d." for a bcell is not a number: write a number such as 3, or <x for a count below the lab\'s limit x',
    code: 'value_not_number', column: 'value', value: 'n.d.' },
  { name: 'non-numeric dose', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,300mg,mg,iv,60,'],
    message: 'p.csv:2: value "300mg" for a dose is not a number: write the amount in mg, such as 300', code: 'value_not_number', column: 'value', value: '300mg' },
  { name: 'non-numeric weight', rows: ['NAT-001,natalizumab,weight,2024-01-08,seventy,kg,,,'],
    message: 'p.csv:2: value "seventy" for a weight is not a number: write the weight in kg, such as 71.5', code: 'value_not_number', column: 'value', value: 'seventy' },
  { name: 'upper-censored level', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,>100,ug/mL,,,'],
    message: 'p.csv:3: value ">100" for a level is not a number: write a number such as 24.1, or <x for a result below the lab\'s limit x',
    code: 'value_not_number', column: 'value', value: '>100' },
  { name: 'empty value', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,,ug/mL,,,'],
    message: 'p.csv:3: value for a level is empty: write a number such as 24.1, or <x for a result below the lab\'s limit x', code: 'value_empty', column: 'value', value: '' },
  { name: 'censored dose', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,<300,mg,iv,60,'],
    message: 'p.csv:2: value "<300" for a dose cannot be written as <x: only a level or bcell result can be below a lab\'s limit',
    code: 'value_censored_not_allowed', column: 'value', value: '<300' },
  { name: 'censored at zero', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,<0,ug/mL,,,'],
    message: 'p.csv:3: value "<0" for a level: the limit after < must be more than 0', code: 'value_censored_limit', column: 'value', value: '<0' },
  { name: 'censored with no number', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,bcell,2024-07-08,<,cells/uL,,,'],
    message: 'p.csv:3: value "<" for a bcell is not a number: write a number such as 3, or <x for a count below the lab\'s limit x',
    code: 'value_not_number', column: 'value', value: '<' },
  { name: 'level unit in the wrong case', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,24.1,ug/ml,,,'],
    message: 'p.csv:3: unit "ug/ml" is not accepted for a level: use ug/mL, µg/mL, mg/L or ng/mL', code: 'unit_unknown', column: 'unit', value: 'ug/ml' },
  { name: 'bcell unit for a level', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,24.1,cells/uL,,,'],
    message: 'p.csv:3: unit "cells/uL" is not accepted for a level: use ug/mL, µg/mL, mg/L or ng/mL', code: 'unit_unknown', column: 'unit', value: 'cells/uL' },
  { name: 'unknown bcell unit', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,bcell,2024-07-08,3,cells/mL,,,'],
    message: 'p.csv:3: unit "cells/mL" is not accepted for a bcell: use cells/uL, cells/µL, /uL, 10^6/L or 10^9/L', code: 'unit_unknown', column: 'unit', value: 'cells/mL' },
  { name: 'dose in grams', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,0.3,g,iv,60,'],
    message: 'p.csv:2: unit "g" is not accepted for a dose: use mg', code: 'unit_unknown', column: 'unit', value: 'g' },
  { name: 'weight in pounds', rows: ['NAT-001,natalizumab,weight,2024-01-08,160,lb,,,'],
    message: 'p.csv:2: unit "lb" is not accepted for a weight: use kg', code: 'unit_unknown', column: 'unit', value: 'lb' },
  { name: 'empty unit', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,24.1,,,,'],
    message: 'p.csv:3: unit is empty: a level needs ug/mL, µg/mL, mg/L or ng/mL', code: 'unit_empty', column: 'unit', value: '' },
  { name: 'unknown kind', rows: [NAT_DOSE, 'NAT-001,natalizumab,trough,2024-02-05T08:45,24.1,ug/mL,,,'],
    message: 'p.csv:3: kind "trough" is not known: use dose, level, bcell, weight or wearing_off', code: 'kind_unknown', column: 'kind', value: 'trough' },
  { name: 'empty kind', rows: [NAT_DOSE, 'NAT-001,natalizumab,,2024-02-05T08:45,24.1,ug/mL,,,'],
    message: 'p.csv:3: kind is empty: use dose, level, bcell, weight or wearing_off', code: 'kind_empty', column: 'kind', value: '' },
  { name: 'unknown drug (a brand name)', rows: ['NAT-001,tysabri,dose,2024-01-08T09:00,300,mg,iv,60,'],
    message: 'p.csv:2: drug "tysabri" is not known: use natalizumab or ocrelizumab', code: 'drug_unknown', column: 'drug', value: 'tysabri' },
  { name: 'empty drug', rows: ['NAT-001,,dose,2024-01-08T09:00,300,mg,iv,60,'],
    message: 'p.csv:2: drug is empty: use natalizumab or ocrelizumab', code: 'drug_empty', column: 'drug', value: '' },
  { name: 'unknown route', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,im,60,'],
    message: 'p.csv:2: route "im" is not known: use iv or sc (or leave it empty for iv)', code: 'route_unknown', column: 'route', value: 'im' },
  { name: 'duration not a number', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,1h,'],
    message: 'p.csv:2: duration_min "1h" must be a number of minutes from 0 to 1440 (or empty for the default)', code: 'duration_invalid', column: 'duration_min', value: '1h' },
  { name: 'negative duration', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,-60,'],
    message: 'p.csv:2: duration_min "-60" must be a number of minutes from 0 to 1440 (or empty for the default)', code: 'duration_invalid', column: 'duration_min', value: '-60' },
  { name: 'duration over a day', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,2000,'],
    message: 'p.csv:2: duration_min "2000" must be a number of minutes from 0 to 1440 (or empty for the default)', code: 'duration_invalid', column: 'duration_min', value: '2000' },
  { name: 'impossible date', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-30,24.1,ug/mL,,,'],
    message: 'p.csv:3: time "2024-02-30" is not a valid date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30',
    code: 'time_invalid', column: 'time', value: '2024-02-30' },
  { name: 'day-month-year date', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,05-02-2024,24.1,ug/mL,,,'],
    message: 'p.csv:3: time "05-02-2024" is not a valid date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30',
    code: 'time_invalid', column: 'time', value: '05-02-2024' },
  { name: 'impossible hour', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T25:00,24.1,ug/mL,,,'],
    message: 'p.csv:3: time "2024-02-05T25:00" is not a valid date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30',
    code: 'time_invalid', column: 'time', value: '2024-02-05T25:00' },
  { name: 'empty time', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,,24.1,ug/mL,,,'],
    message: 'p.csv:3: time is empty: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30', code: 'time_empty', column: 'time', value: '' },
  { name: 'natalizumab level before the first dose', rows: ['NAT-001,natalizumab,level,2024-01-01,24.1,ug/mL,,,', NAT_DOSE],
    message: 'p.csv:2: level on 2024-01-01T09:00 is dated before this patient\'s first natalizumab dose (2024-01-08T09:00, line 3): check the date, or add the earlier doses',
    code: 'level_before_dose', column: 'time', value: '2024-01-01T09:00' },
  { name: 'two doses at the same time', rows: [NAT_DOSE, 'NAT-001,natalizumab,dose,2024-01-08,300,mg,iv,60,'],
    message: 'p.csv:3: a second dose at 2024-01-08T09:00 for this patient (the first is on line 2): two doses cannot start at the same time; remove the duplicate or correct the time',
    code: 'dose_duplicate', column: 'time', value: '2024-01-08' },
  { name: 'a patient with two drugs', rows: [NAT_DOSE, 'NAT-001,ocrelizumab,dose,2024-07-08T09:00,600,mg,iv,210,'],
    message: 'p.csv:3: drug "ocrelizumab" differs from this patient\'s drug natalizumab (line 2): one patient_id takes one drug; give the other drug\'s rows another patient_id',
    code: 'drug_mismatch', column: 'drug', value: 'ocrelizumab' },
  { name: 'empty patient_id', rows: [NAT_DOSE, ',natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,'],
    message: 'p.csv:3: patient_id is empty: every row needs the patient\'s pseudonymous id', code: 'patient_id_empty', column: 'patient_id', value: '' },
  { name: 'patient_id with a line break', rows: [NAT_DOSE, '"NAT-\n001",natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,'],
    message: 'p.csv:3: patient_id must not contain a line break', code: 'patient_id_line_break', column: 'patient_id', value: 'NAT-\n001' },
  // Sense checks (plausible.ts): impossible values, most likely a unit or typing mistake.
  { name: 'a level in ng/mL entered as ug/mL', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,25000,ug/mL,,,'],
    message: 'p.csv:3: value "25000" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (25000 ng/mL = 25 µg/mL)',
    code: 'level_implausible', column: 'value', value: '25000' },
  { name: 'a level just above the bound, in mg/L', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,500.5,mg/L,,,'],
    message: 'p.csv:3: value "500.5" mg/L for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (500.5 ng/mL = 0.5005 µg/mL)',
    code: 'level_implausible', column: 'value', value: '500.5' },
  { name: 'a censored level above the bound', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,<1000,ug/mL,,,'],
    message: 'p.csv:3: value "<1000" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (<1000 ng/mL = 1 µg/mL)',
    code: 'level_implausible', column: 'value', value: '<1000' },
  { name: 'a level in ng/mL above the bound', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,900000,ng/mL,,,'],
    message: 'p.csv:3: value "900000" ng/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL = 500000 ng/mL): check the value',
    code: 'level_implausible', column: 'value', value: '900000' },
  { name: 'a count in cells/uL entered as 10^9/L', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,bcell,2024-07-08,50,10^9/L,,,'],
    message: 'p.csv:3: value "50" 10^9/L for a bcell is more B cells than blood holds (at most 5000 cells/µL = 5 × 10^9/L): the value may be in cells/µL; if so, choose the unit cells/uL (50 cells/µL = 0.05 × 10^9/L)',
    code: 'bcell_implausible', column: 'value', value: '50' },
  { name: 'a count above what blood holds', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,bcell,2024-07-08,5001,cells/uL,,,'],
    message: 'p.csv:3: value "5001" cells/uL for a bcell is more B cells than blood holds (at most 5000 cells/µL): check the value',
    code: 'bcell_implausible', column: 'value', value: '5001' },
  { name: 'a weight no adult has', rows: [NAT_DOSE, 'NAT-001,natalizumab,weight,2024-01-08,820,kg,,,'],
    message: 'p.csv:3: weight of 820 kg is not an adult\'s weight: write the weight in kg, from 20 to 300', code: 'weight_implausible', column: 'value', value: '820' },
  { name: 'a weight below 20 kg (ocrelizumab too)', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,weight,2024-01-08,8.2,kg,,,'],
    message: 'p.csv:3: weight of 8.2 kg is not an adult\'s weight: write the weight in kg, from 20 to 300', code: 'weight_implausible', column: 'value', value: '8.2' },
  { name: 'a quoted thousands separator in a comma file', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,"1,000",ng/mL,,,'],
    message: 'p.csv:3: value "1,000" for a level is ambiguous: "," may separate thousands or be a decimal mark; write 1000 (without a thousands separator) or 1 (if "," was the decimal mark)',
    code: 'value_grouping', column: 'value', value: '1,000' },
  { name: 'an unquoted comma', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,24,1,ug/mL,,,'],
    message: 'p.csv:3: the line has 10 fields but the header has 9: a value containing "," must be in double quotes', code: 'row_fields' },
  { name: 'an unclosed quote', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,"trough', 'NAT-001,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,'],
    message: 'p.csv:3: a quoted field is not closed: the rest of the file was read as one field; close the " (write "" for a quote inside a quoted field)',
    code: 'csv_quotes_unclosed' },
];

const WARNINGS: Case[] = [
  { name: 'natalizumab doses 30 minutes apart', rows: [NAT_DOSE, 'NAT-001,natalizumab,dose,2024-01-08T09:30,300,mg,iv,60,'],
    message: 'p.csv:3: natalizumab dose on 2024-01-08T09:30 is only 0.02 days after the previous one (2024-01-08T09:00, line 2): used as written; check the dates',
    code: 'doses_close', column: 'time', value: '2024-01-08T09:30' },
  { name: 'two 600 mg ocrelizumab doses 2 weeks apart', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,dose,2024-01-22T09:00,600,mg,iv,210,'],
    message: 'p.csv:3: ocrelizumab dose on 2024-01-22T09:00 is only 14 days after the previous one (2024-01-08T09:00, line 2): used as written; check the dates',
    code: 'doses_close', column: 'time', value: '2024-01-22T09:00' },
  { name: 'two levels at one time with different values', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,20,ug/mL,,,', 'NAT-001,natalizumab,level,2024-02-05T08:45,30,ug/mL,,,'],
    message: 'p.csv:4: two levels at 2024-02-05T08:45 (the other is on line 3) with different values: both are used; check whether one is a mistake',
    code: 'sample_duplicate', column: 'time', value: '2024-02-05T08:45' },
  { name: 'natalizumab dose far from 300 mg', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,600,mg,iv,60,'],
    message: 'p.csv:2: natalizumab dose of 600 mg is far from the usual 300 mg (expected 150-450 mg): used as written; check it',
    code: 'dose_unusual_natalizumab', column: 'value', value: '600' },
  { name: 'natalizumab dose of 100 mg', rows: ['NAT-001,natalizumab,dose,2024-01-08T09:00,100,mg,iv,60,'],
    message: 'p.csv:2: natalizumab dose of 100 mg is far from the usual 300 mg (expected 150-450 mg): used as written; check it',
    code: 'dose_unusual_natalizumab', column: 'value', value: '100' },
  { name: 'ocrelizumab dose over 600 mg', rows: ['OCR-001,ocrelizumab,dose,2024-01-08T09:00,920,mg,sc,,'],
    message: 'p.csv:2: ocrelizumab dose of 920 mg is outside the usual 300-600 mg: used as written; check it',
    code: 'dose_unusual_ocrelizumab', column: 'value', value: '920' },
  { name: 'ocrelizumab dose under 300 mg', rows: ['OCR-001,ocrelizumab,dose,2024-01-08T09:00,150,mg,iv,,'],
    message: 'p.csv:2: ocrelizumab dose of 150 mg is outside the usual 300-600 mg: used as written; check it',
    code: 'dose_unusual_ocrelizumab', column: 'value', value: '150' },
  { name: 'natalizumab weight above the model\'s range', rows: [NAT_DOSE, 'NAT-001,natalizumab,weight,2024-01-08,160,kg,,,'],
    message: 'p.csv:3: weight of 160 kg is outside 40–150 kg, the range the natalizumab model was built on: used as written; predictions are extrapolated', code: 'weight_unusual', column: 'value', value: '160' },
  { name: 'natalizumab weight below the model\'s range', rows: [NAT_DOSE, 'NAT-001,natalizumab,weight,2024-01-08,39.5,kg,,,'],
    message: 'p.csv:3: weight of 39.5 kg is outside 40–150 kg, the range the natalizumab model was built on: used as written; predictions are extrapolated', code: 'weight_unusual', column: 'value', value: '39.5' },
  { name: 'route on a level', rows: [NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,iv,,'],
    message: 'p.csv:3: route "iv" is only read for doses: ignored on a level row', code: 'route_ignored', column: 'route', value: 'iv' },
  { name: 'duration on a weight', rows: [NAT_DOSE, 'NAT-001,natalizumab,weight,2024-01-08,70,kg,,60,'],
    message: 'p.csv:3: duration_min "60" is only read for doses: ignored on a weight row', code: 'duration_ignored', column: 'duration_min', value: '60' },
  { name: 'a level for an ocrelizumab patient', rows: [OCR_DOSE, 'OCR-001,ocrelizumab,level,2024-02-05,12,ug/mL,,,'],
    message: 'p.csv:3: a level row for an ocrelizumab patient is kept but not used: the ocrelizumab forecast reads bcell counts', code: 'kind_unused', column: 'kind', value: 'level' },
  { name: 'a bcell count for a natalizumab patient', rows: [NAT_DOSE, 'NAT-001,natalizumab,bcell,2024-02-05,250,cells/uL,,,'],
    message: 'p.csv:3: a bcell row for a natalizumab patient is kept but not used: the natalizumab model reads levels', code: 'kind_unused', column: 'kind', value: 'bcell' },
];

function parse(rows: string[], header = HEADER) {
  return parseTdmCsv([header, ...rows].join('\n') + '\n', 'p.csv');
}

describe('messages: the sense limits sit exactly at their documented values', () => {
  const levelOk = (v: string, unit = 'ug/mL') => parse([NAT_DOSE, `NAT-001,natalizumab,level,2024-02-05T08:45,${v},${unit},,,`]).issues.filter((i) => i.severity === 'error').length === 0;
  it('a level of 500 µg/mL (= 500000 ng/mL) is kept, 500.01 refused', () => {
    expect(LEVEL_MAX.value).toBe(500);
    expect([levelOk('500'), levelOk('500000', 'ng/mL'), levelOk('500.01'), levelOk('500001', 'ng/mL')]).toEqual([true, true, false, false]);
  });
  it('a count of 5000 cells/µL (= 5 × 10^9/L) is kept, more refused', () => {
    const ok = (v: string, unit: string) => parse([OCR_DOSE, `OCR-001,ocrelizumab,bcell,2024-07-08,${v},${unit},,,`]).issues.filter((i) => i.severity === 'error').length === 0;
    expect(BCELL_MAX.value).toBe(5000);
    expect([ok('5000', 'cells/uL'), ok('5', '10^9/L'), ok('5000.5', 'cells/uL'), ok('5.001', '10^9/L')]).toEqual([true, true, false, false]);
  });
  it('weights from 20 to 300 kg are kept; 40–150 kg without a warning (natalizumab)', () => {
    const codes = (kg: string, drugRow = NAT_DOSE) => parse([drugRow, `${drugRow.split(',')[0]},${drugRow.split(',')[1]},weight,2024-01-08,${kg},kg,,,`]).issues.map((i) => i.code);
    expect([WEIGHT_ACCEPTED.min, WEIGHT_ACCEPTED.max, WEIGHT_MODEL_RANGE.min, WEIGHT_MODEL_RANGE.max]).toEqual([20, 300, 40, 150]);
    expect(['19.9', '20', '39.9', '40', '150', '150.1', '300', '300.1'].map((kg) => codes(kg))).toEqual([
      ['weight_implausible'], ['weight_unusual'], ['weight_unusual'], [], [], ['weight_unusual'], ['weight_unusual'], ['weight_implausible'],
    ]);
    expect(codes('160', OCR_DOSE)).toEqual([]); // the ocrelizumab model does not use weight
  });
});

describe('messages: options the app passes (today, typed values)', () => {
  const withOpts = (rows: string[], opts: { today?: string; typed?: boolean }) => parseTdmCsv([HEADER, ...rows].join('\n') + '\n', 'entry', opts);
  it('refuses a result dated after today, on the time field, and keeps today\'s', () => {
    const r = withOpts([NAT_DOSE, 'NAT-001,natalizumab,level,2026-12-03,20,ug/mL,,,', 'NAT-001,natalizumab,level,2026-12-02T23:59,20,ug/mL,,,'], { today: '2026-12-02' });
    expect(r.issues.map((i) => [i.code, i.column, i.message])).toEqual([['time_future', 'time',
      'entry:3: time "2026-12-03" is after today (2026-12-02): the record holds what happened; a planned dose or lab belongs in the proposal']]);
    expect(r.patients[0].levels.map((l) => l.iso)).toEqual(['2026-12-02T23:59']);
  });
  it('refuses a dose dated after today', () => {
    const r = withOpts(['NAT-001,natalizumab,dose,2027-01-04T09:00,300,mg,iv,60,'], { today: '2026-12-02' });
    expect(r.issues.map((i) => i.message)).toEqual([
      'entry:2: time "2027-01-04T09:00" is after today (2026-12-02): the record holds what happened; a planned dose or lab belongs in the proposal']);
    expect(r.patients).toEqual([]);
  });
  it('without today (the CLI), a later row is kept', () => {
    expect(parse([NAT_DOSE, 'NAT-001,natalizumab,level,2099-02-05,20,ug/mL,,,']).issues).toEqual([]);
  });
  it('a time outside the years 1900–2199 is refused on the time field, with or without today; the years at each end are kept', () => {
    const rows = ['1899-12-31T23:59', '1900-01-01T00:00', '2199-12-31T23:59', '2200-01-01T00:00', '9999-11-01T09:00'].map((t) => `NAT-001,natalizumab,dose,${t},300,mg,iv,60,`);
    const r = parse(rows);
    expect(r.issues.map((i) => [i.code, i.column, i.line])).toEqual([['time_years', 'time', 2], ['time_years', 'time', 5], ['time_years', 'time', 6]]);
    expect(r.issues[0].message).toBe('p.csv:2: time "1899-12-31T23:59" is not in the years 1900–2199 a record can hold: check the year');
    expect(issueText(r.issues[2], 'nl')).toBe('p.csv:6: datum "01-11-9999 09:00" valt niet in de jaren 1900–2199 die een dossier kan bevatten: controleer het jaar');
    expect(r.patients[0].doses.map((d) => d.iso)).toEqual(['1900-01-01T00:00', '2199-12-31T23:59']);
    // With today (the app), a time after today is said once, as after today.
    expect(withOpts(['NAT-001,natalizumab,dose,2999-01-01T09:00,300,mg,iv,60,'], { today: '2026-12-02' }).issues.map((i) => i.code)).toEqual(['time_future']);
  });
  it('typed values: 1,000 and 1.000 are refused with what to type instead; 1,5 and 0,500 are read', () => {
    const r = withOpts([NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05,"1,000",ug/mL,,,', 'NAT-001,natalizumab,level,2024-03-05,<1.000,ug/mL,,,',
      'NAT-001,natalizumab,level,2024-04-05,12.500,ug/mL,,,', 'NAT-001,natalizumab,level,2024-05-05,0.500,ug/mL,,,'], { typed: true });
    expect(r.issues.map((i) => i.message)).toEqual([
      'entry:3: value "1,000" for a level is ambiguous: "," may separate thousands or be a decimal mark; write 1000 (without a thousands separator) or 1 (if "," was the decimal mark)',
      'entry:4: value "<1.000" for a level is ambiguous: "." may separate thousands or be a decimal mark; write <1000 (without a thousands separator) or <1 (if "." was the decimal mark)',
      'entry:5: value "12.500" for a level is ambiguous: "." may separate thousands or be a decimal mark; write 12500 (without a thousands separator) or 12.5 (if "." was the decimal mark)',
    ]);
    expect(r.patients[0].levels.map((l) => l.value)).toEqual([0.5]);
  });
  it('refuses a today that is not a date', () => {
    expect(() => withOpts([NAT_DOSE], { today: '02-12-2026' })).toThrow('today must be YYYY-MM-DD, got 02-12-2026');
  });
});

describe('messages: code and params say the same as the text', () => {
  it('every issue carries its named params, and the catalog renders them back to the text, in English and Dutch', () => {
    const r = parse([NAT_DOSE, 'NAT-001,natalizumab,level,2024-02-05T08:45,25000,ug/mL,,,', 'NAT-001,natalizumab,dose,2024-01-09T09:00,300,mg,iv,60,']);
    for (const i of r.issues) expect(issueText(i, 'en')).toBe(i.message);
    expect(r.issues.map((i) => [i.code, i.params])).toEqual([
      ['level_implausible', { context: 'other', value: '25000', unit: 'ug/mL', max: 500, converted: '25' }],
      ['doses_close', { drug: 'natalizumab', time: '2024-01-09T09:00', days: '1', previous: '2024-01-08T09:00', previousLine: 2 }],
    ]);
    expect(r.issues.map((i) => issueText(i, 'nl'))).toEqual([
      'p.csv:3: waarde "25000" µg/mL van een spiegel is hoger dan een natalizumabgift kan geven (hoogstens 500 µg/mL): misschien is de waarde in ng/mL; kies dan de eenheid ng/mL (25000 ng/mL = 25 µg/mL)',
      'p.csv:4: natalizumabgift op 09-01-2024 09:00 is maar 1 dagen na de vorige (08-01-2024 09:00, regel 2): gebruikt zoals ingevoerd; controleer de datums',
    ]);
  });
});

describe('messages: every refused row, word for word', () => {
  it.each(ERRORS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = parse(c.rows, c.header);
    expect(r.fatal).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => i.message)).toEqual([c.message]);
    const issue = errors[0];
    expect(issue.code).toBe(c.code);
    expect(issue.file).toBe('p.csv');
    expect(issue.line).toBe(Number(/^p\.csv:(\d+):/.exec(c.message)![1]));
    expect(issue.column).toBe(c.column);
    expect(issue.value).toBe(c.value);
    // The refused row is not used: no event of that patient carries its line.
    const used = r.patients.flatMap((p) => [...p.doses, ...p.levels, ...p.bcells, ...p.weights].map((e) => e.line));
    expect(used).not.toContain(issue.line);
  });
});

describe('messages: warnings keep the row', () => {
  it.each(WARNINGS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = parse(c.rows, c.header);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.issues.map((i) => i.message)).toEqual([c.message]);
    const issue = r.issues[0];
    expect(issue).toMatchObject({ code: c.code, severity: 'warning', column: c.column, value: c.value, patientId: c.rows[c.rows.length - 1].split(',')[0] });
    const used = r.patients.flatMap((p) => [...p.doses, ...p.levels, ...p.bcells, ...p.weights].map((e) => e.line));
    expect(used).toContain(issue.line);
    expect(r.patients[0].issues).toEqual([issue]);
  });
});

describe('messages: the semicolon dialect', () => {
  const SEMI = HEADER.replace(/,/g, ';');
  it('names the decimal comma in its examples', () => {
    const r = parse(['NAT-001;natalizumab;weight;2024-01-08;heavy;kg;;;'], SEMI);
    expect(r.issues.map((i) => i.message)).toEqual(['p.csv:2: value "heavy" for a weight is not a number: write the weight in kg, such as 71,5']);
  });
  it('refuses a value that may carry a thousands separator', () => {
    const r = parse(['OCR-001;ocrelizumab;dose;2024-01-08T09:00;600;mg;iv;210;', 'OCR-001;ocrelizumab;bcell;2024-07-08;1.000;cells/uL;;;'], SEMI);
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([['value_ambiguous',
      'p.csv:3: value "1.000" for a bcell is ambiguous: in a ;-separated file the decimal mark is "," and "." may separate thousands; write 1,000 or 1000 without thousands separators']]);
  });
  it('names the separator in the field-count message', () => {
    const r = parse(['NAT-001;natalizumab;weight;2024-01-08;70;kg;;;note;more'], SEMI);
    expect(r.issues.map((i) => i.message)).toEqual(['p.csv:2: the line has 10 fields but the header has 9: a value containing ";" must be in double quotes']);
  });
});

describe('messages: the file as a whole', () => {
  const fatal = (text: string) => {
    const r = parseTdmCsv(text, 'p.csv');
    expect(r.fatal).toBe(true);
    expect(r.patients).toEqual([]);
    return r.issues.map((i) => i.message);
  };
  it('refuses binary data', () => {
    expect(fatal('patient_id,drug\u0000\u0000\u0001')).toEqual(['p.csv: not a text file (it contains NUL bytes: binary data or UTF-16 text; save it as "CSV UTF-8")']);
  });
  it('recognises an Excel workbook', () => {
    expect(fatal('PK\u0003\u0004\u0014\u0000\u0006\u0000')).toEqual(['p.csv: not a text file (it is a zip archive, such as an Excel .xlsx workbook: save it as "CSV UTF-8")']);
  });
  it('recognises a PDF', () => {
    expect(fatal('%PDF-1.7\n%\u00e2\u00e3')).toEqual(['p.csv: not a text file (it is a PDF document)']);
  });
  it('refuses an empty file, also one with only a BOM and blank lines', () => {
    const msg = ['p.csv: the file is empty: expected a header line such as patient_id,drug,kind,time,value,unit'];
    expect(fatal('')).toEqual(msg);
    expect(fatal('\uFEFF\r\n\r\n')).toEqual(msg);
  });
  it('refuses a file without a header line', () => {
    expect(fatal(`${NAT_DOSE}\n`)).toEqual([
      'p.csv:1: no header line: the first line must name the columns patient_id, drug, kind, time, value, unit (found "NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,")',
    ]);
  });
  it('names every missing required column', () => {
    expect(fatal('patient_id,drug,kind,time,amount\nNAT-001,natalizumab,dose,2024-01-08,300\n')).toEqual([
      'p.csv:1: unknown column "amount" is kept on export and otherwise ignored',
      'p.csv:1: required column "value" is missing: the header must name patient_id, drug, kind, time, value and unit',
      'p.csv:1: required column "unit" is missing: the header must name patient_id, drug, kind, time, value and unit',
    ]);
  });
  it('refuses a column named twice (in any case)', () => {
    expect(fatal('patient_id,drug,kind,time,value,unit,Value\n')).toEqual([
      'p.csv:1: column "Value" appears more than once: each column may appear once',
    ]);
  });
  it('warns once per unknown column and keeps it', () => {
    const r = parseTdmCsv(`${HEADER},lab,Sample ID\n${NAT_DOSE},Sanquin,S-17\n`, 'p.csv');
    expect(r.fatal).toBe(false);
    expect(r.issues.map((i) => i.message)).toEqual([
      'p.csv:1: unknown column "lab" is kept on export and otherwise ignored',
      'p.csv:1: unknown column "Sample ID" is kept on export and otherwise ignored',
    ]);
    expect(r.extraColumns).toEqual(['lab', 'Sample ID']);
    expect(r.patients[0].doses[0].extra).toEqual({ lab: 'Sanquin', 'Sample ID': 'S-17' });
  });
  it('warns when there are no data rows', () => {
    const r = parseTdmCsv(`${HEADER}\n\n`, 'p.csv');
    expect(r.fatal).toBe(false);
    expect(r.issues.map((i) => [i.severity, i.message])).toEqual([['warning', 'p.csv: no data rows after the header']]);
  });
  it('warns about text that was not UTF-8', () => {
    const r = parseTdmCsv(`${HEADER}\n${NAT_DOSE}\nNAT-001,natalizumab,level,2024-02-05T08:45,24.1,\uFFFDg/mL,,,\n`, 'p.csv');
    expect(r.issues.map((i) => i.message)).toEqual([
      'p.csv: some characters are not valid UTF-8 (shown as \uFFFD): save the file as "CSV UTF-8"',
      'p.csv:3: unit "\uFFFDg/mL" is not accepted for a level: use ug/mL, µg/mL, mg/L or ng/mL',
    ]);
  });
});
