import { useEffect } from 'react';
import { useT } from '../i18n';
import { useDeviceList } from '../devices/store';
import { useSettingsStore } from '../settings/store';
import { useRegistrationStore } from './store';
import { DeviceChecklist } from '../devices/DeviceChecklist';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldId } from './draft';

/**
 * The doors of the visit step: the administrator's defaults pre-ticked; without defaults none is
 * (#11: never every door on its own), and "select all online doors" makes that one tap.
 */
export function DoorsPicker() {
  const t = useT();
  const { devices, loaded, loading, error: loadError, load } = useDeviceList();
  const selected = useRegistrationStore((s) => s.draft.deviceNos);
  const initDevices = useRegistrationStore((s) => s.initDevices);
  const setDevices = useRegistrationStore((s) => s.setDevices);
  const fieldError = useRegistrationStore((s) => s.fieldErrors.devices);
  const noDefaults = useSettingsStore((s) => (s.settings?.defaultDeviceNos.length ?? 0) === 0);

  useEffect(() => {
    if (loaded) initDevices(devices);
  }, [loaded, devices, initDevices]);

  const chosen = selected ?? [];
  const offlineChosen = devices.filter((d) => !d.online && chosen.includes(d.no)).length;
  const errorId = fieldError ? `${fieldId('devices')}-error` : undefined;

  return (
    <section className="visit-part" aria-labelledby="devices-label">
      <div className="toolbar">
        <h3>
          <span id="devices-label">{t('wizard.section.devices')}</span>
          <span className="muted selected-count" aria-live="polite">
            {' · '}
            {t('devices.selectedCount', { count: chosen.length })}
          </span>
        </h3>
        <button type="button" className="button button-quiet" onClick={() => void load(true)} disabled={loading}>
          {t('common.refresh')}
        </button>
      </div>
      {loading && !loaded && <p role="status">{t('devices.loading')}</p>}
      {loaded && devices.length > 0 && noDefaults && (
        <p className="alert alert-warning" role="status" data-testid="no-default-doors">
          {t('devices.noDefaults')}
        </p>
      )}
      <ErrorAlert error={loadError} />
      {loaded && devices.length === 0 && <p className="empty">{t('devices.empty')}</p>}
      {/* The error sits above the (long) list and is revealed with it: never off screen below it. */}
      <div data-reveal-from="">
        {fieldError && (
          <p id={errorId} className="field-error">
            {t(fieldError.key, fieldError.params)}
          </p>
        )}
        {loaded && devices.length > 0 && (
          <DeviceChecklist
            id={fieldId('devices')}
            labelledBy="devices-label"
            devices={devices}
            selected={chosen}
            onChange={setDevices}
            errorId={errorId}
            bulkActions
          />
        )}
      </div>
      {offlineChosen > 0 && (
        <p className="alert alert-warning" role="status">
          {t('devices.offlineWarning', { count: offlineChosen })}
        </p>
      )}
    </section>
  );
}
