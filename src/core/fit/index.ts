export { dataObjective, priorObjective, mapObjective, predictObservations, standardisedResidual } from './objective';
export type { MapProblem } from './objective';
export { dampedNewton, nelderMead, fdGradHess, cholesky, cholSolve, spdInverse } from './optimise';
export type { MinimiseResult } from './optimise';
export { fitMap } from './map';
export type { MapFit, FitLimits } from './map';
export { drawMultivariateT, importanceWeights, systematicResample } from './posterior';
export type { ProposalDraws } from './posterior';
