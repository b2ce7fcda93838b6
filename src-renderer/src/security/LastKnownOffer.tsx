import type { Muster } from '../../../src-preload/contract';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { useNow } from '../lib/useNow';
import { ageText } from './roll-call';

interface Props {
  /** The list this computer kept at its last refresh, or null when it never kept one. */
  kept: Muster | null;
  onPrint: (muster: Muster) => void;
  onCsv: (muster: Muster) => void;
  onRollCall: () => void;
}

/** K30 is unreachable: the last known list, with its age, to print, save or run a roll call on. */
export function LastKnownOffer({ kept, onPrint, onCsv, onRollCall }: Props) {
  const t = useT();
  const language = useLanguage();
  const now = useNow(30_000);
  if (!kept) {
    return (
      <p className="alert alert-warning" data-testid="last-known-none">
        {t('lastKnown.none')}
      </p>
    );
  }
  return (
    <div className="alert alert-warning" role="alert" data-testid="last-known">
      <p>{t('lastKnown.offer', { time: formatDateTime(kept.fetchedAt, language), age: ageText(kept.fetchedAt, now, t) })}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => onPrint(kept)}>
          {t('lastKnown.print')}
        </button>
        <button type="button" className="button" onClick={() => onCsv(kept)}>
          {t('lastKnown.csv')}
        </button>
        <button type="button" className="button button-primary" onClick={onRollCall} data-testid="last-known-roll-call">
          {t('lastKnown.rollCall')}
        </button>
      </div>
    </div>
  );
}
