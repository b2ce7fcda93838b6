import { useT } from '../i18n';
import { checkNames } from '../photo/face/face-words';
import { useSettingsStore } from '../settings/store';
import { useSelfServiceHostSearch, useSelfServiceStore } from './store';
import { HostSearchBox } from '../register/HostCombobox';
import { VisitorFields } from '../register/VisitorFields';
import { DONE_RETURN_SECONDS, selfServiceErrorView, RECEPTION_RETURN_SECONDS } from './flow';
import { KIOSK_HEADING_ID, selfServiceFieldId, useAutoReturn } from './hooks';
import { SelfServiceErrorMessage } from './SelfServiceErrorMessage';
import { SelfServiceStep } from './SelfServiceStep';
import { KioskReturning } from './KioskReturning';
import '../register/returning.css';
import { DoneVisitCode } from './DoneVisitCode';

export function WelcomeScreen() {
  const t = useT();
  const start = useSelfServiceStore((s) => s.start);
  const startLeaving = useSelfServiceStore((s) => s.startLeaving);
  // Main signs nothing without an app secret: say so before a visitor types anything.
  const paused = useSettingsStore((s) => s.settings?.registrationPaused ?? false);
  if (paused) {
    return (
      <section className="self-service-welcome" aria-labelledby={KIOSK_HEADING_ID}>
        <h1 id={KIOSK_HEADING_ID} className="self-service-welcome-title" tabIndex={-1}>
          {t('selfService.paused.title')}
        </h1>
        <p className="self-service-lead" role="alert">
          {t('selfService.paused.body')}
        </p>
      </section>
    );
  }
  return (
    <section className="self-service-welcome" aria-labelledby={KIOSK_HEADING_ID}>
      <h1 id={KIOSK_HEADING_ID} className="self-service-welcome-title" tabIndex={-1}>
        {t('selfService.welcome.title')}
      </h1>
      <p className="self-service-lead">{t('selfService.welcome.body')}</p>
      <p className="self-service-muted">{t('selfService.welcome.needs')}</p>
      <button type="button" className="self-service-button self-service-button-primary self-service-button-hero" onClick={start}>
        {t('selfService.welcome.start')}
      </button>
      <button type="button" className="self-service-button self-service-leave-button" onClick={startLeaving}>
        {t('selfService.welcome.leave')}
      </button>
    </section>
  );
}

export function DetailsScreen() {
  const t = useT();
  return (
    <SelfServiceStep step="details">
      <p className="self-service-muted">{t('selfService.details.intro')}</p>
      <VisitorFields store={useSelfServiceStore} idOf={selfServiceFieldId} variant="self-service" />
      <KioskReturning />
    </SelfServiceStep>
  );
}

export function HostScreen() {
  const t = useT();
  const host = useSelfServiceStore((s) => s.draft.host);
  const setHost = useSelfServiceStore((s) => s.setHost);
  const error = useSelfServiceStore((s) => s.fieldErrors.host);
  return (
    <SelfServiceStep step="host">
      <HostSearchBox search={useSelfServiceHostSearch} host={host} onHostChange={setHost} error={error} hint={t('selfService.host.hint')} />
    </SelfServiceStep>
  );
}

export function SubmittingScreen() {
  const t = useT();
  return (
    <section className="self-service-center" aria-labelledby={KIOSK_HEADING_ID} aria-busy="true">
      <div className="self-service-spinner" aria-hidden="true" />
      <h1 id={KIOSK_HEADING_ID} className="self-service-title" tabIndex={-1} role="status">
        {t('selfService.submitting')}
      </h1>
    </section>
  );
}

