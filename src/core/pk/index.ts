export { PkSolver, TIGHT, FIT, FAST, PkWorkError, workBudget, withWorkBudget, MAX_STEPS_PER_ADVANCE, MIN_STEP } from './solver';
export type { PkParams, Tolerance, WorkBudget } from './solver';
export { compileTimeline, runTimeline, resumeTimeline, continueTimeline, simulateConcentrations, SNAPSHOT_FULL, CHECKPOINT_SIZE } from './timeline';
export type { PkDose, Timeline, Checkpoint } from './timeline';
export { steadyState, stepInterval } from './steady-state';
export type { RepeatedDose, SteadyState } from './steady-state';
