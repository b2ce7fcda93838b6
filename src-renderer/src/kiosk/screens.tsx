import { useT } from '../i18n';
import { useSettingsStore } from '../stores/settings';
import { useKioskHostSearch, useKioskStore } from '../stores/kiosk';
import { HostSearchBox } from '../register/HostCombobox';
import { VisitorFields } from '../register/VisitorFields';
import { DONE_RETURN_SECONDS, kioskErrorView, RECEPTION_RETURN_SECONDS } from './flow';
import { KIOSK_HEADING_ID, kioskFieldId, useAutoReturn } from './hooks';
import { KioskErrorMessage } from './KioskErrorMessage';
import { KioskStep } from './KioskStep';

export function WelcomeScreen() {
  const t = useT();
  const start = useKioskStore((s) => s.start);
  return (
    <section className="kiosk-welcome" aria-labelledby={KIOSK_HEADING_ID}>
      <h1 id={KIOSK_HEADING_ID} className="kiosk-welcome-title" tabIndex={-1}>
        {t('kiosk.welcome.title')}
      </h1>
      <p className="kiosk-lead">{t('kiosk.welcome.body')}</p>
      <p className="kiosk-muted">{t('kiosk.welcome.needs')}</p>
      <button type="button" className="kiosk-button kiosk-button-primary kiosk-button-hero" onClick={start}>
        {t('kiosk.welcome.start')}
      </button>
    </section>
  );
}

export function DetailsScreen() {
  const t = useT();
  return (
    <KioskStep step="details">
      <p className="kiosk-muted">{t('kiosk.details.intro')}</p>
      <VisitorFields store={useKioskStore} idOf={kioskFieldId} variant="kiosk" />
    </KioskStep>
  );
}

export function HostScreen() {
  const t = useT();
  const host = useKioskStore((s) => s.draft.host);
  const setHost = useKioskStore((s) => s.setHost);
  const error = useKioskStore((s) => s.fieldErrors.host);
  return (
    <KioskStep step="host">
      <HostSearchBox search={useKioskHostSearch} host={host} onHostChange={setHost} error={error} hint={t('kiosk.host.hint')} />
    </KioskStep>
  );
}

export function ConsentScreen() {
  const t = useT();
  const consent = useKioskStore((s) => s.consent);
  const reminder = useKioskStore((s) => s.consentReminder);
  const setConsent = useKioskStore((s) => s.setConsent);
  const decline = useKioskStore((s) => s.decline);
  const retentionDays = useSettingsStore((s) => s.settings?.retentionDays ?? 30);
  const both = consent.data && consent.photo;
  return (
    <KioskStep
      step="consent"
      primary={{ label: t('kiosk.consent.accept'), disabled: !both }}
      extra={
        <button type="button" className="kiosk-button kiosk-button-decline" onClick={decline}>
          {t('kiosk.consent.decline')}
        </button>
      }
    >
      <p className="kiosk-muted">{t('kiosk.consent.intro')}</p>
      <dl className="kiosk-consent-facts">
        <div>
          <dt>{t('kiosk.consent.whatTitle')}</dt>
          <dd>{t('kiosk.consent.what')}</dd>
        </div>
        <div>
          <dt>{t('kiosk.consent.whyTitle')}</dt>
          <dd>{t('kiosk.consent.why')}</dd>
        </div>
        <div>
          <dt>{t('kiosk.consent.keepTitle')}</dt>
          <dd>{t('kiosk.consent.keep', { days: retentionDays })}</dd>
        </div>
      </dl>
      <div className="kiosk-consents" aria-describedby="kiosk-consent-hint">
        <label className="kiosk-check" htmlFor="kiosk-consent-data">
          <input id="kiosk-consent-data" type="checkbox" checked={consent.data} onChange={(e) => setConsent('data', e.target.checked)} />
          <span>{t('kiosk.consent.data')}</span>
        </label>
        <label className="kiosk-check" htmlFor="kiosk-consent-photo">
          <input id="kiosk-consent-photo" type="checkbox" checked={consent.photo} onChange={(e) => setConsent('photo', e.target.checked)} />
          <span>{t('kiosk.consent.photo')}</span>
        </label>
      </div>
      {!both && (
        <p id="kiosk-consent-hint" className={reminder ? 'kiosk-field-error' : 'kiosk-muted'} role={reminder ? 'alert' : undefined}>
          {t('kiosk.consent.needBoth')}
        </p>
      )}
    </KioskStep>
  );
}

