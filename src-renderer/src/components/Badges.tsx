import type { Device, Visit } from '../../../src-preload/contract';
import { useT } from '../i18n';

type DeviceSyncState = Visit['devices'][number]['state'];

const VISIT_TONE: Record<Visit['state'], string> = {
  intent: 'info',
  'create-unknown': 'warning',
  'create-failed': 'danger',
  created: 'info',
  'created-without-no': 'warning',
  pushed: 'success',
  'removal-pending': 'warning',
  removed: 'muted',
  cancelled: 'muted',
  abandoned: 'warning',
};

export function VisitStateBadge({ state }: { state: Visit['state'] }) {
  const t = useT();
  return <span className={`badge badge-${VISIT_TONE[state]}`}>{t(`state.${state}`)}</span>;
}

const SYNC_TONE: Record<DeviceSyncState, string> = { waiting: 'info', pushed: 'info', confirmed: 'success', failed: 'danger' };

export function DeviceSyncBadge({ state }: { state: DeviceSyncState }) {
  const t = useT();
  return <span className={`badge badge-${SYNC_TONE[state]}`}>{t(`deviceState.${state}`)}</span>;
}

export function OnlineBadge({ device, id }: { device: Pick<Device, 'online'>; id?: string }) {
  const t = useT();
  return (
    <span id={id} className={`badge ${device.online ? 'badge-success' : 'badge-danger'}`}>
      <span className="dot" aria-hidden="true" />
      {device.online ? t('devices.online') : t('devices.offline')}
    </span>
  );
}
