import { useState, type FormEvent } from 'react';
import type { KioskError } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useSettingsStore } from './store';
import { ErrorAlert } from '../components/ErrorAlert';
import { PinField } from '../components/PinField';

/** Asks for the admin PIN before the settings are shown. */
export function PinGate() {
  const t = useT();
  const verifyPin = useSettingsStore((s) => s.verifyPin);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setWrong(false);
    setError(null);
    const result = await verifyPin(pin);
    setBusy(false);
    if (!result.ok) setError(result.error);
    else if (!result.value) {
      setWrong(true);
      setPin('');
      requestAnimationFrame(() => document.getElementById('admin-pin')?.focus());
    }
  };

  return (
    <form className="card pin-gate" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pin-gate-title">
      <h2 id="pin-gate-title">{t('settings.pinTitle')}</h2>
      <p>{t('settings.pinBody')}</p>
      <ErrorAlert error={error} />
      <PinField id="admin-pin" label={t('settings.pin')} value={pin} onChange={setPin} error={wrong ? t('error.wrong-pin') : undefined} autoFocus />
      <button type="submit" className="button button-primary button-large" disabled={busy || !pin}>
        {busy ? t('common.working') : t('settings.unlock')}
      </button>
    </form>
  );
}
