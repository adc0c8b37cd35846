/** Natalizumab engine: public API. */
export { proposeNatalizumab, nextDoseDate, apparentHalfLife } from './propose';
export { predictNatalizumab } from './predict';
export { analyse, resolveOptions, DEFAULT_OPTIONS } from './analysis';
export type { Analysis } from './analysis';
export { preparePatient, typicalParams, individualParams } from './patient';
export type { NatalizumabPatient } from './patient';
export { antibodyGuard, protocolPdnms, troughsOnQ4w, latestTrough } from './guards';
export { NATALIZUMAB_MODEL, NATALIZUMAB_MODEL_ID, NATALIZUMAB_MODEL_VERSION, NATALIZUMAB_PK } from '../../../models/natalizumab-vandenberg-2025';
