import { useState } from 'react';
import type { Device, KioskError } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { groupByRegion, useDeviceList, useDevicesStore } from './store';
import { OnlineBadge } from '../components/Badges';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import './devices.css';

export function DevicesPage() {
  const t = useT();
  const { devices, loaded, loading, error: loadError, load } = useDeviceList(true);
  const openDoor = useDevicesStore((s) => s.openDoor);
  const [target, setTarget] = useState<Device | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  const [notice, setNotice] = useState('');

  const confirmOpen = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    setNotice('');
    const result = await openDoor(target.no);
    setBusy(false);
    if (result.ok) setNotice(t('devicesPage.opened', { name: target.name }));
    else setError(result.error);
    setTarget(null);
  };

  const rows = groupByRegion(devices).flatMap((g) => g.devices);

  return (
    <div className="page page-devices">
      <div className="page-head">
        <h1 className="page-title">{t('devicesPage.title')}</h1>
        <button type="button" className="button button-quiet" onClick={() => void load(true)} disabled={loading}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorAlert error={loadError} />
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {loading && !loaded && <p role="status">{t('devices.loading')}</p>}
      {loaded && rows.length === 0 && <p className="empty">{t('devices.empty')}</p>}
      {rows.length > 0 && (
        <div className="card table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('devicesPage.name')}</th>
                <th scope="col">{t('devicesPage.region')}</th>
                <th scope="col">{t('devicesPage.direction')}</th>
                <th scope="col">{t('devicesPage.status')}</th>
                <th scope="col">{t('devicesPage.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.no} data-testid="device-row" data-device-no={d.no}>
                  <th scope="row">
                    {d.name}
                    {d.area && <span className="muted"> · {d.area}</span>}
                  </th>
                  <td>{d.regionname || t('devices.noRegion')}</td>
                  <td>{d.direction === 'in' ? t('devices.in') : t('devices.out')}</td>
                  <td>
                    <OnlineBadge device={d} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-label={t('devicesPage.openDoorFor', { name: d.name })}
                      onClick={() => setTarget(d)}
                      disabled={busy}
                    >
                      {t('devicesPage.openDoor')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={target !== null}
        title={t('devicesPage.confirmTitle', { name: target?.name ?? '' })}
        confirmLabel={t('devicesPage.openDoor')}
        busy={busy}
        onCancel={() => setTarget(null)}
        onConfirm={() => void confirmOpen()}
      >
        {target && !target.online && (
          <p className="alert alert-warning" data-testid="open-door-offline">
            {t('devicesPage.confirmOffline')}
          </p>
        )}
        <p>{t('devicesPage.confirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
