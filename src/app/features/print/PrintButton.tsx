/**
 * "Print report": mounts the one-page report of the current patient (outside the app's root, so
 * the print stylesheet can hide everything else), waits for the chart to be drawn, calls
 * window.print(), and removes the report again after printing. The report module loads lazily.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PatientReport } from '../../../core/report/types';
import type { EngineSettings } from '../../../core/engine';
import type { Choice } from '../proposal/choices';
import { todayIso } from '../../lib/dates';
import { useStrings } from '../proposal/use-strings';
import './print.css';

const PrintReport = lazy(() => import('./PrintReport'));

export interface PrintButtonProps {
  report: PatientReport;
  settings: EngineSettings;
  choice?: Choice | null;
  /** An example patient: said on the printed card too. */
  example?: boolean;
}

/** The printable height of the A4 page (297 mm less the 10 mm margins of print.css), CSS px. */
const PAGE_HEIGHT_PX = (277 * 96) / 25.4;
/** Below this the text would be too small to read: the report then runs on (two pages). */
const MIN_ZOOM = 0.7;

/**
 * One A4 page (issue 15): the report is laid out off-screen at the page's width (its print
 * layout, print.css) and measured; when it is taller than the page it is scaled down to fit.
 * Returns the zoom used.
 */
export function fitToPage(root: HTMLElement | null): number {
  const report = root?.querySelector<HTMLElement>('.print-report');
  if (!root || !report) return 1;
  report.style.zoom = '';
  root.classList.add('print-root--measure');
  const height = report.getBoundingClientRect().height;
  root.classList.remove('print-root--measure');
  const zoom = height > PAGE_HEIGHT_PX - 4 ? Math.max(MIN_ZOOM, Math.floor(((PAGE_HEIGHT_PX - 4) / height) * 1000) / 1000) : 1;
  if (zoom < 1) report.style.zoom = String(zoom);
  report.dataset.zoom = String(zoom);
  return zoom;
}

function PrintWhenReady() {
  useEffect(() => {
    let inner = 0;
    // Two frames: React has committed and chart.js (animation off) has drawn its canvas.
    const outer = requestAnimationFrame(() => { inner = requestAnimationFrame(() => { fitToPage(document.querySelector<HTMLElement>('.print-root')); window.print(); }); });
    return () => { cancelAnimationFrame(outer); cancelAnimationFrame(inner); };
  }, []);
  return null;
}

export function PrintButton({ report, settings, choice, example = false }: PrintButtonProps) {
  const { t } = useStrings('proposal');
  const [printing, setPrinting] = useState(false);
  const [printedOn, setPrintedOn] = useState('');
  useEffect(() => {
    if (!printing) return;
    const after = () => setPrinting(false);
    window.addEventListener('afterprint', after);
    return () => window.removeEventListener('afterprint', after);
  }, [printing]);
  return (
    <>
      <button type="button" className="print-button" data-testid="print-button"
        onClick={() => {
          // Already mounted (no afterprint seen yet): print it again.
          if (printing) window.print();
          else { setPrintedOn(todayIso()); setPrinting(true); }
        }}>
        {t('print.button')}
      </button>
      {printing && createPortal(
        <div className="print-root" data-testid="print-root">
          <Suspense fallback={null}>
            <PrintReport report={report} settings={settings} choice={choice} printedOn={printedOn} example={example} />
            <PrintWhenReady />
          </Suspense>
        </div>,
        document.body,
      )}
    </>
  );
}

export default PrintButton;
