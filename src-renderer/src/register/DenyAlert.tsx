import { useState } from 'react';
import { PinField } from '../components/PinField';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { useRegistrationStore } from './store';
import './deny-alert.css';

/**
 * Reception's alert when the deny list stopped a visitor: who matched and why (main sent the
 * names, reasons and last digits, never the numbers), and the administrator's override.
 */
export function DenyAlert() {
  const t = useT();
  const language = useLanguage();
  const denied = useRegistrationStore((s) => s.denied);
  const submit = useRegistrationStore((s) => s.submit);
  const busy = useRegistrationStore((s) => s.submission.status === 'submitting');
  const [pin, setPin] = useState('');
  if (!denied) return null;

  const override = () => {
    if (!pin || busy) return;
    void submit({ override: { pin } });
    setPin('');
  };

  return (
    <div className="alert alert-error deny-alert" role="alert" data-testid="deny-alert">
      <p className="alert-message deny-title">{t('deny.title')}</p>
      <ul className="deny-entries">
        {denied.entries.map((entry) => (
          <li key={entry.id}>
            <strong>{t('deny.entry', { name: entry.name, reason: entry.reason })}</strong>
            <span className="deny-hints">
              {t('deny.hints', { doc: entry.documentHint || '—', phone: entry.phoneHint || '—' })}
              {entry.expiresAt ? ` · ${t('deny.expires', { date: formatDateTime(entry.expiresAt, language) })}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p>{t('deny.nothingSent')}</p>
      {/* Inside the review's form: Enter here overrides, it does not submit the review. */}
      <div className="deny-override">
        <p className="field-hint">{t('deny.overrideBody')}</p>
        <PinField
          id="deny-override-pin"
          label={t('deny.overridePin')}
          value={pin}
          onChange={setPin}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            override();
          }}
        />
        <button type="button" className="button button-danger" disabled={!pin || busy} onClick={override}>
          {t('deny.override')}
        </button>
      </div>
    </div>
  );
}
