/** Numbers as the ocrelizumab sentences show them. */
import { CROSSING_HORIZON_WEEKS } from '../posterior';

/** A count as text in cells/µL (the canonical unit), `<x` when censored: never the lab's raw text, whose unit may differ. */
export const countText = (o: { value: number; censored: boolean }): string => `${o.censored ? '<' : ''}${Number(o.value.toPrecision(3))}`;

/** Weeks with one decimal, or "> horizon" beyond it. */
export const fmtWeeks = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : `> ${CROSSING_HORIZON_WEEKS}`);
