import { StrictMode, lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { isLaunchReturn } from './smart/config';
import './app.css';

const i18n = initI18n();
// Back from a SMART launch (launch.html): the launched patient, in memory only, instead of the stored list.
const SmartApp = lazy(() => import('./smart/SmartApp').then((m) => ({ default: m.SmartApp })));
const launched = isLaunchReturn(location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary title={i18n.t('error.title')} hint={i18n.t('error.hint')} reloadLabel={i18n.t('error.reload')}>
      {launched ? <Suspense fallback={null}><SmartApp /></Suspense> : <App />}
    </ErrorBoundary>
  </StrictMode>,
);
