import { useState, type ReactNode } from 'react';
import type { KioskError, Result, Visit } from '../../../src-preload/contract';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { useDevicesStore } from '../devices/store';
import { useVisitsStore } from './store';
import { DeviceSyncBadge, VisitStateBadge } from '../components/Badges';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { canRemove, canRepush, canSignOut, lastErrorKey } from './derive';
import { HostNotificationInfo } from './HostNotificationInfo';
import { RemovalInfo } from './RemovalInfo';
import { serviceText } from './service-text';
import { UnknownOutcomeActions } from './UnknownOutcomeActions';
import { PhotoRefusal } from './PhotoRefusal';
import { VisitHistory } from './VisitHistory';
import { checkNames } from '../photo/face/face-words';
import { PrintSlipButton } from '../slip/lazy';
import { slipOfVisit } from '../slip/slip-content';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

type Confirm = 'remove' | 'sign-out' | null;

/** A slip is worth (re)printing while the visitor may still use it. */
const slipable = (visit: Visit) => Boolean(visit.visitCode) && (visit.state === 'created' || visit.state === 'pushed') && !visit.signedOutAt;

/** One visit: its details, devices, history, and what staff can do with it. */
export function VisitDetail({ visit, onClose, onOpen }: { visit: Visit; onClose: () => void; onOpen?: (visitId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const devices = useDevicesStore((s) => s.devices);
  const { repush, remove, retry, cancel, signOut } = useVisitsStore.getState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  const [notice, setNotice] = useState('');
  const [confirm, setConfirm] = useState<Confirm>(null);
  const nameOf = (no: string) => devices.find((d) => d.no === no)?.name ?? no;

  const run = async <T,>(action: () => Promise<Result<T>>, done: string | ((value: T) => string)) => {
    setBusy(true);
    setError(null);
    setNotice('');
    const result = await action();
    setBusy(false);
    setConfirm(null);
    if (result.ok) setNotice(typeof done === 'function' ? done(result.value) : done);
    else setError(result.error);
  };
  const headingId = `visit-detail-${visit.id}`;
  const v = visit.visitor;

  return (
    <section className="visit-detail card" aria-labelledby={headingId}>
      <div className="detail-head">
        <div>
          <p className="muted">{t('visit.detailTitle')}</p>
          <h2 id={headingId} tabIndex={-1}>
            {v.name}
          </h2>
        </div>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('visit.close')}
        </button>
      </div>

      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}

      <dl className="dl">
        <Row label={t('visit.state')}>
          <VisitStateBadge state={visit.state} />
        </Row>
        <Row label={t('visit.k30No')}>{visit.k30No ?? '—'}</Row>
        {visit.visitCode && (
          <Row label={t('visit.code')}>
            <span data-testid="visit-code">{visit.visitCode}</span>
          </Row>
        )}
        {visit.signedOutAt && <Row label={t('visit.signedOutAt')}>{formatDateTime(visit.signedOutAt, language)}</Row>}
        {visit.notification && (
          <Row label={t('notify.hostNotification')}>
            <HostNotificationInfo notification={visit.notification} />
          </Row>
        )}
        <Row label={t('visit.phone')}>{v.phoneMasked}</Row>
        <Row label={t('visit.document')}>
          {t(`doc.${v.documentType}`)} {v.documentMasked}
        </Row>
        <Row label={t('visit.host')}>{visit.host.name}</Row>
        <Row label={t('visit.window')}>
          {formatDateTime(visit.begin, language)} – {formatDateTime(visit.end, language)}
        </Row>
        {v.carno && <Row label={t('visit.carno')}>{v.carno}</Row>}
        {v.reason && <Row label={t('visit.reason')}>{v.reason}</Row>}
        <Row label={t('visit.channel')}>{t(`channel.${visit.channel}`)}</Row>
        {visit.photoOverride && (
          <Row label={t('visit.photo')}>
            <span data-testid="photo-override">
              {t('faceCheck.overrideOnVisit', { failed: checkNames(t, visit.photoOverride.failed), reason: visit.photoOverride.reason })}
            </span>
          </Row>
        )}
        {visit.lastPassAt && <Row label={t('visit.lastPass')}>{formatDateTime(visit.lastPassAt, language)}</Row>}
        {visit.lastError && (
          <Row label={t('visit.lastError')}>
            <span className="error-explained">{t(lastErrorKey(visit.state))}</span>
            <span className="error-raw muted">{serviceText(visit.lastError, t)}</span>
          </Row>
        )}
      </dl>

      {visit.state === 'removal-pending' && <RemovalInfo visit={visit} />}

      <h3>{t('visit.devices')}</h3>
      {visit.devices.length ? (
        <ul className="device-progress">
          {visit.devices.map((d) => (
            <li key={d.no} className="device-progress-row">
              <span className="device-progress-name">{nameOf(d.no)}</span>
              <DeviceSyncBadge state={d.state} />
              {d.message && <span className="muted">{serviceText(d.message, t)}</span>}
              {d.at && <span className="muted">{formatDateTime(d.at, language)}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('common.none')}</p>
      )}
      <PhotoRefusal visit={visit} doorName={nameOf} onOpen={onOpen} />

      <div className="button-row">
        {visit.state === 'create-unknown' && (
          <UnknownOutcomeActions busy={busy} onAgain={() => void run(() => retry(visit.id), '')} onAbandon={() => void run(() => cancel(visit.id), '')} />
        )}
        {canRepush(visit) && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => repush(visit.id), t('visit.repushDone'))}>
            {t('visit.repush')}
          </button>
        )}
        {slipable(visit) && <PrintSlipButton content={slipOfVisit(visit, nameOf)!} label={t('slip.reprint')} />}
        {canSignOut(visit) && (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirm('sign-out')}>
            {t('visit.signOut')}
          </button>
        )}
        {canRemove(visit) && !canSignOut(visit) && (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirm('remove')}>
            {t('visit.remove')}
          </button>
        )}
      </div>

      <h3>{t('visit.history')}</h3>
      <VisitHistory visit={visit} doorName={nameOf} />

      <ConfirmDialog
        open={confirm === 'remove'}
        title={t('visit.removeConfirmTitle', { name: v.name })}
        confirmLabel={t('visit.removeConfirmOk')}
        danger
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void run(() => remove(visit.id), t('visit.removed'))}
      >
        <p>{t('visit.removeConfirmBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'sign-out'}
        title={t('visit.signOutConfirmTitle', { name: v.name })}
        confirmLabel={t('visit.signOutConfirmOk')}
        danger
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          void run(
            () => signOut(visit.id),
            (after) => t(after.state === 'removed' ? 'visit.signedOut' : 'visit.signedOutPending'),
          )
        }
      >
        <p>{t('visit.signOutConfirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
