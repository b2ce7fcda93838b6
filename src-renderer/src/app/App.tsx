import { lazy, Suspense, useEffect } from 'react';
import { SlipPrintArea } from '../slip/lazy';
import { useT, useLanguage } from '../i18n';
import { NAV_ITEMS } from './navigation';
import { startEventBridge } from './event-bridge';
import { useNavigationStore } from '../lib/navigation-store';
import { useSettingsStore } from '../settings/store';
import { useStatusStore } from '../status/store';
import { ErrorAlert } from '../components/ErrorAlert';
import { Header } from './Header';
import { LedgerProblems } from '../status/LedgerProblems';
import { UnprovenRemovals } from '../status/UnprovenRemovals';
import { DiskProblems } from '../status/DiskProblems';
import { SigningBanner } from '../settings/SigningBanner';
import { ClockSkewWarning } from '../status/ClockSkewWarning';
import { WhoIsActingDialog } from '../staff/WhoIsActingDialog';

// Only a self-service kiosk needs it: its own chunk.
const SelfServiceApp = lazy(() => import('../self-service/SelfServiceApp').then((m) => ({ default: m.SelfServiceApp })));

export function App() {
  const t = useT();
  const language = useLanguage();
  const page = useNavigationStore((s) => s.page);
  const syncWithHash = useNavigationStore((s) => s.syncWithHash);
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.loadError);
  const load = useSettingsStore((s) => s.load);
  const loadStatus = useStatusStore((s) => s.load);

  useEffect(() => syncWithHash(), [syncWithHash]);
  useEffect(() => startEventBridge(), []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  // Self-service mode: the visitor's registration and nothing else (no navigation, no lists).
  if (settings?.selfServiceMode) {
    return (
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <SelfServiceApp />
      </Suspense>
    );
  }

  const item = NAV_ITEMS.find((n) => n.id === page) ?? NAV_ITEMS[0];
  const Page = item.Page;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {/* Not before settings are known: they may say this is a self-service kiosk. */}
      {settings && <Header />}
      {settings && <WhoIsActingDialog />}
      <main id="main" className="main" tabIndex={-1}>
        {!settings && loadError ? (
          <div className="card">
            <p>{t('app.loadFailed')}</p>
            <ErrorAlert error={loadError} />
            <button type="button" className="button button-primary" onClick={() => void load()}>
              {t('common.retry')}
            </button>
          </div>
        ) : !settings ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <>
            <LedgerProblems />
            <DiskProblems />
            <UnprovenRemovals />
            <SigningBanner onSettingsPage={page === 'settings'} />
            <ClockSkewWarning />
            {!settings.configured && !settings.demo && page !== 'settings' && (
              <p className="alert alert-warning">
                {t('app.notConfigured')} <a href="#/settings">{t('nav.settings')}</a>
              </p>
            )}
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <Page />
            </Suspense>
          </>
        )}
      </main>
      {/* What a printed visitor slip shows (hidden on screen). */}
      {settings && <SlipPrintArea />}
    </>
  );
}
