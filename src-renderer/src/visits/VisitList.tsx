import type { Visit } from '../../../src-preload/contract';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { VisitStateBadge } from '../components/Badges';

interface Props {
  visits: Visit[];
  selectedId: string | null;
  onSelect: (visitId: string) => void;
}

export function VisitList({ visits, selectedId, onSelect }: Props) {
  const t = useT();
  const language = useLanguage();
  if (visits.length === 0) return <p className="empty">{t('visits.empty')}</p>;
  return (
    <ul className="visit-list">
      {visits.map((v) => (
        <li key={v.id} data-testid="visit-row" data-visit-id={v.id} data-state={v.state}>
          <button
            type="button"
            className={`visit-row ${v.id === selectedId ? 'selected' : ''}`}
            aria-current={v.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(v.id)}
          >
            <span className="visit-row-main">
              <span className="visit-name">{v.visitor.name}</span>
              <span className="muted">{v.visitor.phoneMasked}</span>
            </span>
            <span className="visit-row-sub">
              {t('visits.rowSummary', { host: v.host.name, begin: formatDateTime(v.begin, language), end: formatDateTime(v.end, language) })}
            </span>
            <VisitStateBadge state={v.state} />
          </button>
        </li>
      ))}
    </ul>
  );
}
