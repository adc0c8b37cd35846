/**
 * `npm run validate`: scores the engines on the virtual patients in fixtures/validation
 * (copied from shared/validation; definitions in fixtures/validation/README.md).
 */
import { validateNatalizumab } from './validate-natalizumab';
import { printOcrelizumabValidation } from './validate-ocrelizumab';

console.log('=== Natalizumab: natalizumab-virtual.csv (60 patients), proposal on each patient\'s last day');
console.log(validateNatalizumab());
console.log('goals: attainment ≥ 0.88 and efficiency ≥ 0.88 at both targets; 80 % coverage 0.75–0.88; every antibody-like patient kept at 4 weeks with a warning');
console.log('\n=== Ocrelizumab: planning-day files ocrelizumab-virtual-weekNN.csv, proposal on each patient\'s last row');
printOcrelizumabValidation();
