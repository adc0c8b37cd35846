/**
 * Stage 2, fit: the MAP fit (or the population prior without a level), the importance-weighted
 * posterior draws and the history simulated for each (with the chart's grid when there is one).
 * `checkpointBefore`: the runs' state is kept before that time, for outputs asked of the same fit
 * afterwards (the wearing-off onsets: continued.ts).
 */
import { analysePrepared, type Analysis } from '../analysis';
import type { Days } from '../../types';
import type { Prepared } from './types';

export function fit(p: Prepared, checkpointBefore?: Days): Analysis {
  return analysePrepared(p.prep, p.opts, [], p.grid, undefined, false, undefined, checkpointBefore);
}