export function DoneScreen() {
  const t = useT();
  const done = useSelfServiceStore((s) => s.done);
  const wipe = useSelfServiceStore((s) => s.wipe);
  // Only a configured notification channel tells the host; otherwise reception does (no promise we do not keep).
  const notifies = useSettingsStore((s) => s.settings?.hostNotificationConfigured ?? false);
  const left = useAutoReturn(DONE_RETURN_SECONDS, wipe);
  const host = done?.hostName ?? '';
  return (
    <section className="self-service-center self-service-done" aria-labelledby={KIOSK_HEADING_ID}>
      <div className="self-service-tick" aria-hidden="true">
        ✓
      </div>
      <h1 id={KIOSK_HEADING_ID} className="self-service-title" tabIndex={-1}>
        {t('selfService.done.title')}
      </h1>
      <p className="self-service-lead self-service-done-next" data-testid="self-service-done-message" data-notifies={notifies}>
        {notifies ? t('selfService.done.notifying', { host }) : t('selfService.done.waitReception', { host })}
      </p>
      {done?.visitCode && <DoneVisitCode code={done.visitCode} />}
      {done?.number && (
        <dl className="self-service-number">
          <dt>{t('selfService.done.number')}</dt>
          <dd data-testid="self-service-visit-number">{done.number}</dd>
        </dl>
      )}
      {done?.doorsPending && <p className="self-service-note">{t('selfService.done.doorsPending')}</p>}
      <p className="self-service-muted" aria-live="off">
        {t('selfService.returning', { n: left })}
      </p>
      <button type="button" className="self-service-button self-service-button-primary" onClick={wipe}>
        {t('selfService.done.finish')}
      </button>
    </section>
  );
}

export function ReceptionScreen() {
  const t = useT();
  const reason = useSelfServiceStore((s) => s.reception) ?? 'unavailable';
  const why = useSelfServiceStore((s) => s.receptionWhy);
  const wipe = useSelfServiceStore((s) => s.wipe);
  const left = useAutoReturn(RECEPTION_RETURN_SECONDS, wipe);
  return (
    <section className="self-service-center self-service-reception" aria-labelledby={KIOSK_HEADING_ID} data-reason={reason}>
      <h1 id={KIOSK_HEADING_ID} className="self-service-title" tabIndex={-1}>
        {t('selfService.reception.title')}
      </h1>
      <p className="self-service-lead">{t(`selfService.reception.${reason}`)}</p>
      {reason === 'photo' && why.length > 0 && (
        <p className="self-service-lead">{t('selfService.reception.photoWhy', { why: t('faceCheck.failed', { list: checkNames(t, why) }) })}</p>
      )}
      <p className="self-service-muted" aria-live="off">
        {t('selfService.returning', { n: left })}
      </p>
      <button type="button" className="self-service-button self-service-button-primary" onClick={wipe}>
        {t('selfService.backToStart')}
      </button>
    </section>
  );
}

export function FailedScreen() {
  const t = useT();
  const error = useSelfServiceStore((s) => s.error);
  const submit = useSelfServiceStore((s) => s.submit);
  const edit = useSelfServiceStore((s) => s.edit);
  const goToReception = useSelfServiceStore((s) => s.goToReception);
  const view = error ? selfServiceErrorView(error) : undefined;
  return (
    <section className="self-service-center self-service-failed" aria-labelledby={KIOSK_HEADING_ID}>
      <h1 id={KIOSK_HEADING_ID} className="self-service-title" tabIndex={-1}>
        {t('selfService.failed.title')}
      </h1>
      {error && <SelfServiceErrorMessage error={error} />}
      <p className="self-service-lead">{t('selfService.failed.kept')}</p>
      <div className="self-service-actions self-service-actions-center">
        {view?.retry !== false && (
          <button type="button" className="self-service-button self-service-button-primary" onClick={() => void submit()}>
            {t('selfService.retry')}
          </button>
        )}
        <button type="button" className="self-service-button" onClick={edit}>
          {t('selfService.edit')}
        </button>
        <button type="button" className="self-service-button" onClick={() => goToReception('unavailable')}>
          {t('selfService.seeReception')}
        </button>
      </div>
    </section>
  );
}
