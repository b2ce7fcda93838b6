import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KioskError } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useSelfServiceStore } from './store';
import { lockoutSeconds } from './flow';

const MAX_PIN = 8;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The discreet corner button and its PIN pad: the only way out of self-service mode. The PIN is
 * checked by main (leaveSelfServiceMode), which also counts wrong PINs and locks out.
 */
export function AdminExit() {
  const t = useT();
  const open = useSelfServiceStore((s) => s.adminOpen);
  const setOpen = useSelfServiceStore((s) => s.setAdminOpen);
  return (
    <>
      <button
        type="button"
        className="self-service-admin-button"
        aria-label={t('selfService.admin.button')}
        title={t('selfService.admin.button')}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && <PinPad onClose={() => setOpen(false)} />}
    </>
  );
}

function PinPad({ onClose }: { onClose: () => void }) {
  const t = useT();
  const leave = useSelfServiceStore((s) => s.leave);
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
    problem?.kind === 'wrong'
      ? t('selfService.admin.wrong')
      : problem?.kind === 'locked'
        ? t('selfService.admin.locked', { seconds: problem.seconds })
        : problem?.kind === 'error'
          ? t(`error.${problem.error.code}`)
          : '';

  return (
    <dialog
      ref={ref}
      className="dialog self-service-pin-dialog"
      aria-labelledby="self-service-pin-title"
      aria-describedby="self-service-pin-body"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="self-service-pin-title" className="dialog-title">
          {t('selfService.admin.title')}
        </h2>
        <p id="self-service-pin-body">{t('selfService.admin.body')}</p>
        <input
          ref={inputRef}
          id="self-service-pin"
          className="input self-service-pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-label={t('selfService.admin.pin')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'self-service-pin-error' : undefined}
          value={pin}
          maxLength={MAX_PIN}
          onChange={(e) => {
            setProblem(null);
            setPin(e.target.value.replace(/\D/g, '').slice(0, MAX_PIN));
          }}
        />
        <p id="self-service-pin-error" className="self-service-field-error self-service-pin-error" role="alert">
          {message}
        </p>
        <div className="self-service-pin-pad">
          {KEYS.map((k) => (
            <button key={k} type="button" className="self-service-button self-service-key" onClick={() => type(k)} disabled={busy}>
              {k}
            </button>
          ))}
          <button type="button" className="self-service-button self-service-key" onClick={() => setPin('')} disabled={busy}>
            {t('selfService.admin.clear')}
          </button>
          <button type="button" className="self-service-button self-service-key" onClick={() => type('0')} disabled={busy}>
            0
          </button>
          <button
            type="button"
            className="self-service-button self-service-key"
            aria-label={t('selfService.admin.delete')}
            onClick={() => setPin((p) => p.slice(0, -1))}
            disabled={busy}
          >
            <span aria-hidden="true">⌫</span>
          </button>
        </div>
        <p className="sr-only" aria-live="polite">
          {t('selfService.admin.entered', { n: pin.length })}
        </p>
        <div className="dialog-actions">
          <button type="button" className="self-service-button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="self-service-button self-service-button-primary" disabled={busy || !pin}>
            {busy ? t('common.working') : t('selfService.admin.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
