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

function PrintWhenReady() {
  useEffect(() => {
    let inner = 0;
    // Two frames: React has committed and chart.js (animation off) has drawn its canvas.
    const outer = requestAnimationFrame(() => { inner = requestAnimationFrame(() => window.print()); });
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
