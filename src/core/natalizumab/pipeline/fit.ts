/**
 * Stage 2, fit: the MAP fit (or the population prior without a level), the importance-weighted
 * posterior draws and the history simulated for each (with the chart's grid when there is one).
 */
import { analysePrepared, type Analysis } from '../analysis';
import type { Prepared } from './types';

export function fit(p: Prepared): Analysis {
  return analysePrepared(p.prep, p.opts, [], p.grid);
}
