import { useEffect, useState } from 'react';
import { useT } from '../i18n';

/** Long enough that a chunk read from the local app bundle is usually there first. */
const QUIET_MS = 300;

/**
 * What a lazily loaded page shows while its code loads: nothing for a moment (so opening a page
 * does not flash a "Loading…" line), then a calm status line if it takes longer.
 */
export function LoadingFallback() {
  const t = useT();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p role="status" aria-busy="true">
      {shown ? t('app.loading') : ''}
    </p>
  );
}
