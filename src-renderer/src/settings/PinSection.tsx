import { useState, type FormEvent } from 'react';
import { LIMITS, PinSchema, type KioskError } from '../../../src-preload/contract';
import { useT, type MessageKey } from '../i18n';
import { useSettingsStore } from './store';
import { ErrorAlert } from '../components/ErrorAlert';
import { PinField } from '../components/PinField';

type PinErrors = Partial<Record<'current' | 'next' | 'confirm', MessageKey>>;

/** Set, change or remove the admin PIN (its own call, not part of "Save settings"). */
export function PinSection() {
  const t = useT();
  const pinSet = useSettingsStore((s) => s.settings?.adminPinSet ?? false);
  const setAdminPin = useSettingsStore((s) => s.setAdminPin);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PinErrors>({});
  const [error, setError] = useState<KioskError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (nextPin: string) => {
    const errs: PinErrors = {};
    if (pinSet && !current) errs.current = 'settings.currentPinRequired';
    if (nextPin) {
      if (!PinSchema.safeParse(nextPin).success) errs.next = 'settings.pinFormat';
      else if (nextPin !== confirm) errs.confirm = 'settings.pinMismatch';
    }
    setErrors(errs);
    setError(null);
    setNotice('');
    const first = (['current', 'next', 'confirm'] as const).find((k) => errs[k]);
    if (first) {
      requestAnimationFrame(() => document.getElementById(`pin-${first}`)?.focus());
      return;
    }
    setBusy(true);
    const result = await setAdminPin(pinSet ? current : undefined, nextPin);
    setBusy(false);
    if (result.ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setNotice(nextPin ? t('settings.pinSaved') : t('settings.pinRemoved'));
    } else if (result.error.code === 'wrong-pin') {
      setErrors({ current: 'error.wrong-pin' });
      requestAnimationFrame(() => document.getElementById('pin-current')?.focus());
    } else {
      setError(result.error);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void run(next);
  };

  return (
    <form className="card settings-section" onSubmit={onSubmit} noValidate aria-labelledby="pin-section-title">
      <h2 id="pin-section-title">{t('settings.pinSection')}</h2>
      <p className={pinSet ? '' : 'alert alert-warning'}>{pinSet ? t('settings.pinStatusSet') : t('settings.pinStatusNotSet')}</p>
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <div className="grid-3">
        {pinSet && (
          <PinField id="pin-current" label={t('settings.currentPin')} value={current} onChange={setCurrent} error={errors.current && t(errors.current)} />
        )}
        <PinField
          id="pin-next"
          purpose="new"
          label={t('settings.newPin')}
          value={next}
          onChange={setNext}
          error={errors.next && t(errors.next, LIMITS.pinDigits)}
        />
        <PinField
          id="pin-confirm"
          purpose="new"
          label={t('settings.confirmPin')}
          value={confirm}
          onChange={setConfirm}
          error={errors.confirm && t(errors.confirm)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {pinSet ? t('settings.changePin') : t('settings.setPin')}
        </button>
        {pinSet && (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void run('')}>
            {t('settings.removePin')}
          </button>
        )}
      </div>
    </form>
  );
}
