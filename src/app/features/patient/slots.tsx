/**
 * The other UI engineer's components (chart, proposal card, print and calendar buttons), loaded
 * lazily so chart.js and the card stay out of the first page load.
 */
import { lazy } from 'react';

export type { Choice as CardChoice } from '../proposal/choices';

export const ForecastChart = lazy(() => import('../chart/ForecastChart').then((m) => ({ default: m.ForecastChart })));
export const ProposalCard = lazy(() => import('../proposal/ProposalCard').then((m) => ({ default: m.ProposalCard })));
export const PrintButton = lazy(() => import('../print/PrintButton').then((m) => ({ default: m.PrintButton })));
export const CalendarButton = lazy(() => import('../calendar/CalendarButton').then((m) => ({ default: m.CalendarButton })));
