/**
 * Clinic settings and per-patient overrides. Both are partial engine options: a field left
 * empty means "the engine's documented default", so the app and the CLI resolve defaults in one
 * place (the core) and cannot disagree. The effective settings of a patient are the clinic's
 * with the patient's overrides on top; they go to the engine and to the proposal card.
 */
import type { EngineSettings } from '../../core/engine';
import type { NatalizumabOptions, OcrelizumabOptions } from '../../core/report/types';
import { settingsProblemText, type SettingsProblem } from './session-problems';

export type ClinicSettings = EngineSettings;
export type PatientOverrides = EngineSettings;

export const EMPTY_SETTINGS: EngineSettings = { natalizumab: {}, ocrelizumab: {} };

/** The core's documented defaults (report/types.ts @default tags), shown as placeholders only. */
export const SHOWN_DEFAULTS = {
  natalizumab: { target: 10, probability: 0.9, maxIntervalWeeks: 8, standardIntervalWeeks: 4, infusionWeekday: null },
  ocrelizumab: { threshold: 10, labLimit: 1, firstCountWeek: 24, countEveryWeeks: 4, maxWeeks: 52, redoseQuantile: 0.5, countQuantile: 0.1 },
} as const;

/** The settings the user can change, with their limits (used by the forms and by restore). */
export const NAT_FIELDS = ['target', 'probability', 'maxIntervalWeeks', 'infusionWeekday'] as const;
export const OCR_FIELDS = ['threshold', 'labLimit', 'firstCountWeek', 'countEveryWeeks', 'maxWeeks', 'redoseQuantile', 'countQuantile'] as const;
/** How the next natalizumab trough is planned to be drawn (`capillary`: a home finger-prick); not a number. */
export const SAMPLE_VALUES = ['venous', 'capillary'] as const;
/** Fractions entered and shown as percentages. */
export const PERCENT_FIELDS: readonly string[] = ['probability', 'redoseQuantile', 'countQuantile'];
export type NatField = (typeof NAT_FIELDS)[number];
export type OcrField = (typeof OCR_FIELDS)[number];

export const LIMITS: Record<NatField | OcrField, { min: number; max: number; step: number }> = {
  target: { min: 0.5, max: 100, step: 0.5 },
  probability: { min: 0.5, max: 0.99, step: 0.01 },
  maxIntervalWeeks: { min: 4, max: 12, step: 1 },
  infusionWeekday: { min: 0, max: 6, step: 1 },
  threshold: { min: 1, max: 200, step: 1 },
  labLimit: { min: 0.01, max: 20, step: 0.01 },
  firstCountWeek: { min: 4, max: 52, step: 1 },
  countEveryWeeks: { min: 1, max: 26, step: 1 },
  maxWeeks: { min: 22, max: 104, step: 1 },
  redoseQuantile: { min: 0.05, max: 0.95, step: 0.01 },
  countQuantile: { min: 0.01, max: 0.95, step: 0.01 },
};

function clean<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!o) return out;
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '' && !(typeof v === 'number' && !Number.isFinite(v))) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Clinic settings with the patient's overrides on top (undefined fields fall through). */
export function effectiveSettings(clinic: EngineSettings, overrides?: EngineSettings | null): EngineSettings {
  return {
    natalizumab: { ...clean<Partial<NatalizumabOptions>>(clinic.natalizumab), ...clean<Partial<NatalizumabOptions>>(overrides?.natalizumab) },
    ocrelizumab: { ...clean<Partial<OcrelizumabOptions>>(clinic.ocrelizumab), ...clean<Partial<OcrelizumabOptions>>(overrides?.ocrelizumab) },
  };
}

/** Whether an override set changes anything. */
export function hasOverrides(o?: EngineSettings | null): boolean {
  return !!o && (Object.keys(clean(o.natalizumab)).length > 0 || Object.keys(clean(o.ocrelizumab)).length > 0);
}

/** Check a settings object read from a file; returns a cleaned copy or an error message. */
/** Longest reason for a personal target read from a file (characters). */
export const TARGET_REASON_MAX = 500;

export function checkSettings(value: unknown): { settings: EngineSettings } | { error: string; problem: SettingsProblem } {
  const fail = (problem: SettingsProblem) => ({ error: settingsProblemText(problem), problem });
  if (value === undefined || value === null) return { settings: { natalizumab: {}, ocrelizumab: {} } };
  if (typeof value !== 'object') return fail({ code: 'settings-not-object' });
  const v = value as Record<string, unknown>;
  const out: EngineSettings = { natalizumab: {}, ocrelizumab: {} };
  for (const [drug, fields] of [['natalizumab', NAT_FIELDS], ['ocrelizumab', OCR_FIELDS]] as const) {
    const src = v[drug];
    if (src === undefined) continue;
    if (typeof src !== 'object' || src === null) return fail({ code: 'settings-drug-not-object', drug });
    if (drug === 'natalizumab') {
      const s = (src as Record<string, unknown>).nextTroughSample;
      if (s !== undefined) {
        if (typeof s !== 'string' || !(SAMPLE_VALUES as readonly string[]).includes(s)) return fail({ code: 'settings-sample' });
        out.natalizumab.nextTroughSample = s as 'venous' | 'capillary';
      }
      // The clinician's reason for a personal target (issue 19): kept through backups.
      const r = (src as Record<string, unknown>).targetReason;
      if (r !== undefined) {
        if (typeof r !== 'string' || r.trim() === '' || r.length > TARGET_REASON_MAX) return fail({ code: 'settings-reason', max: TARGET_REASON_MAX });
        out.natalizumab.targetReason = r;
      }
    }
    for (const f of fields) {
      const x = (src as Record<string, unknown>)[f];
      if (x === undefined) continue;
      if (f === 'infusionWeekday' && x === null) { (out.natalizumab as Record<string, unknown>)[f] = null; continue; }
      const lim = LIMITS[f];
      if (typeof x !== 'number' || !Number.isFinite(x) || x < lim.min || x > lim.max) {
        return fail({ code: 'settings-range', drug, field: f, min: lim.min, max: lim.max });
      }
      (out[drug] as Record<string, unknown>)[f] = x;
    }
  }
  return { settings: out };
}

/** Settings with the documented defaults filled in where nothing is set (for showing only). */
export function withShownDefaults(s: EngineSettings): EngineSettings {
  const e = effectiveSettings(s);
  return {
    natalizumab: { ...SHOWN_DEFAULTS.natalizumab, ...e.natalizumab },
    ocrelizumab: { ...SHOWN_DEFAULTS.ocrelizumab, ...e.ocrelizumab },
  };
}
