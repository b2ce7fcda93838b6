import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { useNavigationStore } from '../lib/navigation-store';
import { useVisit, useVisitsStore } from '../visits/store';
import { useRegistrationStore } from './store';
import './returning.css';

/**
 * Main refused the registration: the same person has a live or upcoming visit. Staff open that
 * visit, extend it (this registration's times replace it), or register anyway.
 */
export function DuplicateWarning() {
  const t = useT();
  const language = useLanguage();
  const duplicate = useRegistrationStore((s) => s.duplicate);
  const submit = useRegistrationStore((s) => s.submit);
  const busy = useRegistrationStore((s) => s.submission.busy);
  const visit = useVisit(duplicate?.visitId);
  const go = useNavigationStore((s) => s.go);
  if (!duplicate) return null;
  if (duplicate.extendFailed)
    return (
      <p className="alert alert-warning" role="alert">
        {t('duplicate.extendFailed')}
      </p>
    );

  const open = () => {
    useVisitsStore.getState().focus(duplicate.visitId);
    go('visits');
  };
  return (
    <div className="alert alert-warning duplicate-warning" role="alertdialog" aria-labelledby="duplicate-title" aria-describedby="duplicate-body">
      <h3 id="duplicate-title">{t('duplicate.title')}</h3>
      <p id="duplicate-body">
        {visit
          ? t('duplicate.body', {
              name: visit.visitor.name,
              begin: formatDateTime(new Date(visit.begin), language),
              end: formatDateTime(new Date(visit.end), language),
              host: visit.host.name,
            })
          : t('error.duplicate-visit')}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={open}>
          {t('duplicate.open')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void submit({ replaces: duplicate.visitId })}>
          {t('duplicate.extend')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit({ anyway: true })}>
          {t('duplicate.anyway')}
        </button>
      </div>
    </div>
  );
}
