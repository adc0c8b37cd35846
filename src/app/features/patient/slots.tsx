/**
 * The other UI engineer's components (chart, proposal card, print report, calendar export),
 * loaded lazily so chart.js stays out of the first load. `import.meta.glob` finds a component
 * only once its file exists; until then a PLACEHOLDER of ours renders (marked as such), so the
 * app builds and works at every step.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PatientError, PatientReport } from '../../../core/report/types';
import type { EngineSettings } from '../../../core/engine';

export interface CardChoice { option: string; reason: string }

export interface ProposalCardProps {
  report: PatientReport | PatientError;
  settings: EngineSettings;
  choice?: CardChoice | null;
  onChoose?: (c: CardChoice) => void;
}

export interface ChartProps { report: PatientReport; logScale?: boolean }

export interface PrintProps { report: PatientReport | PatientError; settings: EngineSettings; choice?: CardChoice | null }

type Mod = Record<string, unknown>;
const found = import.meta.glob<Mod>([
  '../chart/ForecastChart.tsx',
  '../proposal/ProposalCard.tsx',
  '../print/PrintReport.tsx',
  '../calendar/exportIcs.ts',
]);

function pick<P>(path: string, name: string): LazyExoticComponent<ComponentType<P>> | null {
  const load = found[path];
  if (!load) return null;
  return lazy(async () => {
    const m = await load();
    const c = (m[name] ?? m.default) as ComponentType<P> | undefined;
    if (!c) throw new Error(`${path} exports no ${name}`);
    return { default: c };
  });
}

export const ForecastChart = pick<ChartProps>('../chart/ForecastChart.tsx', 'ForecastChart');
export const ProposalCard = pick<ProposalCardProps>('../proposal/ProposalCard.tsx', 'ProposalCard');
export const PrintReport = pick<PrintProps>('../print/PrintReport.tsx', 'PrintReport');

/** The calendar export module, when present: `exportIcs` (or default) is called as the module defines it. */
export const loadIcs: (() => Promise<Mod>) | null = found['../calendar/exportIcs.ts'] ?? null;
