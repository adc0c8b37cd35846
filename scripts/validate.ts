/**
 * `npm run validate`: scores the engines on the virtual patients in fixtures/validation
 * (copied from shared/validation; definitions in fixtures/validation/README.md).
 * `npm run validate -- --trial`: the year-long adaptive natalizumab trial instead
 * (scripts/trial-natalizumab.ts) in the model world and the inter-occasion world (log-SD 0.15 of
 * clearance per interval) and on the misspecified set; with `--seeds N`, its engine arm over N
 * noise seeds; with `--calibrate`, the engine as `propose --calibrate` runs it, the clinic's track
 * record calibrating the spread each round (scripts/trial-calibrated.ts), in both worlds.
 * `npm run validate -- --synthetic`: natalizumab robustness worlds
 * of this project's own (scripts/synthetic-natalizumab.ts).
 */
import { printNatalizumabValidation } from './validate-natalizumab';
import { printOcrelizumabValidation } from './validate-ocrelizumab';
import { missedGoals, printNatalizumabTrial, printTrialSeeds } from './trial-natalizumab';
import { formatCalibratedTrial, runCalibratedTrial } from './trial-calibrated';
import { printSyntheticWorlds } from './synthetic-natalizumab';

const seedsAt = process.argv.indexOf('--seeds');
if (process.argv.includes('--trial') && seedsAt >= 0) {
  printTrialSeeds(Math.max(1, Number(process.argv[seedsAt + 1]) || 8));
} else if (process.argv.includes('--trial') && process.argv.includes('--calibrate')) {
  console.log('=== Natalizumab trial with propose --calibrate (the clinic\'s track record calibrates the spread before each round of visits)');
  for (const world of ['model', 'iov']) {
    for (const target of [10, 5]) {
      const r = runCalibratedTrial(world, target, true);
      const missed = missedGoals(world, { atTarget: r.atTarget, infusionsPerYear: r.infusionsPerYear, nextTroughCoverage: r.nextTroughCoverage }, target);
      console.log(`${formatCalibratedTrial(r)}\n    issue 17's goals: ${missed.length ? `MISSED: ${missed.join('; ')}` : 'met'}`);
    }
  }
} else if (process.argv.includes('--trial')) {
  printNatalizumabTrial();
} else if (process.argv.includes('--synthetic')) {
  printSyntheticWorlds();
} else {
  console.log('=== Natalizumab: every shared set (well-specified, misspecified, SC), proposal on each patient\'s last day, targets 10 and 5 µg/mL');
  printNatalizumabValidation();
  console.log('\n=== Ocrelizumab: planning-day files ocrelizumab-virtual-weekNN.csv, proposal on each patient\'s last row');
  printOcrelizumabValidation();
}
