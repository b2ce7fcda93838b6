import { useState } from 'react';
import type { KioskError, SweepResult } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useVisitsStore } from './store';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';

/** "Remove all expired" (asks first) and what came of it. */
export function RemoveExpiredButton() {
  const t = useT();
  const removeExpired = useVisitsStore((s) => s.removeExpired);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SweepResult | null>(null);
  const [error, setError] = useState<KioskError | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    const result = await removeExpired();
    setBusy(false);
    setAsking(false);
    if (result.ok) setOutcome(result.value);
    else setError(result.error);
  };

  return (
    <div className="remove-expired">
      <button type="button" className="button" onClick={() => setAsking(true)} disabled={busy}>
        {busy ? t('common.working') : t('visits.removeExpired')}
      </button>
      {outcome && (
        <p className="alert alert-success" role="status" data-testid="remove-expired-result">
          {t('visits.removeExpiredResult', { removed: outcome.removed, pending: outcome.pending })}
          {outcome.failed.length > 0 && (
            <>
              <br />
              {t('visits.removeExpiredFailed', { count: outcome.failed.length })}
            </>
          )}
        </p>
      )}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      <ConfirmDialog
        open={asking}
        title={t('visits.removeExpiredConfirmTitle')}
        confirmLabel={t('visits.removeExpired')}
        danger
        busy={busy}
        onCancel={() => setAsking(false)}
        onConfirm={() => void run()}
      >
        <p>{t('visits.removeExpiredConfirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
