/** Ocrelizumab engine: B-cell repopulation forecast and re-dose proposal (public API). */
export { proposeOcrelizumab, predictOcrelizumab, analyseOcrelizumab, CURVE_WEEKS } from './propose';
export type { OcrelizumabAnalysis } from './propose';
export { OCRELIZUMAB_DEFAULTS, resolveOcrelizumabOptions } from './options';
export { groupDoses, doseIssues, toCountObs, cycleCounts, resolveBmax, SPLIT_START_MAX_DAYS } from './cycles';
export type { DoseGroup, CycleCounts } from './cycles';
export { fitGrid, probCrossedBy, crossingQuantile, countQuantile, rateQuantile, logPhi, GRID_NT, GRID_NR, CROSSING_HORIZON_WEEKS } from './posterior';
export type { CountObs, FitInput, GridPosterior } from './posterior';
