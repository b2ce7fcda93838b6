import { useCallback, useState, type FormEvent } from 'react';
import type { KioskError } from '../../../src-preload/contract';
import { call } from '../api';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/translate';
import { useSettingsStore } from '../settings/store';
import { RECEPTION_RETURN_SECONDS } from './flow';
import { KIOSK_HEADING_ID, useAutoReturn } from './hooks';
import { visitCodeShape } from './leave-code';
import { QrScanner } from './QrScanner';
import { useSelfServiceStore } from './store';
import './leave.css';

/** Main answers every code that leads nowhere alike; the kiosk says no more than that. */
function leaveErrorKey(error: KioskError): MessageKey {
  if (error.code === 'not-found' || error.code === 'invalid-input') return 'selfService.leave.wrong';
  if (error.code === 'rate-limited') return 'selfService.leave.tooMany';
  return 'selfService.leave.failed';
}

/** "I'm leaving": the visit code from the slip or the done screen, typed or held to the camera. */
export function LeaveScreen() {
  const t = useT();
  const wipe = useSelfServiceStore((s) => s.wipe);
  const finishLeaving = useSelfServiceStore((s) => s.finishLeaving);
  const cameraId = useSettingsStore((s) => s.settings?.cameraId ?? '');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);

  const send = useCallback(
    async (text: string) => {
      const shaped = visitCodeShape(text);
      if (!shaped) {
        setMessage('selfService.leave.format');
        return;
      }
      setBusy(true);
      setMessage(null);
      const result = await call('signOutByCode', { code: shaped });
      setBusy(false);
      if (result.ok) finishLeaving(result.value.removal);
      else setMessage(leaveErrorKey(result.error));
    },
    [finishLeaving],
  );
  const scanned = useCallback(
    (text: string) => {
      setScanning(false);
      setCode(text);
      void send(text);
    },
    [send],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void send(code);
  };

  return (
    <form className="self-service-step leave" onSubmit={submit} noValidate aria-labelledby={KIOSK_HEADING_ID}>
      <h1 id={KIOSK_HEADING_ID} className="self-service-title" tabIndex={-1}>
        {t('selfService.leave.title')}
      </h1>
      <p className="self-service-muted">{t('selfService.leave.body')}</p>
      <label className="field leave-code" htmlFor="leave-code">
        <span className="field-label">{t('selfService.leave.code')}</span>
        <input
          id="leave-code"
          className="input leave-code-input"
          value={code}
          maxLength={12}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={message !== null}
          aria-describedby={message ? 'leave-message' : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      {message && (
        <p id="leave-message" className="self-service-field-error" role="alert" data-testid="leave-message">
          {t(message)}
        </p>
      )}
      {scanning && <QrScanner deviceId={cameraId} onCode={scanned} />}
      <div className="self-service-actions">
        <button type="button" className="self-service-button" onClick={wipe} disabled={busy}>
          {t('selfService.backToStart')}
        </button>
        <span className="self-service-actions-gap" />
        <button type="button" className="self-service-button" onClick={() => setScanning(!scanning)} disabled={busy}>
          {scanning ? t('selfService.leave.scanStop') : t('selfService.leave.scan')}
        </button>
        <button type="submit" className="self-service-button self-service-button-primary" disabled={busy}>
          {t('selfService.leave.submit')}
        </button>
      </div>
    </form>
  );
}

/** Signed out: thanks, then back to the welcome screen. */
export function LeftScreen() {
  const t = useT();
  const left = useSelfServiceStore((s) => s.left);
  const wipe = useSelfServiceStore((s) => s.wipe);
  const seconds = useAutoReturn(RECEPTION_RETURN_SECONDS, wipe);
  return (
    <section className="self-service-center" aria-labelledby={KIOSK_HEADING_ID}>
      <div className="self-service-tick" aria-hidden="true">
        ✓
      </div>
      <h1 id={KIOSK_HEADING_ID} className="self-service-title" tabIndex={-1} data-testid="self-service-left">
        {t('selfService.left.title')}
      </h1>
      {left === 'pending' && <p className="self-service-note">{t('selfService.left.pending')}</p>}
      <p className="self-service-muted" aria-live="off">
        {t('selfService.returning', { n: seconds })}
      </p>
      <button type="button" className="self-service-button self-service-button-primary" onClick={wipe}>
        {t('selfService.backToStart')}
      </button>
    </section>
  );
}
