import { useState } from 'react';
import { useT } from '../i18n';
import { useRegistrationStore } from './store';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { emptyDraft, type Draft } from './draft';

const isEmpty = (d: Draft) => {
  const e = emptyDraft();
  return d.name === e.name && d.phone === e.phone && d.documentNo === e.documentNo && d.carno === e.carno && d.reason === e.reason && !d.host && !d.photo;
};

/** Explicitly throws the draft away (asks first); hidden while a submission is under way. */
export function NewRegistrationButton() {
  const t = useT();
  const draft = useRegistrationStore((s) => s.draft);
  const step = useRegistrationStore((s) => s.step);
  const reset = useRegistrationStore((s) => s.reset);
  const [asking, setAsking] = useState(false);
  if (step === 'result' || (isEmpty(draft) && step === 'visitor')) return null;
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => (isEmpty(draft) ? reset() : setAsking(true))}>
        {t('wizard.newRegistration')}
      </button>
      <ConfirmDialog
        open={asking}
        title={t('wizard.newConfirmTitle')}
        confirmLabel={t('wizard.newConfirmOk')}
        danger
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          reset();
        }}
      >
        <p>{t('wizard.newConfirmBody')}</p>
      </ConfirmDialog>
    </>
  );
}
