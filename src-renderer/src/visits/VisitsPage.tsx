import { useEffect, useMemo, useState } from 'react';
import { TextField } from '../components/TextField';
import { useT } from '../i18n';
import { useNow } from '../lib/useNow';
import { useDevicesStore } from '../devices/store';
import { useVisitsStore } from './store';
import { ErrorAlert } from '../components/ErrorAlert';
import { matchesQuery, sortVisits, VISIT_TABS, visitTab, type VisitTab } from './derive';
import { AbandonedReportButton } from './AbandonedReportButton';
import { RemoveExpiredButton } from './RemoveExpiredButton';
import { VisitDetail } from './VisitDetail';
import { VisitList } from './VisitList';
import { PANEL_ID, tabId, VisitTabs } from './VisitTabs';
import './visits.css';

export function VisitsPage() {
  const t = useT();
  const byId = useVisitsStore((s) => s.byId);
  const loaded = useVisitsStore((s) => s.loaded);
  const loading = useVisitsStore((s) => s.loading);
  const error = useVisitsStore((s) => s.error);
  const load = useVisitsStore((s) => s.load);
  const loadDevices = useDevicesStore((s) => s.load);
  const now = useNow();
  // Opened for one visit (a duplicate warning's "open that visit"): that visit, in its tab.
  // Read during render, cleared once mounted: a render React throws away (a lazy part suspending)
  // must not use it up.
  const [focusId] = useState(() => useVisitsStore.getState().focusId);
  useEffect(() => useVisitsStore.getState().focus(null), []);
  const focused = focusId ? byId[focusId] : undefined;
  const [tab, setTab] = useState<VisitTab>(() => (focused ? visitTab(focused, new Date()) : 'today'));
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(focusId);

  useEffect(() => {
    void load();
    void loadDevices();
  }, [load, loadDevices]);

  const { counts, shown } = useMemo(() => {
    const all = Object.values(byId).filter((v) => matchesQuery(v, query));
    const c = Object.fromEntries(VISIT_TABS.map((k) => [k, 0])) as Record<VisitTab, number>;
    const inTab = all.filter((v) => {
      const k = visitTab(v, now);
      c[k] += 1;
      return k === tab;
    });
    return { counts: c, shown: sortVisits(inTab, tab) };
  }, [byId, query, tab, now]);

  const selected = selectedId ? byId[selectedId] : undefined;

  return (
    <div className="page page-visits">
      <div className="page-head">
        <h1 className="page-title">{t('visits.title')}</h1>
        <div className="button-row">
          <button type="button" className="button button-quiet" onClick={() => void load()} disabled={loading}>
            {t('common.refresh')}
          </button>
          <AbandonedReportButton />
          <RemoveExpiredButton />
        </div>
      </div>
      <ErrorAlert error={error} />
      <TextField
        id="visits-search"
        className="search"
        type="search"
        label={t('visits.search')}
        value={query}
        onChange={setQuery}
        placeholder={t('visits.searchPlaceholder')}
        autoComplete="off"
      />
      <VisitTabs current={tab} counts={counts} onChange={setTab} />
      <div className="split">
        <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(tab)} className="split-main">
          {!loaded && loading ? <p role="status">{t('visits.loading')}</p> : <VisitList visits={shown} selectedId={selectedId} onSelect={setSelectedId} />}
        </div>
        {selected && (
          <div className="split-side">
            <VisitDetail key={selected.id} visit={selected} onClose={() => setSelectedId(null)} onOpen={setSelectedId} />
          </div>
        )}
      </div>
    </div>
  );
}
