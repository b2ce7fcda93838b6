import { useEffect } from 'react';
import { useLanguage, useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { returningQuery } from './returning';
import { useReturningStore } from './returning-store';
import { useRegistrationStore } from './store';
import './returning.css';

/** "Returning visitor: 李雷, last visit 11-28, host 张伟" under the numbers, as they are typed. */
export function ReturningVisitorOffer() {
  const t = useT();
  const language = useLanguage();
  const draft = useRegistrationStore((s) => s.draft);
  const { offer, busy, error, lookup, use, dismiss, reset } = useReturningStore();
  const query = returningQuery(draft);
  const phone = query?.phone;
  const documentNo = query?.documentNo;

  useEffect(() => {
    // Nothing typed (a new registration): whatever was looked up before no longer counts.
    if (!phone && !documentNo) return reset();
    const timer = setTimeout(() => void lookup({ ...(phone ? { phone } : {}), ...(documentNo ? { documentNo } : {}) }), 200);
    return () => clearTimeout(timer);
  }, [phone, documentNo, lookup, reset]);

  if (!offer) return error ? <ErrorAlert error={error} /> : null;
  const date = new Date(offer.lastVisitAt).toLocaleDateString(language, { month: '2-digit', day: '2-digit' });
  return (
    <div className="returning-offer" role="status">
      <button type="button" className="button button-primary" onClick={() => void use()} disabled={busy}>
        {t('returning.offer', { name: offer.name, date, host: offer.hostName })}
      </button>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('returning.notThem')}
      </button>
    </div>
  );
}
