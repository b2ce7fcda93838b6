import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { useStatusStore } from './store';

/**
 * While the visit ledger cannot be written: a plain warning, and every K30 result this PC holds
 * only in memory (main retries it every few seconds; nothing more is sent for those visits).
 */
export function DiskProblems() {
  const t = useT();
  const unwritable = useStatusStore((s) => s.ledgerUnwritable);
  const since = useStatusStore((s) => s.ledgerUnwritableSince);
  const language = useLanguage();
  const unsaved = useStatusStore((s) => s.unsaved);
  if (!unwritable && unsaved.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="disk-problems">
      {unwritable === 'site-unreachable' && <p className="alert-message">{t('status.siteUnreachable', { since: formatDateTime(since, language) })}</p>}
      {unwritable && unwritable !== 'site-unreachable' && <p className="alert-message">{t('status.ledgerUnwritable', { disk: t(`disk.${unwritable}`) })}</p>}
      {unsaved.map((fact) => (
        <p key={fact.visitId} className="alert-message">
          {t('status.unsaved', { name: fact.name, state: t(`state.${fact.state}`), no: fact.k30No ?? '—' })}
        </p>
      ))}
    </div>
  );
}
