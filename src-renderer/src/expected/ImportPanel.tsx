import { useT, useLanguage } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { useExpectedStore } from './store';

/** A guest list from CSV or XLSX: all rows or none, and every bad row named with its line and reason. */
export function ImportPanel() {
  const t = useT();
  const language = useLanguage();
  const importFile = useExpectedStore((s) => s.importFile);
  const downloadTemplate = useExpectedStore((s) => s.downloadTemplate);
  const importing = useExpectedStore((s) => s.importing);
  const result = useExpectedStore((s) => s.importResult);
  const error = useExpectedStore((s) => s.importError);
  return (
    <div className="import-panel">
      <p className="field-hint">{t('expected.import.hint')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void downloadTemplate('xlsx', language)}>
          {t('expected.import.templateXlsx')}
        </button>
        <button type="button" className="button" onClick={() => void downloadTemplate('csv', language)}>
          {t('expected.import.templateCsv')}
        </button>
      </div>
      <label className="field-label" htmlFor="import-file">
        {t('expected.import.choose')}
      </label>
      <input
        id="import-file"
        type="file"
        className="input"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={importing}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {importing && <p role="status">{t('common.working')}</p>}
      <ErrorAlert error={error} />
      {result && result.errors.length === 0 && (
        <p className="alert alert-success" role="status" data-testid="import-result">
          {t('expected.import.done', { n: result.imported })}
        </p>
      )}
      {result && result.errors.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="import-result">
          <p className="alert-message">{t('expected.import.refused', { n: result.errors.length, rows: result.rows })}</p>
          <table className="import-errors">
            <thead>
              <tr>
                <th scope="col">{t('expected.import.line')}</th>
                <th scope="col">{t('expected.import.column')}</th>
                <th scope="col">{t('expected.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.line === 0 ? t('expected.import.wholeFile') : e.line}</td>
                  <td>{e.column ? t(`expected.col.${e.column as ImportColumn}`) : ''}</td>
                  <td>{t(`expected.problem.${e.problem}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

type ImportColumn =
  'name' | 'phone' | 'documentType' | 'documentNo' | 'carno' | 'reason' | 'hostNo' | 'hostName' | 'date' | 'from' | 'to' | 'endDate' | 'doors';
