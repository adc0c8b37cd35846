/**
 * The core's public API: what the UI (through the worker), the CLI and the scripts call.
 * One entry per stage: parse → (check) → fit → predict → propose → report.
 */
export * from './types';
export * from './report/types';
export * from './time';
export { parseTdmCsv, writeTdmCsv, cutAsOf } from './records/index';
export { proposeNatalizumab, predictNatalizumab } from './natalizumab/index';
export { proposeOcrelizumab, predictOcrelizumab } from './ocrelizumab/index';
export { computeReport, predictPatient, lastEventTime, DEFAULT_SETTINGS } from './engine';
export type { EngineSettings } from './engine';
