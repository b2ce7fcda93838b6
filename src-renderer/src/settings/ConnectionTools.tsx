import { useState } from 'react';
import type { ConnectionFailure, ConnectionTest, KioskError, ProfileSearch, Result } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useSettingsStore } from './store';
import { ErrorAlert } from '../components/ErrorAlert';

/** "Test connection" and "Find crypto profile" (both use the saved settings). */
export function ConnectionTools({ dirty, onUseProfile }: { dirty: boolean; onUseProfile: (profile: string) => void }) {
  const t = useT();
  const testConnection = useSettingsStore((s) => s.testConnection);
  const findCryptoProfile = useSettingsStore((s) => s.findCryptoProfile);
  const [busy, setBusy] = useState<'test' | 'find' | null>(null);
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [search, setSearch] = useState<ProfileSearch | null>(null);
  const [error, setError] = useState<KioskError | null>(null);

  /** Runs one of the two tools: busy while it runs, then its result or the error. */
  async function run<T>(kind: 'test' | 'find', call: () => Promise<Result<T>>, show: (value: T | null) => void) {
    setBusy(kind);
    setError(null);
    show(null);
    const result = await call();
    setBusy(null);
    if (result.ok) show(result.value);
    else setError(result.error);
  }
  const runTest = () => run('test', testConnection, setTest);
  const runFind = () => run('find', findCryptoProfile, setSearch);

  const failureText = (failure: ConnectionFailure | undefined) => t(`connection.failure.${failure ?? 'internal'}`);

  return (
    <div className="connection-tools">
      <div className="button-row">
        <button type="button" className="button" onClick={() => void runTest()} disabled={busy !== null}>
          {busy === 'test' ? t('common.working') : t('settings.testConnection')}
        </button>
        <button type="button" className="button" onClick={() => void runFind()} disabled={busy !== null}>
          {busy === 'find' ? t('common.working') : t('settings.findProfile')}
        </button>
      </div>
      {dirty && <p className="field-hint">{t('settings.testUnsaved')}</p>}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      {test && (
        <div className={`alert ${test.ok ? 'alert-success' : 'alert-error'}`} role="status" data-testid="connection-test-result">
          <p className="alert-message">
            {test.ok
              ? t('settings.testOk', { profile: test.profile })
              : t('settings.testFailed', { failure: failureText(test.failure), message: test.message })}
          </p>
          {test.answersVerified === false && (
            <p className="alert-message" data-testid="answers-unverified">
              {t('settings.answersUnverified')}
            </p>
          )}
        </div>
      )}
      {search && (
        <div className={`alert ${search.found ? 'alert-success' : 'alert-warning'}`} role="status" data-testid="profile-search-result">
          <p className="alert-message">{search.found ? t('settings.profileFound', { profile: search.found }) : t('settings.profileNotFound')}</p>
          {search.found && (
            <button type="button" className="button button-small" onClick={() => onUseProfile(search.found ?? '')}>
              {t('settings.useProfile', { profile: search.found })}
            </button>
          )}
          {search.tried.length > 0 && (
            <>
              <p>{t('settings.profileTried')}</p>
              <ul className="plain-list">
                {search.tried.map((tried) => (
                  <li key={tried.profile}>
                    <code>{tried.profile}</code> — {tried.ok ? t('settings.tryOk') : t('settings.tryFailed')}
                    {tried.failure && <span className="muted"> ({failureText(tried.failure)})</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
