import { useEffect, useState } from 'react';
import { VisitStateSchema } from '../../../src-preload/contract';
import { useLanguage, useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { windowText } from '../expected/window-text';
import { LogThumbnail } from './LogThumbnail';
import { useVisitLogStore } from './store';
import './visit-log.css';

/** Every visit this PC registered, newest first: filters, search, thumbnails, export of a range. */
export function VisitLogPage() {
  const t = useT();
  const language = useLanguage();
  const { filters, log, error, exportError, exporting, setFilters, query, exportRange } = useVisitLogStore();
  const [full, setFull] = useState(false);
  useEffect(() => {
    void query();
  }, [query]);

  return (
    <div className="visit-log">
      <h1>{t('log.title')}</h1>
      <div className="log-filters" role="search">
        <TextField id="log-from" type="date" label={t('log.from')} value={filters.from} onChange={(from) => setFilters({ from })} />
        <TextField id="log-to" type="date" label={t('log.to')} value={filters.to} onChange={(to) => setFilters({ to })} />
        <SelectField
          id="log-host"
          label={t('field.host')}
          value={filters.hostNo}
          options={[{ value: '', label: t('log.anyHost') }, ...(log?.hosts ?? []).map((h) => ({ value: h.no, label: h.name || h.no }))]}
          onChange={(hostNo) => setFilters({ hostNo })}
        />
        <SelectField
          id="log-state"
          label={t('log.state')}
          value={filters.state}
          options={[{ value: '' as const, label: t('log.anyState') }, ...VisitStateSchema.options.map((s) => ({ value: s, label: t(`state.${s}`) }))]}
          onChange={(state) => setFilters({ state })}
        />
        <TextField
          id="log-search"
          type="search"
          label={t('log.search')}
          hint={t('log.searchHint')}
          value={filters.search}
          onChange={(search) => setFilters({ search })}
          autoComplete="off"
        />
      </div>
      <div className="log-export button-row">
        <button type="button" className="button" disabled={exporting} onClick={() => void exportRange('xlsx', language, full)}>
          {t('log.exportXlsx')}
        </button>
        <button type="button" className="button" disabled={exporting} onClick={() => void exportRange('csv', language, full)}>
          {t('log.exportCsv')}
        </button>
        <label className="check-field">
          <input type="checkbox" className="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} />
          {t('log.fullNumbers')}
        </label>
      </div>
      <ErrorAlert error={exportError} />
      <ErrorAlert error={error} />
      <p className="muted" role="status" data-testid="log-count">
        {t('log.count', { n: log?.total ?? 0 })}
      </p>
      <table className="log-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t('field.photo')}</span>
            </th>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.phone')}</th>
            <th scope="col">{t('field.documentNo')}</th>
            <th scope="col">{t('field.host')}</th>
            <th scope="col">{t('log.window')}</th>
            <th scope="col">{t('log.state')}</th>
          </tr>
        </thead>
        <tbody>
          {(log?.rows ?? []).map((v) => (
            <tr key={v.id} data-testid="log-row">
              <td>
                <LogThumbnail visit={v} />
              </td>
              <td>{v.visitor.name}</td>
              <td>{v.visitor.phoneMasked}</td>
              <td>{v.visitor.documentMasked}</td>
              <td>{v.host.name || v.host.no}</td>
              <td>{windowText(v.begin, v.end)}</td>
              <td>{t(`state.${v.state}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
