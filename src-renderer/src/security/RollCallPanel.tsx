import { useMemo, useState } from 'react';
import type { MusterPerson } from '../../../src-preload/contract';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { useNow } from '../lib/useNow';
import { doorText, musterFileName, regionPathText } from './csv';
import { downloadText } from '../lib/download-file';
import { formatEnterTime } from './presence';
import { ageText, rollCallCounts, rollCallCsv, rollCallRows, rollCallTotals } from './roll-call';
import { isMarkedSafe, useRollCallStore } from './roll-call-store';
import './roll-call.css';

/** Rows drawn at once: a marshal finds anyone else by typing (a list of thousands is no use on foot). */
const SHOWN_ROWS = 150;

/**
 * The evacuation roll call: who is still unaccounted for, per region and in all, updated with every
 * tap; one big "safe" button per person; the result exported with the time of each mark.
 */
export function RollCallPanel() {
  const t = useT();
  const language = useLanguage();
  const now = useNow(30_000);
  const rollCall = useRollCallStore((s) => s.rollCall);
  const marking = useRollCallStore((s) => s.marking);
  const error = useRollCallStore((s) => s.error);
  const mark = useRollCallStore((s) => s.mark);
  const end = useRollCallStore((s) => s.end);
  const [query, setQuery] = useState('');
  const [onlyUnaccounted, setOnlyUnaccounted] = useState(true);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const counts = useMemo(() => rollCall && rollCallCounts(rollCall), [rollCall]);
  const rows = useMemo(() => (rollCall ? rollCallRows(rollCall, query, onlyUnaccounted) : []), [rollCall, query, onlyUnaccounted]);
  if (!rollCall || !counts) return null;

  const totals = rollCallTotals(rollCall);
  const kept = rollCall.muster.fetchedAt;
  const exportCsv = () =>
    downloadText(
      musterFileName(`roll-call-${rollCall.muster.scope}`, new Date()),
      rollCallCsv(rollCall, t, (iso) => formatDateTime(iso, language)),
    );

  return (
    <section className="card roll-call" aria-labelledby="roll-call-heading" data-testid="roll-call">
      <div className="roll-call-head">
        <h2 id="roll-call-heading">{t('rollCall.title')}</h2>
        <p className="muted">{t('rollCall.startedAt', { time: formatDateTime(rollCall.startedAt, language) })}</p>
        <p className="roll-call-summary" role="status" data-testid="roll-call-summary">
          {t('rollCall.summary', { unaccounted: totals.unaccounted, total: totals.total })}
        </p>
      </div>
      {rollCall.source === 'last-known' && (
        <p className="alert alert-warning" data-testid="roll-call-last-known">
          {t('rollCall.fromLastKnown', { time: formatDateTime(kept, language), age: ageText(kept, now, t) })}
        </p>
      )}
      <ErrorAlert error={error} />
      <details className="roll-call-regions" open>
        <summary>{t('rollCall.regions')}</summary>
        <ul data-testid="roll-call-regions">
          {rollCall.muster.regions.map((region) => {
            const count = counts.get(region.no)!;
            return (
              <li key={region.no} className={count.unaccounted > 0 ? 'roll-call-open' : 'roll-call-clear'} data-region={region.no}>
                {t('rollCall.regionCount', { name: region.name, unaccounted: count.unaccounted, total: count.total })}
              </li>
            );
          })}
        </ul>
      </details>
      <div className="roll-call-filters">
        <div className="field search">
          <label htmlFor="roll-call-search" className="field-label">
            {t('rollCall.search')}
          </label>
          <input id="roll-call-search" className="input" type="search" value={query} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="check-field">
          <input
            id="roll-call-only-open"
            className="checkbox"
            type="checkbox"
            checked={onlyUnaccounted}
            onChange={(e) => setOnlyUnaccounted(e.target.checked)}
          />
          <label htmlFor="roll-call-only-open">{t('rollCall.onlyUnaccounted')}</label>
        </div>
      </div>
      {rows.length === 0 && <p className="empty">{query ? t('rollCall.noMatch', { query }) : t('rollCall.noneLeft')}</p>}
      <ul className="roll-call-list">
        {rows.slice(0, SHOWN_ROWS).map((person) => (
          <RollCallRow
            key={person.no}
            person={person}
            safe={isMarkedSafe({ rollCall, marking }, person.no)}
            now={now}
            onMark={(safe) => void mark(person.no, safe)}
          />
        ))}
      </ul>
      {rows.length > SHOWN_ROWS && <p className="muted">{t('rollCall.more', { count: rows.length - SHOWN_ROWS })}</p>}
      <div className="button-row">
        <button type="button" className="button" onClick={exportCsv} data-testid="roll-call-csv">
          {t('rollCall.export')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setConfirmEnd(true)}>
          {t('rollCall.end')}
        </button>
      </div>
      <ConfirmDialog
        open={confirmEnd}
        title={t('rollCall.endTitle')}
        confirmLabel={t('rollCall.end')}
        danger
        onConfirm={() => {
          setConfirmEnd(false);
          void end();
        }}
        onCancel={() => setConfirmEnd(false)}
      >
        <p>{t('rollCall.endBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function RollCallRow({ person, safe, now, onMark }: { person: MusterPerson; safe: boolean; now: Date; onMark: (safe: boolean) => void }) {
  const t = useT();
  return (
    <li className="roll-call-row" data-person={person.no}>
      <div className="roll-call-who">
        <strong>{person.name}</strong>
        <span className="muted">
          {[person.deptname, regionPathText(person), doorText(person), formatEnterTime(person.entertime, now), person.phone].filter(Boolean).join(' · ')}
        </span>
      </div>
      <button
        type="button"
        className={safe ? 'button button-primary roll-call-safe' : 'button roll-call-safe'}
        aria-pressed={safe}
        aria-label={t('rollCall.markSafe', { name: person.name })}
        onClick={() => onMark(!safe)}
      >
        {safe ? `✓ ${t('rollCall.safe')}` : t('rollCall.safe')}
      </button>
    </li>
  );
}
