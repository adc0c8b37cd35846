/** Registry of published models, by id: what the app, worker and CLI read. */
import type { ModelInfo } from '../src/core/types';
import { NATALIZUMAB_MODEL } from './natalizumab-vandenberg-2025';
import { OCRELIZUMAB_MODEL } from './ocrelizumab-bcell-logistic';

export const MODELS: { [id: string]: ModelInfo } = {
  [NATALIZUMAB_MODEL.id]: NATALIZUMAB_MODEL,
  [OCRELIZUMAB_MODEL.id]: OCRELIZUMAB_MODEL,
};
