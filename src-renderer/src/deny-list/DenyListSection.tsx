import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LIMITS, type DenyEntry, type DenyImportResult, type KioskError } from '../../../src-preload/contract';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { useLanguage, useT } from '../i18n';
import { formatDateTime, parseLocalInput, toIsoWithOffset } from '../lib/datetime';
import { downloadText } from '../lib/download-file';
import '../staff/staff.css';

/** Settings: the deny list (add, remove, import and export CSV). Numbers go to main once and stay there, hashed. */
export function DenyListSection() {
  const t = useT();
  const language = useLanguage();
  const [entries, setEntries] = useState<DenyEntry[]>([]);
  const [name, setName] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [imported, setImported] = useState<DenyImportResult | null>(null);
  const [needNumber, setNeedNumber] = useState(false);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void call('listDenyList').then((r) => (r.ok ? setEntries(r.value) : setError(r.error)));
  }, []);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setNeedNumber(!documentNo.trim() && !phone.trim());
    if (!documentNo.trim() && !phone.trim()) return;
    const until = parseLocalInput(expires);
    setBusy(true);
    setError(null);
    const result = await call('addDenyEntry', {
      name: name.trim(),
      reason: reason.trim(),
      ...(documentNo.trim() ? { documentNo: documentNo.trim() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(until ? { expiresAt: toIsoWithOffset(until) } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setEntries(result.value);
    setName('');
    setDocumentNo('');
    setPhone('');
    setReason('');
    setExpires('');
  };

  const remove = async (id: string) => {
    const result = await call('removeDenyEntry', { id });
    if (result.ok) setEntries(result.value);
    else setError(result.error);
  };

  const importFile = async (file: File) => {
    setError(null);
    const result = await call('importDenyList', { csv: await file.text() });
    if (!result.ok) return setError(result.error);
    setImported(result.value);
    const list = await call('listDenyList');
    if (list.ok) setEntries(list.value);
  };

  const exportCsv = async () => {
    const result = await call('exportDenyList');
    if (result.ok) downloadText(`deny-list-${new Date().toISOString().slice(0, 10)}.csv`, result.value);
    else setError(result.error);
  };

  return (
    <section className="card settings-section" aria-labelledby="deny-title">
      <h2 id="deny-title">{t('denyList.title')}</h2>
      <p className="field-hint">{t('denyList.hint')}</p>
      <ErrorAlert error={error} />
      {imported && (
        <p role="status" className="alert alert-success" data-testid="deny-imported">
          {t('denyList.imported', { added: imported.added, rejected: imported.rejected.length })}
        </p>
      )}
      <form className="admin-form" onSubmit={(e) => void add(e)} noValidate>
        <TextField id="deny-name" label={t('denyList.name')} value={name} onChange={setName} maxLength={LIMITS.visitText} />
        <TextField
          id="deny-document"
          label={t('denyList.documentNo')}
          value={documentNo}
          onChange={setDocumentNo}
          maxLength={LIMITS.visitText}
          autoComplete="off"
          error={needNumber ? t('denyList.documentOrPhone') : undefined}
        />
        <TextField id="deny-phone" label={t('denyList.phone')} value={phone} onChange={setPhone} maxLength={24} inputMode="tel" autoComplete="off" />
        <TextField id="deny-reason" label={t('denyList.reason')} value={reason} onChange={setReason} maxLength={LIMITS.denyReason} />
        <TextField id="deny-expires" label={t('denyList.expiresAt')} type="datetime-local" value={expires} onChange={setExpires} />
        <button type="submit" className="button button-primary" disabled={busy || !name.trim() || !reason.trim()}>
          {t('denyList.add')}
        </button>
      </form>
      <div className="admin-actions">
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t('denyList.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="deny-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" className="button" onClick={() => void exportCsv()}>
          {t('denyList.export')}
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="muted">{t('denyList.empty')}</p>
      ) : (
        <div className="admin-scroll">
          <table className="admin-table" data-testid="deny-list">
            <thead>
              <tr>
                <th>{t('denyList.col.name')}</th>
                <th>{t('denyList.col.hints')}</th>
                <th>{t('denyList.col.reason')}</th>
                <th>{t('denyList.col.addedBy')}</th>
                <th>{t('denyList.col.expiresAt')}</th>
                <th>
                  <span className="sr-only">{t('denyList.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.name}</td>
                  <td>
                    {[e.documentHint, e.phoneHint]
                      .filter(Boolean)
                      .map((h) => `…${h}`)
                      .join(' · ')}
                  </td>
                  <td>{e.reason}</td>
                  <td>{e.addedBy}</td>
                  <td>{e.expired ? t('denyList.expired') : e.expiresAt ? formatDateTime(new Date(e.expiresAt), language) : '—'}</td>
                  <td>
                    <button type="button" className="button button-small" onClick={() => void remove(e.id)}>
                      {t('denyList.remove', { name: e.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
