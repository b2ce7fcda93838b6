import type { FormEvent } from 'react';
import type { PublicSettings } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useDeviceList } from '../devices/store';
import { DeviceChecklist } from '../devices/DeviceChecklist';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConnectionTools } from './ConnectionTools';
import { K30_SECRET_FIELDS, profileOptions, settingsFieldId as fid } from './patch';
import { bindSettingsFields } from './settings-fields';
import { SiteDatabaseSection } from './SiteDatabaseSection';
import { useSettingsForm } from './useSettingsForm';

export function SettingsForm({ settings }: { settings: PublicSettings }) {
  const t = useT();
  const { form, set, setSecret, errors, dirty, siteDirty, restartNeeded, saving, saved, saveError, submit, discard } = useSettingsForm(settings);
  const { devices, loaded: devicesLoaded, error: devicesError } = useDeviceList();

  const fields = bindSettingsFields({ settings, form, errors, set, setSecret, t });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) void submit();
  };

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-label={t('settings.title')}>
      <section className="card settings-section" aria-labelledby="settings-connection">
        <h2 id="settings-connection">{t('settings.connection')}</h2>
        {settings.secretProtection !== 'os' && (
          <p className="alert alert-warning" data-testid="secret-protection-warning">
            {t('settings.secretWarning')}
          </p>
        )}
        <div className="grid-2">
          {fields.text('server', { hint: t('settings.serverHint'), type: 'url', inputMode: 'url', autoComplete: 'off', spellCheck: false })}
          {fields.text('companyno', { autoComplete: 'off', spellCheck: false })}
          {K30_SECRET_FIELDS.map((name) => fields.secret(name, t(`settings.${name}`)))}
          {fields.choice(
            'profile',
            t('settings.profile'),
            profileOptions(settings.profiles, settings.profile, form.profile).map((p) => ({ value: p, label: p })),
          )}
          {fields.choice(
            'photoEncoding',
            t('settings.photoEncoding'),
            (['data-url', 'bare'] as const).map((v) => ({ value: v, label: t(`settings.photoEncoding.${v}`) })),
          )}
          {fields.choice(
            'responseSignPolicy',
            t('settings.responseSignPolicy'),
            (['off', 'warn', 'strict'] as const).map((v) => ({ value: v, label: t(`settings.responseSignPolicy.${v}`) })),
          )}
        </div>
        {/* The company number travels in clear: signing with it is an explicit, warned choice. */}
        {fields.check('useCompanyNoAsSecret', { hint: { text: t('settings.useCompanyNoAsSecretHint'), warn: form.useCompanyNoAsSecret } })}
        <ConnectionTools dirty={dirty} onUseProfile={(p) => set('profile', p)} />
      </section>

      <section className="card settings-section" aria-labelledby="settings-defaults">
        <h2 id="settings-defaults">{t('settings.defaults')}</h2>
        <p id="settings-default-devices-label" className="field-label">
          {t('settings.defaultDevices')}
        </p>
        <p className="field-hint">{t('settings.defaultDevicesHint')}</p>
        <ErrorAlert error={devicesError} />
        {devicesLoaded && (
          <DeviceChecklist
            id={fid('defaultDeviceNos')}
            labelledBy="settings-default-devices-label"
            devices={devices}
            selected={form.defaultDeviceNos}
            onChange={(nos) => set('defaultDeviceNos', nos)}
          />
        )}
        <div className="grid-2">
          {fields.number('defaultVisitMinutes', { step: 5 })}
          {fields.number('maxVisitHours', { hint: t('settings.maxVisitHoursHint') })}
          {fields.number('photoMaxKB')}
        </div>
      </section>

      <section className="card settings-section" aria-labelledby="settings-display">
        <h2 id="settings-display">{t('settings.display')}</h2>
        <div className="grid-2">
          {fields.choice(
            'language',
            t('settings.language'),
            (['zh-CN', 'en'] as const).map((v) => ({ value: v, label: t(`settings.language.${v}`) })),
          )}
          {fields.text('companyName', { hint: t('settings.companyNameHint'), autoComplete: 'organization' })}
          {fields.number('selfServiceIdleSeconds')}
          {fields.number('selfServiceRegistrationsPerMinute')}
        </div>
        {/* Leaving self-service mode takes the admin PIN, so there must be one first (main refuses too). */}
        {fields.check('selfServiceMode', {
          disabled: !settings.adminPinSet && !form.selfServiceMode,
          hint: { text: settings.adminPinSet ? t('settings.selfServiceHint') : t('settings.selfServiceNeedsPin'), warn: !settings.adminPinSet },
        })}
        {form.selfServiceMode && form.defaultDeviceNos.length === 0 && <p className="alert alert-warning">{t('settings.selfServiceNoDevices')}</p>}
        {fields.check('startAtLogin')}
      </section>

      <section className="card settings-section" aria-labelledby="settings-other">
        <h2 id="settings-other">{t('settings.advanced')}</h2>
        <div className="grid-2">
          {fields.text('callbackAddress', { hint: t('settings.callbackHint'), autoComplete: 'off', spellCheck: false })}
          {fields.number('retentionDays')}
          {fields.number('profileRetentionDays', { hint: t('settings.profileRetentionHint') })}
          {fields.number('profilePhotoDays')}
        </div>
      </section>

      <SiteDatabaseSection settings={settings} form={form} fields={fields} siteDirty={siteDirty} restartNeeded={restartNeeded} />

      <div className="save-bar">
        <ErrorAlert id="settings-alert" error={saveError} />
        <p role="status" className="save-status">
          {saved === 'saved' ? t('settings.saved') : saved === 'nothing' ? t('settings.noChanges') : dirty ? t('settings.unsaved') : ''}
        </p>
        <div className="button-row">
          {dirty && (
            <button type="button" className="button" onClick={discard} disabled={saving}>
              {t('settings.discard')}
            </button>
          )}
          <button type="submit" className="button button-primary button-large" disabled={saving}>
            {saving ? t('common.working') : t('settings.save')}
          </button>
        </div>
      </div>
    </form>
  );
}
