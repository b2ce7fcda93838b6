import type { Device } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { groupByRegion } from './store';
import { OnlineBadge } from '../components/Badges';
import './devices.css';

interface Props {
  /** DOM id of the group (focus moves here when nothing is selected). */
  id: string;
  labelledBy: string;
  devices: Device[];
  selected: string[];
  onChange: (deviceNos: string[]) => void;
  errorId?: string;
  /** "Select all online doors" and "Clear all" above the regions: one tap instead of one per door. */
  bulkActions?: boolean;
}

/** Door devices grouped by region, each a checkbox; offline ones are shown (and selectable) with a warning. */
export function DeviceChecklist({ id, labelledBy, devices, selected, onChange, errorId, bulkActions = false }: Props) {
  const t = useT();
  const chosen = new Set(selected);
  const toggle = (no: string, on: boolean) => onChange(on ? [...selected, no] : selected.filter((n) => n !== no));
  const selectRegion = (list: Device[]) => onChange([...new Set([...selected, ...list.map((d) => d.no)])]);
  const clearRegion = (list: Device[]) => onChange(selected.filter((no) => !list.some((d) => d.no === no)));
  const online = devices.filter((d) => d.online);

  return (
    <div id={id} role="group" aria-labelledby={labelledBy} aria-describedby={errorId} tabIndex={-1} className="device-checklist">
      {bulkActions && (
        // Offline doors ticked by hand stay ticked: "all online" only adds.
        <div className="button-row checklist-bulk" role="group" aria-label={t('devices.bulkLabel')}>
          <button type="button" className="button" onClick={() => selectRegion(online)} disabled={online.every((d) => chosen.has(d.no))}>
            {t('devices.selectAllOnline', { count: online.length })}
          </button>
          <button type="button" className="button button-quiet" onClick={() => onChange([])} disabled={selected.length === 0}>
            {t('devices.clearAll')}
          </button>
        </div>
      )}
      {groupByRegion(devices).map(({ region, devices: list }) => {
        const regionName = region || t('devices.noRegion');
        const allOn = list.every((d) => chosen.has(d.no));
        const noneOn = !list.some((d) => chosen.has(d.no));
        return (
          <fieldset key={region} className="region">
            <legend className="region-name">{regionName}</legend>
            <div className="button-row region-actions">
              <button type="button" className="button button-small" onClick={() => selectRegion(list)} disabled={allOn}>
                {t('devices.selectRegion', { region: regionName })}
              </button>
              <button type="button" className="button button-small" onClick={() => clearRegion(list)} disabled={noneOn}>
                {t('devices.clearRegion', { region: regionName })}
              </button>
            </div>
            <ul className="device-options">
              {list.map((device) => {
                const inputId = `${id}-${device.no}`;
                return (
                  <li key={device.no} className={`device-option ${device.online ? '' : 'device-offline'}`}>
                    <label htmlFor={inputId} className="device-option-label">
                      <input
                        type="checkbox"
                        id={inputId}
                        className="checkbox"
                        checked={chosen.has(device.no)}
                        onChange={(e) => toggle(device.no, e.target.checked)}
                        aria-describedby={`${inputId}-state`}
                      />
                      {device.name}
                    </label>
                    <span id={`${inputId}-state`} className="device-option-meta">
                      <span className="direction">{device.direction === 'in' ? t('devices.in') : t('devices.out')}</span>
                      <OnlineBadge device={device} />
                      {!device.online && <span className="offline-hint">{t('devices.offlineHint')}</span>}
                    </span>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
