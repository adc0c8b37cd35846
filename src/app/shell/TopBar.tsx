/** The header: the name, the navigation between the views, and the language. */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../lib/dates';
import { LANGS, setLanguage } from '../i18n/index';
import type { Route, Target } from './navigation';

export function TopBar({ route, go, selectedId, lang }: { route: Route; go: (t: Target) => void; selectedId: string | null; lang: Lang }) {
  const { t } = useTranslation();
  const current = (page: Route['page']) => (route.page === page ? 'page' as const : undefined);
  return (
    <header className="top">
      <div className="brand">
        <h1>MS Interval</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <nav aria-label={t('app.nav')}>
        <button type="button" aria-current={current('planning')} onClick={() => go({ page: 'planning', patient: selectedId })}>{t('nav.planning')}</button>
        <button type="button" aria-current={current('settings')} onClick={() => go({ page: 'settings' })}>{t('nav.settings')}</button>
        <button type="button" data-testid="nav-clinic-day" aria-current={current('day')} onClick={() => go({ page: 'day' })}>{t('day.nav', { ns: 'clinic' })}</button>
        <button type="button" data-testid="nav-track" aria-current={current('track')} onClick={() => go({ page: 'track' })}>{t('nav', { ns: 'track' })}</button>
        <button type="button" data-testid="nav-changes" aria-current={current('changes')} onClick={() => go({ page: 'changes' })}>{t('history.nav', { ns: 'safety' })}</button>
        <button type="button" data-testid="nav-outcomes" aria-current={current('outcomes')} onClick={() => go({ page: 'outcomes' })}>{t('outcomes.nav', { ns: 'wearing' })}</button>
      </nav>
      <label className="lang">
        <span className="sr-only">{t('app.language')}</span>
        <select value={lang} onChange={(e) => setLanguage(e.target.value as Lang)} aria-label={t('app.language')}>
          {LANGS.map((l) => <option key={l} value={l} lang={l}>{l === 'nl' ? 'Nederlands' : 'English'}</option>)}
        </select>
      </label>
    </header>
  );
}
