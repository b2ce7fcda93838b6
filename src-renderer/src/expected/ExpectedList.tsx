import type { ExpectedVisit } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useExpectedStore } from './store';
import { windowText } from './window-text';

interface Props {
  visits: ExpectedVisit[];
  labelledBy: string;
  /** Today's list offers check-in; a later day's only cancelling. */
  checkIn: boolean;
}

/** Expected visitors, each with one tap to check in (while expected). */
export function ExpectedList({ visits, labelledBy, checkIn }: Props) {
  const t = useT();
  const openCheckIn = useExpectedStore((s) => s.openCheckIn);
  const cancel = useExpectedStore((s) => s.cancel);
  const checkingIn = useExpectedStore((s) => s.checkingIn);
  if (visits.length === 0) return <p className="muted">{t('expected.none')}</p>;
  return (
    <ul className="expected-list" aria-labelledby={labelledBy}>
      {visits.map((v) => (
        <li key={v.id} className={`expected-row expected-${v.state}`} data-testid="expected-row">
          <span className="expected-time">{windowText(v.begin, v.end)}</span>
          <span className="expected-name">{v.visitor.name}</span>
          <span className="expected-host">{t('expected.hostLine', { host: v.host.name || v.host.no })}</span>
          <span className="expected-meta muted">
            {v.visitor.phoneMasked || t('expected.missing.phone')}
            {v.missing.includes('documentNo') && ` · ${t('expected.missing.documentNo')}`}
          </span>
          <span className="expected-state" data-state={v.state}>
            {t(`expected.state.${v.state}`)}
          </span>
          {v.state === 'expected' && (
            <span className="expected-actions">
              {checkIn && (
                <button
                  type="button"
                  className="button button-primary"
                  aria-expanded={checkingIn === v.id}
                  onClick={() => openCheckIn(v.id)}
                  aria-label={t('expected.checkInFor', { name: v.visitor.name })}
                >
                  {t('expected.checkIn')}
                </button>
              )}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => void cancel(v.id)}
                aria-label={t('expected.cancelFor', { name: v.visitor.name })}
              >
                {t('expected.cancel')}
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
