import { describe, expect, it } from 'vitest';
import { erf } from 'mathjs';
import { createRng } from '../../../src/core/random';
import type { TroughScore } from '../../../src/core/natalizumab/track-record';
import { logVarianceAt } from '../../../src/core/natalizumab/track-record';
import { futureClSd } from '../../../src/core/natalizumab/uncertainty';
import { CLINIC_PRIOR_SD_LOG_SCALE, calibrateClinic, coverageAt, patientCalibration, patientSpread, posteriorScale, spreadLogLikelihood } from '../../../src/core/natalizumab/calibration';
import { NATALIZUMAB_FORECAST_UNCERTAINTY as U } from '../../../models/natalizumab-forecast-uncertainty';
import { followCalibration, pooled } from '../../../scripts/calibration-clinic';
import { IOV_WORLD, MODEL_WORLD } from '../../../scripts/simulate-clinic';

const phi = (x: number) => 0.5 * (1 + (erf(x / Math.SQRT2) as number));
const spread = { conc: 0.01, assay: 0.048, sensitivity: 1, occasions: 3, iov: 0.15 };

/** Scores whose log residuals are drawn from the predictive distribution with spread `omega`. */
function scores(n: number, omega: number, seed: number, id = (i: number) => `P${i % 50}`): TroughScore[] {
  const rng = createRng(seed);
  const v = spread.conc + (spread.sensitivity * futureClSd(omega, spread.occasions)) ** 2 + spread.assay;
  return Array.from({ length: n }, (_, i) => {
    const r = Math.sqrt(v) * rng.normal();
    return {
      patientId: id(i), time: i, iso: '', measured: 10 * Math.exp(r), censored: false, capillary: false,
      median: 10, low80: 0, high80: 0, pit: 0.5, inside: [true, Math.abs(r) < 1.28 * Math.sqrt(v), true], logRatio: r, spread: { ...spread },
    };
  });
}

describe('calibration of the inter-occasion spread (empirical Bayes across patients)', () => {
  it('the predictive log-variance: the forecast\'s own parts plus S²·futureClSd(ω)²', () => {
    const s = scores(1, 0, 1)[0];
    expect(logVarianceAt(s, 0.2)).toBeCloseTo(0.01 + futureClSd(0.2, 3) ** 2 + 0.048, 12);
    expect(logVarianceAt(s, 0)).toBeCloseTo(0.058, 12);
  });

  it('the likelihood of a censored trough is Φ(ln(x/median)/√V) (mathjs oracle)', () => {
    const [a, b] = scores(2, 0.1, 2);
    const censored = { ...b, measured: 4, censored: true, logRatio: null };
    const va = logVarianceAt(a, 0.12), vb = logVarianceAt(censored, 0.12);
    const ra = Math.log(a.measured / 10);
    const expected = -0.5 * (Math.log(va) + ra * ra / va) + Math.log(phi(Math.log(0.4) / Math.sqrt(vb)));
    expect(spreadLogLikelihood([a, censored], 0.12)).toBeCloseTo(expected, 9);
  });

  it('many troughs: the spread they show, whether smaller or larger than the published one', () => {
    expect(calibrateClinic(scores(3000, 0.05, 3)).iov).toBeGreaterThan(0.0);
    expect(calibrateClinic(scores(3000, 0.05, 3)).iov).toBeLessThan(0.09);
    const wide = calibrateClinic(scores(3000, 0.25, 4));
    expect(wide.iov).toBeGreaterThan(0.21);
    expect(wide.iov).toBeLessThan(0.29);
    expect(wide.troughs).toBe(3000);
    expect(wide.patients).toBe(50);
    expect(wide.publishedIov).toBe(U.iovCl);
  });

  it('few troughs: shrunk to the published spread (a clinic\'s first weeks keep today\'s allowance)', () => {
    expect(calibrateClinic([]).iov).toBe(U.iovCl);
    const few = calibrateClinic(scores(20, 0, 5));
    expect(few.iov).toBeGreaterThan(0.13);
    expect(few.iov).toBeLessThanOrEqual(0.16);
  });

  it('the calibrated coverage of the scored troughs is near 0.80 when the spread is right, and lower when too narrow', () => {
    const s = scores(3000, 0.25, 6);
    expect(coverageAt(s, 0.25)!).toBeGreaterThan(0.77);
    expect(coverageAt(s, 0.25)!).toBeLessThan(0.83);
    expect(coverageAt(s, 0)!).toBeLessThan(0.74);
    expect(coverageAt([], 0.1)).toBeNull();
  });

  it('a patient gets the clinic\'s spread, wider when the own troughs disagree more, never narrower', () => {
    const clinic = calibrateClinic(scores(3000, 0.1, 7));
    const calm = scores(10, 0, 8, () => 'CALM').map((x) => ({ ...x, measured: 10 * Math.exp(0.01 * Math.sign(x.logRatio!)) }));
    expect(patientSpread(clinic, calm)).toBe(clinic.iov);
    expect(patientSpread(clinic, [])).toBe(clinic.iov);
    const wild = scores(10, 0.6, 9, () => 'WILD');
    expect(patientSpread(clinic, wild)).toBeGreaterThan(clinic.iov + 0.02);
    const c = patientCalibration(clinic, wild);
    expect(c.iovCl).toBe(patientSpread(clinic, wild));
    expect(c.calibration).toMatchObject({ troughs: 3000, clinicIov: clinic.iov, patientTroughs: 10, publishedIov: U.iovCl });
  });
});

