import type { FormEvent } from 'react';
import { LIMITS, type PublicSettings } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useDeviceList } from '../devices/store';
import { DeviceChecklist } from '../devices/DeviceChecklist';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { ConnectionTools } from './ConnectionTools';
import { profileOptions, settingsFieldId as fid, type SettingsField } from './patch';
import { SecretField } from './SecretField';
import { SiteDatabaseSection } from './SiteDatabaseSection';
import { useSettingsForm } from './useSettingsForm';

export function SettingsForm({ settings }: { settings: PublicSettings }) {
  const t = useT();
  const { form, set, setSecret, errors, dirty, siteDirty, restartNeeded, saving, saved, saveError, submit, discard } = useSettingsForm(settings);
  const { devices, loaded: devicesLoaded, error: devicesError } = useDeviceList();

  const err = (field: SettingsField) => {
    const error = errors[field];
    return error ? t(error.key, error.params) : undefined;
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) void submit();
  };
  const secretLabels = { appSecret: t('settings.appSecret'), aesKey: t('settings.aesKey'), aesIv: t('settings.aesIv') };

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
          <TextField
            id={fid('server')}
            label={t('settings.server')}
            value={form.server}
            onChange={(v) => set('server', v)}
            hint={t('settings.serverHint')}
            error={err('server')}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            id={fid('companyno')}
            label={t('settings.companyno')}
            value={form.companyno}
            onChange={(v) => set('companyno', v)}
            error={err('companyno')}
            autoComplete="off"
            spellCheck={false}
          />
          {(['appSecret', 'aesKey', 'aesIv'] as const).map((name) => (
            <SecretField
              key={name}
              name={name}
              label={secretLabels[name]}
              isSet={settings.secretsSet[name]}
              value={form.secrets[name].value}
              clear={form.secrets[name].clear}
              error={err(name)}
              onChange={(patch) => setSecret(name, patch)}
            />
          ))}
          <SelectField
            id={fid('profile')}
            label={t('settings.profile')}
            value={form.profile}
            options={profileOptions(settings.profiles, settings.profile, form.profile).map((p) => ({ value: p, label: p }))}
            onChange={(v) => set('profile', v)}
            error={err('profile')}
          />
          <SelectField
            id={fid('photoEncoding')}
            label={t('settings.photoEncoding')}
            value={form.photoEncoding}
            options={(['data-url', 'bare'] as const).map((v) => ({ value: v, label: t(`settings.photoEncoding.${v}`) }))}
            onChange={(v) => set('photoEncoding', v)}
          />
          <SelectField
            id={fid('responseSignPolicy')}
            label={t('settings.responseSignPolicy')}
            value={form.responseSignPolicy}
            options={(['off', 'warn', 'strict'] as const).map((v) => ({ value: v, label: t(`settings.responseSignPolicy.${v}`) }))}
            onChange={(v) => set('responseSignPolicy', v)}
          />
        </div>
        {/* The company number travels in clear: signing with it is an explicit, warned choice. */}
        <label className="check-field" htmlFor={fid('useCompanyNoAsSecret')}>
          <input
            id={fid('useCompanyNoAsSecret')}
            type="checkbox"
            className="checkbox"
            checked={form.useCompanyNoAsSecret}
            aria-describedby={`${fid('useCompanyNoAsSecret')}-hint`}
            onChange={(e) => set('useCompanyNoAsSecret', e.target.checked)}
          />
          {t('settings.useCompanyNoAsSecret')}
        </label>
        <p id={`${fid('useCompanyNoAsSecret')}-hint`} className={form.useCompanyNoAsSecret ? 'alert alert-warning' : 'field-hint'}>
          {t('settings.useCompanyNoAsSecretHint')}
        </p>
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
          <TextField
            id={fid('defaultVisitMinutes')}
            label={t('settings.defaultVisitMinutes')}
            type="number"
            inputMode="numeric"
            min={LIMITS.defaultVisitMinutes.min}
            max={LIMITS.defaultVisitMinutes.max}
            step={5}
            value={form.defaultVisitMinutes}
            onChange={(v) => set('defaultVisitMinutes', v)}
            error={err('defaultVisitMinutes')}
          />
          <TextField
            id={fid('maxVisitHours')}
            label={t('settings.maxVisitHours')}
            type="number"
            inputMode="numeric"
            min={LIMITS.maxVisitHours.min}
            max={LIMITS.maxVisitHours.max}
            value={form.maxVisitHours}
            onChange={(v) => set('maxVisitHours', v)}
            hint={t('settings.maxVisitHoursHint')}
            error={err('maxVisitHours')}
          />
          <TextField
            id={fid('photoMaxKB')}
            label={t('settings.photoMaxKB')}
            type="number"
            inputMode="numeric"
            min={LIMITS.photoMaxKB.min}
            max={LIMITS.photoMaxKB.max}
            value={form.photoMaxKB}
            onChange={(v) => set('photoMaxKB', v)}
            error={err('photoMaxKB')}
          />
        </div>
      </section>

      <section className="card settings-section" aria-labelledby="settings-display">
        <h2 id="settings-display">{t('settings.display')}</h2>
        <div className="grid-2">
          <SelectField
            id={fid('language')}
            label={t('settings.language')}
            value={form.language}
            options={(['zh-CN', 'en'] as const).map((v) => ({ value: v, label: t(`settings.language.${v}`) }))}
            onChange={(v) => set('language', v)}
          />
          <TextField
            id={fid('companyName')}
            label={t('settings.companyName')}
            value={form.companyName}
            onChange={(v) => set('companyName', v)}
            hint={t('settings.companyNameHint')}
            error={err('companyName')}
            autoComplete="organization"
          />
          <TextField
            id={fid('selfServiceIdleSeconds')}
            label={t('settings.selfServiceIdleSeconds')}
            type="number"
            inputMode="numeric"
            min={LIMITS.selfServiceIdleSeconds.min}
            max={LIMITS.selfServiceIdleSeconds.max}
            value={form.selfServiceIdleSeconds}
            onChange={(v) => set('selfServiceIdleSeconds', v)}
            error={err('selfServiceIdleSeconds')}
          />
          <TextField
            id={fid('selfServiceRegistrationsPerMinute')}
            label={t('settings.selfServiceRegistrationsPerMinute')}
            type="number"
            inputMode="numeric"
            min={LIMITS.selfServiceRegistrationsPerMinute.min}
            max={LIMITS.selfServiceRegistrationsPerMinute.max}
            value={form.selfServiceRegistrationsPerMinute}
            onChange={(v) => set('selfServiceRegistrationsPerMinute', v)}
            error={err('selfServiceRegistrationsPerMinute')}
          />
        </div>
        {/* Leaving self-service mode takes the admin PIN, so there must be one first (main refuses too). */}
        <label className="check-field" htmlFor={fid('selfServiceMode')}>
          <input
            id={fid('selfServiceMode')}
            type="checkbox"
            className="checkbox"
            checked={form.selfServiceMode}
            disabled={!settings.adminPinSet && !form.selfServiceMode}
            aria-describedby={`${fid('selfServiceMode')}-hint`}
            onChange={(e) => set('selfServiceMode', e.target.checked)}
          />
          {t('settings.selfServiceMode')}
        </label>
        <p id={`${fid('selfServiceMode')}-hint`} className={settings.adminPinSet ? 'field-hint' : 'alert alert-warning'}>
          {settings.adminPinSet ? t('settings.selfServiceHint') : t('settings.selfServiceNeedsPin')}
        </p>
        {form.selfServiceMode && form.defaultDeviceNos.length === 0 && <p className="alert alert-warning">{t('settings.selfServiceNoDevices')}</p>}
        <label className="check-field" htmlFor={fid('startAtLogin')}>
          <input
            id={fid('startAtLogin')}
            type="checkbox"
            className="checkbox"
            checked={form.startAtLogin}
            onChange={(e) => set('startAtLogin', e.target.checked)}
          />
          {t('settings.startAtLogin')}
        </label>
      </section>

      <section className="card settings-section" aria-labelledby="settings-other">
        <h2 id="settings-other">{t('settings.advanced')}</h2>
        <div className="grid-2">
          <TextField
            id={fid('callbackAddress')}
            label={t('settings.callbackAddress')}
            value={form.callbackAddress}
            onChange={(v) => set('callbackAddress', v)}
            hint={t('settings.callbackHint')}
            error={err('callbackAddress')}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            id={fid('retentionDays')}
            label={t('settings.retentionDays')}
            type="number"
            inputMode="numeric"
            min={LIMITS.retentionDays.min}
            max={LIMITS.retentionDays.max}
            value={form.retentionDays}
            onChange={(v) => set('retentionDays', v)}
            error={err('retentionDays')}
          />
          <TextField
            id={fid('profileRetentionDays')}
            label={t('settings.profileRetentionDays')}
            hint={t('settings.profileRetentionHint')}
            type="number"
            inputMode="numeric"
            min={LIMITS.profileRetentionDays.min}
            max={LIMITS.profileRetentionDays.max}
            value={form.profileRetentionDays}
            onChange={(v) => set('profileRetentionDays', v)}
            error={err('profileRetentionDays')}
          />
          <TextField
            id={fid('profilePhotoDays')}
            label={t('settings.profilePhotoDays')}
            type="number"
            inputMode="numeric"
            min={LIMITS.profilePhotoDays.min}
            max={LIMITS.profilePhotoDays.max}
            value={form.profilePhotoDays}
            onChange={(v) => set('profilePhotoDays', v)}
            error={err('profilePhotoDays')}
          />
        </div>
      </section>

      <SiteDatabaseSection settings={settings} form={form} set={set} setSecret={setSecret} err={err} siteDirty={siteDirty} restartNeeded={restartNeeded} />

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
