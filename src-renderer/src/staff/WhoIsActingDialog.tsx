import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KioskError } from '../../../src-preload/contract';
import { setStaffPrompt } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PinField } from '../components/PinField';
import { useT } from '../i18n';
import { useActingStore } from './acting-store';
import './staff.css';

/**
 * Asks for a member of staff's PIN when main wants to know who is acting (staff sign-in on).
 * Main finds the member from the PIN; the page never says who it is.
 */
export function WhoIsActingDialog() {
  const t = useT();
  const prompt = useActingStore((s) => s.prompt);
  const ask = useActingStore((s) => s.ask);
  const answer = useActingStore((s) => s.answer);
  const signIn = useActingStore((s) => s.signIn);
  const ref = useRef<HTMLDialogElement>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setStaffPrompt((name) => ask(name)), [ask]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !prompt) return undefined;
    setPin('');
    setError(null);
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (dialog.open) dialog.close();
    };
  }, [prompt]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!prompt || !pin || busy) return;
    if (prompt.mode === 'door') return answer(pin);
    setBusy(true);
    const failed = await signIn(pin);
    setBusy(false);
    if (failed) {
      setError(failed);
      setPin('');
    } else answer(pin);
  };

  return (
    <dialog
      ref={ref}
      className="dialog acting-dialog"
      aria-labelledby="acting-title"
      onCancel={(e) => {
        e.preventDefault();
        answer(null);
      }}
    >
      {prompt && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="acting-title" className="dialog-title">
            {t('acting.title')}
          </h2>
          <p className="dialog-body">{t(prompt.mode === 'door' ? 'acting.doorBody' : 'acting.body')}</p>
          <ErrorAlert error={error} />
          <PinField id="acting-pin" label={t('acting.pin')} value={pin} onChange={setPin} autoFocus />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => answer(null)} disabled={busy}>
              {t('acting.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy || !pin}>
              {busy ? t('common.working') : t('acting.confirm')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
