import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import './app.css';

const i18n = initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary title={i18n.t('error.title')} hint={i18n.t('error.hint')} reloadLabel={i18n.t('error.reload')}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
