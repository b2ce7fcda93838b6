import { useState } from 'react';
import type { KioskError, PublicSettings, SiteDatabaseTest } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { SITE_SECRET_FIELDS, type SettingsFormValues } from './patch';
import type { SettingsFields } from './settings-fields';
import { siteTestMessage } from './site-database-result';
import { useSettingsStore } from './store';

interface Props {
  settings: PublicSettings;
  form: SettingsFormValues;
  /** The settings form's fields, bound to its values and errors. */
  fields: SettingsFields;
  /** A site setting is changed and not saved yet (the test uses the saved ones). */
  siteDirty: boolean;
  /** Site settings were saved in this run: they take effect at the next start. */
  restartNeeded: boolean;
}

/**
 * Site mode, part of the settings form: where the visit ledger lives (this PC's file, or the
 * PostgreSQL database the site's stations share), the database's connection URL and the site key
 * (write-only secrets), TLS, and "test connection" on the saved settings. Main reads all of it at
 * start, so the section says a change applies when the app restarts.
 */
export function SiteDatabaseSection({ settings, form, fields, siteDirty, restartNeeded }: Props) {
  const t = useT();
  const testSiteDatabase = useSettingsStore((s) => s.testSiteDatabase);
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<SiteDatabaseTest | null>(null);
  const [error, setError] = useState<KioskError | null>(null);

  const runTest = async () => {
    setBusy(true);
    setTest(null);
    setError(null);
    const result = await testSiteDatabase();
    setBusy(false);
    if (result.ok) setTest(result.value);
    else setError(result.error);
  };

  const labels: Record<(typeof SITE_SECRET_FIELDS)[number], { label: string; hint: string }> = {
    siteDatabaseUrl: { label: t('settings.site.url'), hint: t('settings.site.urlHint') },
    siteKey: { label: t('settings.site.key'), hint: t('settings.site.keyHint') },
  };
  const urlWillBeSet = (settings.site.siteDatabaseUrlSet && !form.secrets.siteDatabaseUrl.clear) || form.secrets.siteDatabaseUrl.value.trim() !== '';
  const message = test && siteTestMessage(test);

  return (
    <section className="card settings-section" aria-labelledby="settings-site">
      <h2 id="settings-site">{t('settings.site.title')}</h2>
      <p className="field-hint settings-intro">{t('settings.site.intro')}</p>
      <div className="grid-2">
        {fields.choice(
          'ledgerMode',
          t('settings.site.ledgerMode'),
          (['file', 'postgres'] as const).map((v) => ({ value: v, label: t(`settings.site.ledgerMode.${v}`) })),
        )}
        {fields.choice(
          'siteDatabaseTls',
          t('settings.site.tls'),
          (['off', 'verify', 'no-verify'] as const).map((v) => ({ value: v, label: t(`settings.site.tls.${v}`) })),
        )}
        {SITE_SECRET_FIELDS.map((name) => fields.secret(name, labels[name].label, labels[name].hint))}
      </div>
      {form.ledgerMode === 'postgres' && !urlWillBeSet && (
        <p className="alert alert-warning" data-testid="site-url-missing">
          {t('settings.site.urlMissing')}
        </p>
      )}
      {form.siteDatabaseTls === 'no-verify' && <p className="alert alert-warning">{t('settings.site.tlsNoVerifyWarning')}</p>}
      <p className="field-hint" data-testid="site-station-name">
        {settings.stationName ? t('settings.site.stationNamed', { name: settings.stationName }) : t('settings.site.stationUnnamed')}
      </p>
      <p className={restartNeeded ? 'alert alert-warning' : 'field-hint'} data-testid="site-restart-note">
        {restartNeeded ? t('settings.site.restartNeeded') : t('settings.site.appliesAtRestart')}
      </p>
      <div className="connection-tools">
        <div className="button-row">
          <button type="button" className="button" onClick={() => void runTest()} disabled={busy}>
            {busy ? t('common.working') : t('settings.site.test')}
          </button>
        </div>
        {siteDirty && <p className="field-hint">{t('settings.testUnsaved')}</p>}
        <ErrorAlert error={error} onDismiss={() => setError(null)} />
        {test && message && (
          <p className={`alert ${test.ok ? 'alert-success' : 'alert-error'}`} role="status" data-testid="site-test-result">
            {t(message.key, message.params)}
          </p>
        )}
      </div>
    </section>
  );
}
