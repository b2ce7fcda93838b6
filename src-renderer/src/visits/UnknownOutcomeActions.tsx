import { useState } from 'react';
import { useT } from '../i18n';
import { ConfirmDialog } from '../components/ConfirmDialog';

/**
 * What staff can do with a registration whose outcome is unknown: register again (K30 may then
 * hold a duplicate) or abandon it (K30 may keep an unpushed visitor, listed for the K30 admin).
 * Neither is presented as the safe default: both are plain buttons, and each is confirmed with
 * what it risks.
 */
export function UnknownOutcomeActions({ busy, large, onAgain, onAbandon }: { busy: boolean; large?: boolean; onAgain: () => void; onAbandon: () => void }) {
  const t = useT();
  const [confirm, setConfirm] = useState<'again' | 'abandon' | null>(null);
  const size = large ? ' button-large' : '';
  return (
    <>
      <button type="button" className={`button${size}`} disabled={busy} onClick={() => setConfirm('again')}>
        {busy ? t('common.working') : t('result.sendAgain')}
      </button>
      <button type="button" className={`button${size}`} disabled={busy} onClick={() => setConfirm('abandon')}>
        {t('result.cancelVisit')}
      </button>
      <ConfirmDialog
        open={confirm === 'again'}
        title={t('result.againConfirmTitle')}
        confirmLabel={t('result.againConfirmOk')}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          onAgain();
        }}
      >
        <p>{t('result.againConfirmBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'abandon'}
        title={t('result.abandonConfirmTitle')}
        confirmLabel={t('result.cancelVisit')}
        danger
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          onAbandon();
        }}
      >
        <p>{t('result.abandonConfirmBody')}</p>
      </ConfirmDialog>
    </>
  );
}
