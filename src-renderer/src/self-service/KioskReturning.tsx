import { useEffect } from 'react';
import { useT } from '../i18n';
import { useKioskReturningStore } from './returning-store';
import { useSelfServiceStore } from './store';

/** "Welcome back, 李雷: visiting 张伟 again?" once the visitor typed their own phone and document. */
export function KioskReturning() {
  const t = useT();
  const draft = useSelfServiceStore((s) => s.draft);
  const update = useSelfServiceStore((s) => s.update);
  const setHost = useSelfServiceStore((s) => s.setHost);
  const { offer, lookup, used, clear } = useKioskReturningStore();

  useEffect(() => {
    const timer = setTimeout(() => void lookup(draft), 300);
    return () => clearTimeout(timer);
  }, [draft, lookup]);
  // Leaving the screen (the next visitor, idle, done): nothing of this visitor stays.
  useEffect(() => clear, [clear]);

  if (!offer) return null;
  const use = () => {
    update({ name: offer.name });
    setHost(offer.host);
    used();
  };
  return (
    <div className="returning-offer" role="status">
      <button type="button" className="self-service-button self-service-button-primary" onClick={use}>
        {t('returning.kioskOffer', { name: offer.name, host: offer.host.name })}
      </button>
    </div>
  );
}
