/**
 * The forecast's spread beyond the posterior (stage 4a): the inter-occasion allowance for
 * clearance. Unmonitored: the population's ω_IOV, the history one occasion; monitored (troughs
 * before each of the latest infusions, agreeing with the model): the patient's own, smaller
 * allowance (uncertainty.ts: forecastIov). This is the one place the forecast's IOV is set: a
 * spread calibrated from a clinic's own troughs would replace it here.
 */
import type { Analysis } from '../analysis';
import { monitoring } from '../monitoring';
import { forecastIov } from '../uncertainty';
import type { Guards, Spread } from './types';

/**
 * `calibratedIov`: the clinic's calibrated spread for this patient (NatalizumabOptions.iovCl), if
 * any; `scale`: the calibrated scale of the whole log-spread (NatalizumabOptions.spreadScale).
 */
export function spread(a: Analysis, g: Guards, calibratedIov?: number, scale = 1): Spread {
  const mon = monitoring(a, g.residuals.map((r) => (r.censored ? NaN : r.standardised)));
  const { iov, occasions } = forecastIov(mon, calibratedIov);
  return { monitoring: mon, iov, occasions, scale };
}
