/**
 * launch.html: the SMART on FHIR launch page. `launch.html?iss=…&launch=…` is the EHR launch,
 * `launch.html?iss=…` the standalone launch. An issuer not on the build's allow-list (SMART_CONFIG)
 * is refused here, in words, before any request is made; otherwise fhirclient is loaded and
 * asked to authorize, and the browser goes to the record's authorization server, which sends it
 * back to the app (index.html).
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { initI18n, LANGS, setLanguage } from '../i18n/index';
import type { Lang } from '../lib/dates';
import { SMART, checkLaunch, redirectUri, scopesFor } from './config';
import { failureText } from './errors';
import '../app.css';
import './smart.css';

/** Authorization is asked once per page (React may run an effect twice in development). */
let started = false;

function LaunchPage() {
  const { t, i18n } = useTranslation('smart');
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const [check] = useState(() => checkLaunch(location.search, SMART));
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => { document.title = t('launch.title'); }, [t, lang]);
  useEffect(() => {
    if (!check.ok || !SMART || started) return;
    started = true;
    const config = SMART;
    let live = true;
    void (async () => {
      try {
        const { default: FHIR } = await import('fhirclient');
        await FHIR.oauth2.authorize({
          clientId: config.clientId,
          iss: check.iss,
          ...(check.launch ? { launch: check.launch } : {}),
          scope: scopesFor(!!check.launch),
          redirectUri: redirectUri(location.href),
          pkceMode: 'ifSupported',
        });
      } catch (e) {
        if (live) setFailure(failureText(e, t));
      }
    })();
    return () => { live = false; };
  }, [check]);
  return (
    <div className="app smart-launch">
      <header className="top">
        <div className="brand"><h1>MS Interval</h1><p className="tagline">{t('launch.heading')}</p></div>
        <label className="lang">
          <span className="sr-only">{t('app.language', { ns: 'app' })}</span>
          <select value={lang} onChange={(e) => setLanguage(e.target.value as Lang)} aria-label={t('app.language', { ns: 'app' })}>
            {LANGS.map((l) => <option key={l} value={l} lang={l}>{l === 'nl' ? 'Nederlands' : 'English'}</option>)}
          </select>
        </label>
      </header>
      <main id="main">
        {!check.ok ? (
          <p className="card card-error" role="alert" data-testid="launch-refused">
            {check.reason === 'notAllowed' ? t('launch.notAllowed', { iss: check.iss }) : t(`launch.${check.reason}`)}
          </p>
        ) : failure ? (
          <p className="card card-error" role="alert" data-testid="launch-failed">{t('launch.failed', { error: failure })}</p>
        ) : (
          <p role="status" data-testid="launch-connecting">{t('launch.connecting', { iss: check.iss })}</p>
        )}
      </main>
      <footer><p>{t('app.disclaimer', { ns: 'app' })}</p></footer>
    </div>
  );
}

initI18n();
createRoot(document.getElementById('root')!).render(<StrictMode><LaunchPage /></StrictMode>);
