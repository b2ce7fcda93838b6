import type { Visit, VisitState } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useDevicesStore } from '../devices/store';
import { DeviceSyncBadge } from '../components/Badges';

const CREATED: VisitState[] = ['created', 'created-without-no', 'pushed', 'removal-pending', 'removed'];
type StageState = 'done' | 'current' | 'todo' | 'failed';

function Stage({ state, label }: { state: StageState; label: string }) {
  const mark = state === 'done' ? '✓' : state === 'failed' ? '✕' : state === 'current' ? '…' : '○';
  return (
    <li className={`stage stage-${state}`}>
      <span className="stage-mark" aria-hidden="true">
        {mark}
      </span>
      {label}
    </li>
  );
}

/** Live progress of one visit (updated by visitUpdated events): saved → created → pushed → each device. */
export function Progress({ visit, submitting }: { visit: Visit | undefined; submitting: boolean }) {
  const t = useT();
  const devices = useDevicesStore((s) => s.devices);
  const nameOf = (no: string) => devices.find((d) => d.no === no)?.name ?? no;
  const state = visit?.state;
  const created = !!state && CREATED.includes(state);
  const anyPushed = !!visit?.devices.some((d) => d.state !== 'waiting');
  const pushed = state === 'pushed' || anyPushed;
  const failed = state === 'create-failed';

  return (
    <div className="progress" aria-live="polite" aria-label={t('result.progressLabel')} role="group">
      <ol className="stages">
        <Stage state={visit ? 'done' : submitting ? 'current' : 'todo'} label={t('result.stage.saved')} />
        <Stage state={created ? 'done' : failed ? 'failed' : visit ? 'current' : 'todo'} label={t('result.stage.created')} />
        <Stage state={pushed ? 'done' : created && state !== 'created-without-no' ? 'current' : 'todo'} label={t('result.stage.pushed')} />
      </ol>
      {visit && visit.devices.length > 0 && (
        <ul className="device-progress" aria-label={t('visit.devices')}>
          {visit.devices.map((d) => (
            <li key={d.no} className="device-progress-row">
              <span className="device-progress-name">{nameOf(d.no)}</span>
              <DeviceSyncBadge state={d.state} />
              {d.message && <span className="muted">{d.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
