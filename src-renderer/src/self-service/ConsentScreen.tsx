import { useT } from '../i18n';
import { useSettingsStore } from '../settings/store';
import { useSelfServiceStore } from './store';
import { SelfServiceStep } from './SelfServiceStep';

/**
 * The first step, before anything personal is typed: who is responsible for the data, everything
 * the form collects, why and for how long, and two separate choices (the data for this visit; a
 * face photo). Without a photo the kiosk cannot register anyone, and it says so here, with the
 * way out (reception) before the visitor has typed a thing.
 */
export function ConsentScreen() {
  const t = useT();
  const consent = useSelfServiceStore((s) => s.consent);
  const reminder = useSelfServiceStore((s) => s.consentReminder);
  const setConsent = useSelfServiceStore((s) => s.setConsent);
  const decline = useSelfServiceStore((s) => s.decline);
  const declinePhoto = useSelfServiceStore((s) => s.declinePhoto);
  const retentionDays = useSettingsStore((s) => s.settings?.retentionDays ?? 30);
  const company = useSettingsStore((s) => s.settings?.companyName ?? '');
  const notifies = useSettingsStore((s) => s.settings?.hostNotificationConfigured ?? false);
  const both = consent.data && consent.photo;
  return (
    <SelfServiceStep
      step="consent"
      primary={{ label: t('selfService.consent.accept'), disabled: !both }}
      extra={
        <button type="button" className="self-service-button self-service-button-decline" onClick={decline}>
          {t('selfService.consent.decline')}
        </button>
      }
    >
      <p className="self-service-muted">{t('selfService.consent.intro')}</p>
      <div className="self-service-consent-layout">
        <dl className="self-service-consent-facts">
          <div>
            <dt>{t('selfService.consent.controllerTitle')}</dt>
            <dd data-testid="consent-controller">{company ? t('selfService.consent.controller', { company }) : t('selfService.consent.controllerUnset')}</dd>
          </div>
          <div>
            <dt>{t('selfService.consent.whatTitle')}</dt>
            <dd>{t('selfService.consent.whatList')}</dd>
          </div>
          <div>
            <dt>{t('selfService.consent.whyTitle')}</dt>
            <dd>{notifies ? t('selfService.consent.whyNotify') : t('selfService.consent.whyDoors')}</dd>
          </div>
          <div>
            <dt>{t('selfService.consent.keepTitle')}</dt>
            <dd>{t('selfService.consent.keep', { days: retentionDays })}</dd>
          </div>
        </dl>
        <div className="self-service-consents" aria-describedby={both ? undefined : 'self-service-consent-hint'}>
          <label className="self-service-check" htmlFor="self-service-consent-data">
            <input id="self-service-consent-data" type="checkbox" checked={consent.data} onChange={(e) => setConsent('data', e.target.checked)} />
            <span>{t('selfService.consent.data')}</span>
          </label>
          <label className="self-service-check" htmlFor="self-service-consent-photo">
            <input
              id="self-service-consent-photo"
              type="checkbox"
              checked={consent.photo}
              onChange={(e) => setConsent('photo', e.target.checked)}
              aria-describedby="self-service-no-photo"
            />
            <span>{t('selfService.consent.photo')}</span>
          </label>
          <div className="self-service-no-photo">
            <p id="self-service-no-photo" className="self-service-muted">
              {t('selfService.consent.noPhoto')}
            </p>
            <button type="button" className="self-service-button" onClick={declinePhoto}>
              {t('selfService.consent.noPhotoButton')}
            </button>
          </div>
        </div>
      </div>
      {!both && (
        <p id="self-service-consent-hint" className={reminder ? 'self-service-field-error' : 'self-service-muted'} role={reminder ? 'alert' : undefined}>
          {t('selfService.consent.needBoth')}
        </p>
      )}
    </SelfServiceStep>
  );
}
