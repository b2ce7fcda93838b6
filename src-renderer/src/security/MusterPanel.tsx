import { useEffect, useState } from 'react';
import type { RegionNode } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSecurityStore } from './store';
import { musterCsv, musterFileName, type MusterGroup } from './csv';
import { downloadText } from './download';
import { PrintMuster } from './PrintMuster';

interface Props {
  selected: RegionNode | undefined;
  deviceName: (no: string) => string;
}

/**
 * The evacuation muster: everyone inside the chosen region (or every region), loaded page by page
 * through main, then printed (grouped by region) or saved as CSV for Excel.
 */
export function MusterPanel({ selected, deviceName }: Props) {
  const t = useT();
  const muster = useSecurityStore((s) => s.muster);
  const loadMuster = useSecurityStore((s) => s.loadMuster);
  const stopMuster = useSecurityStore((s) => s.stopMuster);
  const [scope, setScope] = useState<'selected' | 'all'>('selected');
  const [notice, setNotice] = useState('');
  const [printing, setPrinting] = useState<{ groups: MusterGroup[]; scopeName: string; at: Date } | null>(null);
  const busy = muster.status === 'loading';
  const target = scope === 'selected' && selected ? selected : undefined;
  const scopeName = target ? target.name : t('security.scopeAll');

  const run = async (what: 'print' | 'csv') => {
    setNotice('');
    const groups = await loadMuster(target ? target.no : 'all');
    if (!groups) return;
    const count = groups.reduce((n, g) => n + g.people.length, 0);
    const at = new Date();
    if (what === 'csv') {
      const file = musterFileName(target ? target.name : 'all', at);
      downloadText(file, musterCsv(groups, t, deviceName));
      setNotice(count === 0 ? t('security.musterEmpty') : t('security.musterExported', { count, file }));
    } else {
      if (count === 0) setNotice(t('security.musterEmpty'));
      setPrinting({ groups, scopeName, at });
    }
  };

  // Print once the muster is in the DOM; it stays (hidden on screen) until printing is over.
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done);
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);

  return (
    <section className="card security-muster" aria-labelledby="muster-heading">
      <h2 id="muster-heading">{t('security.muster')}</h2>
      <fieldset className="muster-scope" disabled={busy}>
        <legend className="field-label">{t('security.musterScope')}</legend>
        <div className="check-field">
          <input id="muster-scope-selected" className="checkbox" type="radio" name="muster-scope" checked={scope === 'selected'} disabled={!selected} onChange={() => setScope('selected')} />
          <label htmlFor="muster-scope-selected">{t('security.scopeSelected', { name: selected?.name ?? '—' })}</label>
        </div>
        <div className="check-field">
          <input id="muster-scope-all" className="checkbox" type="radio" name="muster-scope" checked={scope === 'all' || !selected} onChange={() => setScope('all')} />
          <label htmlFor="muster-scope-all">{t('security.scopeAll')}</label>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void run('print')} disabled={busy}>
          {t('security.print')}
        </button>
        <button type="button" className="button" onClick={() => void run('csv')} disabled={busy}>
          {t('security.exportCsv')}
        </button>
      </div>
      {busy && (
        <div className="muster-progress">
          <p role="status">{t('security.musterLoading', { done: muster.done, total: muster.total })}</p>
          <progress value={muster.done} max={Math.max(1, muster.total)} aria-hidden="true" />
          <button type="button" className="button button-quiet" onClick={stopMuster}>
            {t('security.musterStop')}
          </button>
        </div>
      )}
      {notice && !busy && (
        <p className="alert alert-success" role="status" data-testid="muster-notice">
          {notice}
        </p>
      )}
      <ErrorAlert error={muster.status === 'error' ? muster.error : null} />
      {printing && <PrintMuster groups={printing.groups} scopeName={printing.scopeName} printedAt={printing.at} deviceName={deviceName} />}
    </section>
  );
}
