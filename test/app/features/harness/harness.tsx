// Dev-only page (not in the production build): `npm start`, then open
// http://127.0.0.1:5173/test/app/features/harness/index.html[?lang=nl][&log=1]
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ForecastChart from '../../../../src/app/features/chart/ForecastChart';
import { ProposalCard } from '../../../../src/app/features/proposal/ProposalCard';
import { PrintButton } from '../../../../src/app/features/print/PrintButton';
import { CalendarButton } from '../../../../src/app/features/calendar/CalendarButton';
import type { Choice } from '../../../../src/app/features/proposal/choices';
import { natalizumabReport, ocrelizumabReport } from '../fixtures';

const params = new URLSearchParams(location.search);
void i18next.use(initReactI18next).init({ lng: params.get('lang') ?? 'en', resources: {}, interpolation: { escapeValue: false } });
const settings = { natalizumab: {}, ocrelizumab: {} };

function Harness() {
  const [choice, setChoice] = useState<Choice | null>(null);
  const reports = [natalizumabReport(), ocrelizumabReport()];
  return (
    <main style={{ maxWidth: 1000, margin: '1rem auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>Harness</h1>
      {reports.map((r) => (
        <div key={r.patientId} style={{ marginBottom: '2rem' }}>
          <ForecastChart report={r} logScale={params.get('log') === '1'} />
          <PrintButton report={r} settings={settings} choice={choice} /> <CalendarButton report={r} />
          <ProposalCard report={r} settings={settings} choice={choice} onChoose={setChoice} />
        </div>
      ))}
    </main>
  );
}
createRoot(document.getElementById('root')!).render(<Harness />);
