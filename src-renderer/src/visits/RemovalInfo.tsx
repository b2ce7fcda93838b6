import type { Visit } from '../../../src-preload/contract';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { serviceText } from './service-text';

/** Why a visit is still waiting to be removed from the server. */
export function RemovalInfo({ visit }: { visit: Visit }) {
  const t = useT();
  const language = useLanguage();
  const removal = visit.removal;
  return (
    <div className="alert alert-warning" data-testid="removal-info">
      <p className="alert-message">{t('visit.removalTitle')}</p>
      <p>{removal?.lastError ? t('visit.removalFailed') : t('visit.removalNoError')}</p>
      {removal?.lastError && <p className="alert-detail">{serviceText(removal.lastError, t)}</p>}
      <p>{t('visit.removalAttempts', { n: removal?.attempts ?? 0 })}</p>
      {removal?.nextAttemptAt && <p>{t('visit.removalNext', { time: formatDateTime(removal.nextAttemptAt, language) })}</p>}
    </div>
  );
}
