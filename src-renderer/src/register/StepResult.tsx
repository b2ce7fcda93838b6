import { DuplicateWarning } from './DuplicateWarning';
import { useMemo } from 'react';
import { useT, type MessageKey } from '../i18n';
import { useNavigationStore } from '../lib/navigation-store';
import { useRegistrationStore, type SubmissionStatus } from './store';
import { useVisit } from '../visits/store';
import { canRepush, failedDevices } from '../visits/derive';
import { UnknownOutcomeActions } from '../visits/UnknownOutcomeActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { Progress } from './Progress';
import { WIZARD_ALERT_ID, WIZARD_HEADING_ID } from './StepFrame';
import { useDevicesStore } from '../devices/store';
import { PrintSlipButton } from '../slip/lazy';
import { useAutoPrint } from '../slip/useAutoPrint';
import { slipOfVisit } from '../slip/slip-content';

const FIXED_TITLES: Partial<Record<SubmissionStatus, MessageKey>> = {
  submitting: 'result.submitting',
  unknown: 'result.unknownTitle',
  'not-saved': 'result.notSavedTitle',
  cancelled: 'result.cancelled',
  abandoned: 'result.abandoned',
};

/** After submit: live progress, then done / outcome unknown / cancelled / abandoned, with what can be done next. */
export function StepResult() {
  const t = useT();
  const submission = useRegistrationStore((s) => s.submission);
  const error = useRegistrationStore((s) => s.error);
  const name = useRegistrationStore((s) => s.draft.name.trim());
  const sendAgain = useRegistrationStore((s) => s.sendAgain);
  const cancelVisit = useRegistrationStore((s) => s.cancelVisit);
  const repushFailed = useRegistrationStore((s) => s.repushFailed);
  const editAgain = useRegistrationStore((s) => s.editAgain);
  const reset = useRegistrationStore((s) => s.reset);
  const dismissError = useRegistrationStore((s) => s.dismissError);
  const go = useNavigationStore((s) => s.go);
  const visit = useVisit(submission.visitId);
  const { status, busy } = submission;
  const failed = visit ? failedDevices(visit).length : 0;

  const photo = useRegistrationStore((s) => s.draft.photo?.base64);
  const devices = useDevicesStore((s) => s.devices);
  // The slip carries the photo just taken (it is not kept afterwards, so a reprint has none).
  const slip = useMemo(
    () =>
      status === 'done' && visit && visit.state !== 'created-without-no'
        ? slipOfVisit(visit, (no) => devices.find((d) => d.no === no)?.name ?? no, photo ? `data:image/jpeg;base64,${photo}` : undefined)
        : undefined,
    [status, visit, devices, photo],
  );
  useAutoPrint(visit?.id, slip);

  const fixed = FIXED_TITLES[status];
  const title = fixed ? t(fixed) : failed > 0 ? t('result.doneWithFailures', { count: failed }) : t('result.done');

  return (
    <section className={`step result result-${status}`} aria-labelledby={WIZARD_HEADING_ID} aria-busy={status === 'submitting'}>
      <h2 id={WIZARD_HEADING_ID} className="step-title" tabIndex={-1}>
        {title}
      </h2>
      <DuplicateWarning />
      <p className="result-visitor">{name}</p>

      {status === 'unknown' && (
        <div className="alert alert-warning">
          <p>{t('result.unknownBody')}</p>
          <p>{submission.visitId ? t('result.unknownAdvice') : t('result.unknownNoVisit')}</p>
        </div>
      )}
      <ErrorAlert id={WIZARD_ALERT_ID} error={error} onDismiss={status === 'unknown' || status === 'not-saved' ? undefined : dismissError} />

      {status === 'done' && visit && (
        <dl className="dl result-number">
          <div className="dl-row">
            <dt>{t('result.k30No')}</dt>
            <dd data-testid="k30-number">{visit.k30No ?? '—'}</dd>
          </div>
        </dl>
      )}
      {status === 'done' && visit?.state === 'created-without-no' && <p className="alert alert-warning">{t('result.noNumber')}</p>}

      {status !== 'cancelled' && status !== 'abandoned' && <Progress visit={visit} submitting={status === 'submitting'} />}

      <div className="step-actions">
        {status === 'unknown' && submission.visitId && (
          <UnknownOutcomeActions busy={busy} large onAgain={() => void sendAgain()} onAbandon={() => void cancelVisit()} />
        )}
        {status === 'unknown' && !submission.visitId && (
          <button type="button" className="button button-large" onClick={() => go('visits')}>
            {t('result.goVisits')}
          </button>
        )}
        {status === 'done' && visit && failed > 0 && canRepush(visit) && (
          <button type="button" className="button button-large" onClick={() => void repushFailed()} disabled={busy}>
            {busy ? t('common.working') : t('result.repush')}
          </button>
        )}
        {(status === 'cancelled' || status === 'abandoned') && (
          <button type="button" className="button button-large" onClick={editAgain}>
            {t('result.editAgain')}
          </button>
        )}
        {slip && <PrintSlipButton content={slip} label={t('slip.print')} large />}
        {(status === 'done' || status === 'not-saved' || status === 'cancelled' || status === 'abandoned') && (
          <button type="button" className="button button-primary button-large" onClick={reset}>
            {t('result.new')}
          </button>
        )}
      </div>
    </section>
  );
}
