import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry, KioskError } from '../../../src-preload/contract';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { useLanguage, useT, type Translate } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { downloadText } from '../lib/download-file';
import '../staff/staff.css';

const today = () => new Date().toISOString().slice(0, 10);

/** Who, in the user's language: the member of staff and their role, else the station or kiosk. */
export function actorText(t: Translate, entry: AuditEntry): string {
  const { actor } = entry;
  const who =
    actor.kind === 'staff'
      ? t('acting.staff', { name: actor.staffId === 'admin' ? t('staff.builtInAdmin') : (actor.staffName ?? ''), role: t(`role.${actor.role ?? 'reception'}`) })
      : t(`audit.actor.${actor.kind}`);
  return `${who} @ ${actor.station}`;
}

/** Settings (admin): the audit log of chosen days, and its CSV export. */
export function AuditSection() {
  const t = useT();
  const language = useLanguage();
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);

  const query = useCallback(() => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) }), [from, to]);
  const show = useCallback(async () => {
    setError(null);
    const result = await call('listAudit', query());
    if (!result.ok) return setError(result.error);
    setEntries(result.value.entries);
    setTruncated(result.value.truncated);
  }, [query]);

  useEffect(() => {
    void show();
    // Only when first shown: later, on the button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const exportCsv = async () => {
    const result = await call('exportAudit', query());
    if (result.ok) downloadText(`audit-${from || 'start'}-${to || 'today'}.csv`, result.value);
    else setError(result.error);
  };

  return (
    <section className="card settings-section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <ErrorAlert error={error} />
      <div className="admin-form">
        <TextField id="audit-from" label={t('audit.from')} type="date" value={from} onChange={setFrom} />
        <TextField id="audit-to" label={t('audit.to')} type="date" value={to} onChange={setTo} />
        <div className="admin-actions">
          <button type="button" className="button button-primary" onClick={() => void show()}>
            {t('audit.show')}
          </button>
          <button type="button" className="button" onClick={() => void exportCsv()}>
            {t('audit.export')}
          </button>
        </div>
      </div>
      {truncated && <p className="alert alert-warning">{t('audit.truncated')}</p>}
      {entries.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <div className="admin-scroll">
          <table className="admin-table" data-testid="audit-log">
            <thead>
              <tr>
                <th>{t('audit.col.at')}</th>
                <th>{t('audit.col.who')}</th>
                <th>{t('audit.col.action')}</th>
                <th>{t('audit.col.outcome')}</th>
                <th>{t('audit.col.visit')}</th>
                <th>{t('audit.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.at}-${i}`} data-action={e.action} data-outcome={e.outcome}>
                  <td>{formatDateTime(e.at, language)}</td>
                  <td>{actorText(t, e)}</td>
                  <td>{t(`audit.action.${e.action}`)}</td>
                  <td>{t(`audit.outcome.${e.outcome}`)}</td>
                  <td>{e.visitId ? e.visitId.slice(0, 8) : ''}</td>
                  <td>{e.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
