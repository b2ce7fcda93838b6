import { useCallback, useEffect, useMemo, useState } from 'react';
import { TextField } from '../components/TextField';
import { useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDevicesStore } from '../devices/store';
import { regionsWithListCount, useSecurityStore } from './store';
import { MusterPanel } from './MusterPanel';
import { PresenceList } from './PresenceList';
import { clockTime, refreshIntervalMs } from './presence';
import { RegionTree } from './RegionTree';
import { RollCallPanel } from './RollCallPanel';
import { useRollCallStore } from './roll-call-store';
import { buildRegionTree } from './tree';
import { useAutoRefresh } from './useAutoRefresh';
import './security.css';

/** How long typing pauses before a search goes to the server. */
const SEARCH_DEBOUNCE_MS = 400;

/** 安保: who is inside which region, the people of one region, and the evacuation muster. */
export function SecurityPage() {
  const t = useT();
  const fetchedRegions = useSecurityStore((s) => s.regions);
  const regionsLoaded = useSecurityStore((s) => s.regionsLoaded);
  const regionsLoading = useSecurityStore((s) => s.regionsLoading);
  const regionsError = useSecurityStore((s) => s.regionsError);
  const regionsFetchedAt = useSecurityStore((s) => s.regionsFetchedAt);
  const selected = useSecurityStore((s) => s.selected);
  const appliedQuery = useSecurityStore((s) => s.query);
  const list = useSecurityStore((s) => s.list);
  const select = useSecurityStore((s) => s.select);
  const search = useSecurityStore((s) => s.search);
  const refresh = useSecurityStore((s) => s.refresh);
  const retry = useSecurityStore((s) => s.retry);
  const devices = useDevicesStore((s) => s.devices);
  const loadDevices = useDevicesStore((s) => s.load);
  const rollCallActive = useRollCallStore((s) => s.rollCall !== null);
  const loadRollCall = useRollCallStore((s) => s.load);
  const [query, setQuery] = useState(appliedQuery);
  const regions = useMemo(() => regionsWithListCount(fetchedRegions, list, regionsFetchedAt), [fetchedRegions, list, regionsFetchedAt]);

  useEffect(() => {
    void refresh();
    void loadDevices();
    void loadRollCall();
  }, [refresh, loadDevices, loadRollCall]);

  useEffect(() => {
    const timer = setTimeout(() => search(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, search]);

  const intervalMs = refreshIntervalMs(regions.length);
  useAutoRefresh(refresh, intervalMs);

  const tree = useMemo(() => buildRegionTree(regions), [regions]);
  const region = regions.find((r) => r.no === selected);
  const names = useMemo(() => new Map(devices.map((d) => [d.no, d.name])), [devices]);
  const deviceName = useCallback((no: string) => names.get(no) ?? no, [names]);

  const refreshing = regionsLoading || list?.inFlight === 1;
  // The data's own time: main may answer from a copy a few seconds old.
  const refreshedAt = [regionsFetchedAt, list?.fetchedAt]
    .filter((x): x is string => !!x)
    .sort()
    .pop();

  return (
    <div className="page page-security">
      <div className="page-head">
        <h1 className="page-title">{t('security.title')}</h1>
        <div className="button-row">
          <p id="last-refreshed" className="security-refreshed" data-testid="last-refreshed">
            {refreshing ? t('security.refreshing') : refreshedAt ? t('security.lastRefreshed', { time: clockTime(refreshedAt) }) : t('security.notRefreshed')}
            <span className="muted security-auto"> · {t('security.autoRefresh', { seconds: Math.round(intervalMs / 1000) })}</span>
          </p>
          <button type="button" className="button" onClick={() => void refresh()} disabled={refreshing} aria-describedby="last-refreshed">
            {t('common.refresh')}
          </button>
        </div>
      </div>

      <div className="security-layout">
        <div className="security-side">
          <section className="card security-regions" aria-labelledby="regions-heading">
            <h2 id="regions-heading">{t('security.regions')}</h2>
            <ErrorAlert error={regionsError} />
            {!regionsLoaded && regionsLoading && <p role="status">{t('security.regionsLoading')}</p>}
            {regionsLoaded && regions.length === 0 && <p className="empty">{t('security.regionsEmpty')}</p>}
            <RegionTree tree={tree} selected={selected} onSelect={select} />
          </section>
          <MusterPanel selected={region} />
        </div>

        {rollCallActive ? (
          <RollCallPanel />
        ) : (
          <section className="card security-people" aria-labelledby="people-heading">
            <div className="security-people-head">
              <h2 id="people-heading">{region ? t('security.people', { region: region.name }) : t('security.regions')}</h2>
              {list && list.total !== null && (
                <p className="security-total" data-testid="presence-total">
                  {list.query ? t('security.matches', { count: list.total }) : t('security.total', { count: list.total })}
                </p>
              )}
            </div>
            <TextField
              id="security-search"
              className="search"
              type="search"
              label={t('security.search')}
              value={query}
              onChange={setQuery}
              placeholder={t('security.searchPlaceholder')}
              hint={t('security.searchHint')}
              autoComplete="off"
            />
            {list?.error && (
              <div>
                <ErrorAlert error={list.error} />
                <button type="button" className="button" onClick={retry}>
                  {t('common.retry')}
                </button>
              </div>
            )}
            {!list && <p className="empty">{t('security.chooseRegion')}</p>}
            {list && list.total === null && !list.error && <p role="status">{t('common.loading')}</p>}
            {list && list.total === 0 && <p className="empty">{list.query ? t('security.noMatch', { query: list.query }) : t('security.noneInside')}</p>}
            {list && region && list.total !== null && list.total > 0 && (
              <PresenceList key={`${list.regionNo}\u0000${list.query}`} list={list} regionName={region.name} deviceName={deviceName} />
            )}
          </section>
        )}
      </div>
    </div>
  );
}
