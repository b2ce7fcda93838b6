import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KioskError } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useKioskStore } from '../stores/kiosk';
import { lockoutSeconds } from './flow';

const MAX_PIN = 8;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The discreet corner button and its PIN pad: the only way out of self-service mode. The PIN is
 * checked by main (leaveKioskMode), which also counts wrong PINs and locks out.
 */
export function AdminExit() {
  const t = useT();
  const open = useKioskStore((s) => s.adminOpen);
  const setOpen = useKioskStore((s) => s.setAdminOpen);
  return (
    <>
      <button type="button" className="kiosk-admin-button" aria-label={t('kiosk.admin.button')} title={t('kiosk.admin.button')} onClick={() => setOpen(true)}>
        <span aria-hidden="true">⋯</span>
      </button>
      {open && <PinPad onClose={() => setOpen(false)} />}
    </>
  );
}

function PinPad({ onClose }: { onClose: () => void }) {
  const t = useT();
  const leave = useKioskStore((s) => s.leave);
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ kind: 'wrong' } | { kind: 'locked'; seconds: number } | { kind: 'error'; error: KioskError } | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    inputRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const type = (digit: string) => {
    setProblem(null);
    setPin((p) => (p.length < MAX_PIN ? p + digit : p));
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || !pin) return;
    setBusy(true);
    const result = await leave(pin);
    if (result.ok) return; // the normal app replaces the kiosk (and this dialog)
    setBusy(false);
    setPin('');
    const seconds = lockoutSeconds(result.error);
    if (seconds !== undefined) setProblem({ kind: 'locked', seconds });
    else if (result.error.code === 'wrong-pin') setProblem({ kind: 'wrong' });
    else setProblem({ kind: 'error', error: result.error });
    inputRef.current?.focus();
  };

  const message =
    problem?.kind === 'wrong' ? t('kiosk.admin.wrong') : problem?.kind === 'locked' ? t('kiosk.admin.locked', { seconds: problem.seconds }) : problem?.kind === 'error' ? t(`error.${problem.error.code}`) : '';

  return (
    <dialog
      ref={ref}
      className="dialog kiosk-pin-dialog"
      aria-labelledby="kiosk-pin-title"
      aria-describedby="kiosk-pin-body"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="kiosk-pin-title" className="dialog-title">
          {t('kiosk.admin.title')}
        </h2>
        <p id="kiosk-pin-body">{t('kiosk.admin.body')}</p>
        <input
          ref={inputRef}
          id="kiosk-pin"
          className="input kiosk-pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-label={t('kiosk.admin.pin')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'kiosk-pin-error' : undefined}
          value={pin}
          maxLength={MAX_PIN}
          onChange={(e) => {
            setProblem(null);
            setPin(e.target.value.replace(/\D/g, '').slice(0, MAX_PIN));
          }}
        />
        <p id="kiosk-pin-error" className="kiosk-field-error kiosk-pin-error" role="alert">
          {message}
        </p>
        <div className="kiosk-pin-pad">
          {KEYS.map((k) => (
            <button key={k} type="button" className="kiosk-button kiosk-key" onClick={() => type(k)} disabled={busy}>
              {k}
            </button>
          ))}
          <button type="button" className="kiosk-button kiosk-key" onClick={() => setPin('')} disabled={busy}>
            {t('kiosk.admin.clear')}
          </button>
          <button type="button" className="kiosk-button kiosk-key" onClick={() => type('0')} disabled={busy}>
            0
          </button>
          <button type="button" className="kiosk-button kiosk-key" aria-label={t('kiosk.admin.delete')} onClick={() => setPin((p) => p.slice(0, -1))} disabled={busy}>
            <span aria-hidden="true">⌫</span>
          </button>
        </div>
        <p className="sr-only" aria-live="polite">
          {t('kiosk.admin.entered', { n: pin.length })}
        </p>
        <div className="dialog-actions">
          <button type="button" className="kiosk-button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="kiosk-button kiosk-button-primary" disabled={busy || !pin}>
            {busy ? t('common.working') : t('kiosk.admin.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