describe('calibration through a simulated clinic\'s year (next-trough 80 % coverage of the TRUE trough)', () => {
  it('inter-occasion world (log-SD 0.15 per interval): the calibrated coverage rises well above the published allowances as troughs accumulate', () => {
    const r = followCalibration(IOV_WORLD, 40, 11);
    const late = pooled(r, 4);
    // The published allowances (monitored patients' spread shrunk with their troughs) hold about 0.6.
    expect(late.calibrated).toBeGreaterThan(late.published + 0.05);
    // (Short of 0.80 on this fixed 5–6-weekly schedule: the year-long trial, where the engine sets
    // the intervals, reaches 0.80 — scripts/trial-calibrated.ts.)
    expect(late.calibrated).toBeGreaterThan(0.65);
    expect(r[r.length - 1].iov).toBeGreaterThan(0.12);
  }, 180_000);

  it('model world: the calibrated spread falls below the published one and the coverage stays honest (≥ 0.75)', () => {
    const r = followCalibration(MODEL_WORLD, 40, 12);
    const late = pooled(r, 4);
    expect(r[r.length - 1].iov).toBeLessThan(U.iovCl - 0.03);
    expect(late.calibrated).toBeGreaterThanOrEqual(0.75);
    expect(late.calibrated).toBeLessThanOrEqual(0.97);
  }, 180_000);
});

describe('calibration of the whole forecast\'s width (scale λ of the concentration log-spread, given ω)', () => {
  /** Scores whose log residuals are drawn with V = λ²·(rest + S²·futureClSd(ω)²) + assay. */
  function scaled(n: number, omega: number, lambda: number, seed: number, rest = spread.conc): TroughScore[] {
    const rng = createRng(seed);
    const sp = { ...spread, conc: rest };
    const v = lambda * lambda * (sp.conc + (sp.sensitivity * futureClSd(omega, sp.occasions)) ** 2) + sp.assay;
    return Array.from({ length: n }, (_, i) => {
      const r = Math.sqrt(v) * rng.normal();
      return {
        patientId: `P${i % 50}`, time: i, iso: '', measured: 10 * Math.exp(r), censored: false, capillary: false,
        median: 10, low80: 0, high80: 0, pit: 0.5, inside: [true, true, true], logRatio: r, spread: { ...sp },
      };
    });
  }

  it('the predictive log-variance scales the concentration part by λ², not the assay\'s', () => {
    const s = scaled(1, 0, 1, 1)[0];
    const conc = 0.01 + futureClSd(0.1, 3) ** 2;
    expect(logVarianceAt(s, 0.1, 0.5)).toBeCloseTo(0.25 * conc + 0.048, 12);
    const v = 0.25 * conc + 0.048;
    expect(spreadLogLikelihood([s], 0.1, 0.5)).toBeCloseTo(-0.5 * (Math.log(v) + Math.log(s.measured / 10) ** 2 / v), 12);
  });

  it('many troughs: recovers a scale below 1 and one above 1 (within 0.15)', () => {
    // A wide rest (0.05) against the assay's 0.048, and many troughs: the width is learnt slowly.
    const narrow = posteriorScale(scaled(20000, 0.05, 0.6, 21, 0.05), 0.05, CLINIC_PRIOR_SD_LOG_SCALE);
    expect(narrow).toBeGreaterThan(0.45);
    expect(narrow).toBeLessThan(0.75);
    const wide = posteriorScale(scaled(20000, 0.05, 1.5, 22, 0.05), 0.05, CLINIC_PRIOR_SD_LOG_SCALE);
    expect(wide).toBeGreaterThan(1.35);
    expect(wide).toBeLessThan(1.65);
    // The published width when that is what the troughs show.
    const same = posteriorScale(scaled(20000, 0.05, 1, 25, 0.05), 0.05, CLINIC_PRIOR_SD_LOG_SCALE);
    expect(Math.abs(same - 1)).toBeLessThan(0.1);
  });

  it('few troughs: shrunk to the published widths (λ = 1 with none; near 1 with 20 much narrower ones)', () => {
    expect(calibrateClinic([]).scale).toBe(1);
    expect(posteriorScale([], 0.15, CLINIC_PRIOR_SD_LOG_SCALE)).toBe(1);
    // 20 troughs that alone say 0.4: still more than halfway toward the published width.
    const few = posteriorScale(scaled(20, 0.15, 0.4, 23), 0.15, CLINIC_PRIOR_SD_LOG_SCALE);
    expect(few).toBeGreaterThan(0.7);
    expect(few).toBeLessThanOrEqual(1.1);
    // ... while 20000 such troughs move it all the way.
    expect(posteriorScale(scaled(20000, 0.15, 0.4, 23), 0.15, CLINIC_PRIOR_SD_LOG_SCALE)).toBeLessThan(0.55);
  });

  it('the clinic\'s calibration carries its scale into every patient\'s options and the card\'s description', () => {
    const xs = scaled(3000, 0.1, 1.3, 24);
    const clinic = calibrateClinic(xs);
    expect(clinic.scale).toBe(posteriorScale(xs, clinic.iov, CLINIC_PRIOR_SD_LOG_SCALE));
    expect(clinic.calibratedCover80).toBe(coverageAt(xs, clinic.iov, clinic.scale));
    const c = patientCalibration(clinic, []);
    expect(c.spreadScale).toBe(clinic.scale);
    expect(c.calibration.scale).toBe(clinic.scale);
  });
});
