import { useState } from 'react';
import type { KioskError } from '../../../src-preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { useSettingsStore } from './store';

/** The only way into DevTools in a packaged app: from the PIN-protected settings page. */
export function DevToolsSection() {
  const t = useT();
  const openDevTools = useSettingsStore((s) => s.openDevTools);
  const [error, setError] = useState<KioskError | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  const open = async () => {
    setError(null);
    const result = await openDevTools();
    if (!result.ok) setError(result.error);
    else setUnavailable(!result.value);
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-diagnostics">
      <h2 id="settings-diagnostics">{t('settings.diagnostics')}</h2>
      <p className="field-hint">{t('settings.devToolsHint')}</p>
      <button type="button" className="button" onClick={() => void open()}>
        {t('settings.openDevTools')}
      </button>
      {unavailable && <p role="status">{t('settings.devToolsUnavailable')}</p>}
      <ErrorAlert error={error} />
    </section>
  );
}
