import { call } from '../api';
import { useT, useLanguage } from '../i18n';
import { downloadText } from '../lib/download-file';
import { useVisitsStore } from './store';
import { abandonedReportCsv, abandonedVisits } from './abandoned-report';

/** Shown while there are abandoned registrations: their CSV, for the K30 admin to clean up. */
export function AbandonedReportButton() {
  const t = useT();
  const language = useLanguage();
  const byId = useVisitsStore((s) => s.byId);
  const visits = Object.values(byId);
  const count = abandonedVisits(visits).length;
  if (count === 0) return null;
  const save = () => {
    const stamp = new Date().toISOString().slice(0, 10);
    void call('recordExport', { kind: 'abandoned-csv', count });
    downloadText(`${t('visits.abandonedReportFile')}-${stamp}.csv`, abandonedReportCsv(visits, t, language));
  };
  return (
    <button type="button" className="button" onClick={save} data-testid="abandoned-report">
      {t('visits.abandonedReport', { count })}
    </button>
  );
}
