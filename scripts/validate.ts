/**
 * `npm run validate`: scores the engines on the virtual patients in fixtures/validation
 * (copied from shared/validation; definitions in fixtures/validation/README.md).
 * `npm run validate -- --trial`: the year-long adaptive natalizumab trial instead
 * (scripts/trial-natalizumab.ts); with `--seeds N`, its engine arm over N noise seeds.
 * `npm run validate -- --synthetic`: natalizumab robustness worlds
 * of this project's own (scripts/synthetic-natalizumab.ts).
 */
import { printNatalizumabValidation } from './validate-natalizumab';
import { printOcrelizumabValidation } from './validate-ocrelizumab';
import { printNatalizumabTrial, printTrialSeeds } from './trial-natalizumab';
import { printSyntheticWorlds } from './synthetic-natalizumab';

const seedsAt = process.argv.indexOf('--seeds');
if (process.argv.includes('--trial') && seedsAt >= 0) {
  printTrialSeeds(Math.max(1, Number(process.argv[seedsAt + 1]) || 8));
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
