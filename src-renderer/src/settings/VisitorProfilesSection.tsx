import { useEffect } from 'react';
import { useLanguage, useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { useProfilesStore } from './profiles-store';

/** Settings → Returning visitors: find one and "forget this visitor" (PIPL Art. 47). */
export function VisitorProfilesSection() {
  const t = useT();
  const language = useLanguage();
  const { query, profiles, loaded, error, forgotten, search, forget } = useProfilesStore();
  useEffect(() => {
    void search('');
  }, [search]);

  return (
    <section className="card settings-section" aria-labelledby="settings-profiles">
      <h2 id="settings-profiles">{t('settings.profiles.title')}</h2>
      <TextField
        id="settings-profiles-search"
        label={t('settings.profiles.search')}
        value={query}
        onChange={(q) => void search(q)}
        autoComplete="off"
        spellCheck={false}
      />
      <ErrorAlert error={error} />
      {forgotten && <p role="status">{t('settings.profiles.forgotten', { name: forgotten })}</p>}
      {loaded && profiles.length === 0 && <p className="muted">{t('settings.profiles.none')}</p>}
      <ul className="plain-list">
        {profiles.map((p) => (
          <li key={p.profileId} className="button-row">
            <span>
              {t('settings.profiles.row', { name: p.name, phone: p.phoneMasked, date: new Date(p.lastVisitAt).toLocaleDateString(language), host: p.hostName })}
            </span>
            <button type="button" className="button button-small" onClick={() => void forget(p)}>
              {t('settings.profiles.forget', { name: p.name })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