export function SubmittingScreen() {
  const t = useT();
  return (
    <section className="kiosk-center" aria-labelledby={KIOSK_HEADING_ID} aria-busy="true">
      <div className="kiosk-spinner" aria-hidden="true" />
      <h1 id={KIOSK_HEADING_ID} className="kiosk-title" tabIndex={-1} role="status">
        {t('kiosk.submitting')}
      </h1>
    </section>
  );
}

export function DoneScreen() {
  const t = useT();
  const done = useKioskStore((s) => s.done);
  const wipe = useKioskStore((s) => s.wipe);
  const left = useAutoReturn(DONE_RETURN_SECONDS, wipe);
  return (
    <section className="kiosk-center kiosk-done" aria-labelledby={KIOSK_HEADING_ID}>
      <div className="kiosk-tick" aria-hidden="true">
        ✓
      </div>
      <h1 id={KIOSK_HEADING_ID} className="kiosk-title" tabIndex={-1} data-testid="kiosk-done-message">
        {t('kiosk.done.wait', { host: done?.hostName ?? '' })}
      </h1>
      {done?.number && (
        <dl className="kiosk-number">
          <dt>{t('kiosk.done.number')}</dt>
          <dd data-testid="kiosk-visit-number">{done.number}</dd>
        </dl>
      )}
      {done?.doorsPending && <p className="kiosk-note">{t('kiosk.done.doorsPending')}</p>}
      <p className="kiosk-muted" aria-live="off">
        {t('kiosk.returning', { n: left })}
      </p>
      <button type="button" className="kiosk-button kiosk-button-primary" onClick={wipe}>
        {t('kiosk.done.finish')}
      </button>
    </section>
  );
}

export function ReceptionScreen() {
  const t = useT();
  const reason = useKioskStore((s) => s.reception) ?? 'unavailable';
  const wipe = useKioskStore((s) => s.wipe);
  const left = useAutoReturn(RECEPTION_RETURN_SECONDS, wipe);
  return (
    <section className="kiosk-center kiosk-reception" aria-labelledby={KIOSK_HEADING_ID} data-reason={reason}>
      <h1 id={KIOSK_HEADING_ID} className="kiosk-title" tabIndex={-1}>
        {t('kiosk.reception.title')}
      </h1>
      <p className="kiosk-lead">{t(`kiosk.reception.${reason}`)}</p>
      <p className="kiosk-muted" aria-live="off">
        {t('kiosk.returning', { n: left })}
      </p>
      <button type="button" className="kiosk-button kiosk-button-primary" onClick={wipe}>
        {t('kiosk.backToStart')}
      </button>
    </section>
  );
}

export function FailedScreen() {
  const t = useT();
  const error = useKioskStore((s) => s.error);
  const submit = useKioskStore((s) => s.submit);
  const edit = useKioskStore((s) => s.edit);
  const goToReception = useKioskStore((s) => s.goToReception);
  const view = error ? kioskErrorView(error) : undefined;
  return (
    <section className="kiosk-center kiosk-failed" aria-labelledby={KIOSK_HEADING_ID}>
      <h1 id={KIOSK_HEADING_ID} className="kiosk-title" tabIndex={-1}>
        {t('kiosk.failed.title')}
      </h1>
      {error && <KioskErrorMessage error={error} />}
      <p className="kiosk-lead">{t('kiosk.failed.kept')}</p>
      <div className="kiosk-actions kiosk-actions-center">
        {view?.retry !== false && (
          <button type="button" className="kiosk-button kiosk-button-primary" onClick={() => void submit()}>
            {t('kiosk.retry')}
          </button>
        )}
        <button type="button" className="kiosk-button" onClick={edit}>
          {t('kiosk.edit')}
        </button>
        <button type="button" className="kiosk-button" onClick={() => goToReception('unavailable')}>
          {t('kiosk.seeReception')}
        </button>
      </div>
    </section>
  );
}
