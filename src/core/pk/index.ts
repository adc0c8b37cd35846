export { PkSolver, TIGHT, FIT, FAST } from './solver';
export type { PkParams, Tolerance } from './solver';
export { compileTimeline, runTimeline, simulateConcentrations } from './timeline';
export type { PkDose, Timeline } from './timeline';
export { steadyState, stepInterval } from './steady-state';
export type { RepeatedDose, SteadyState } from './steady-state';
