import { useEffect } from 'react';
import { useT } from '../i18n';
import { STATUS_REFRESH_MS, useStatusStore } from './store';

/**
 * A plain warning while the K30 server's door confirmations are refused because its clock and
 * this PC's disagree (they would otherwise be lost without a trace). Asks main again every minute.
 */
export function ClockSkewWarning() {
  const t = useT();
  const skew = useStatusStore((s) => s.clockSkew);
  const load = useStatusStore((s) => s.load);
  useEffect(() => {
    const timer = setInterval(() => void load(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!skew) return null;
  return (
    <div className="alert alert-warning" role="alert" data-testid="clock-skew">
      <p className="alert-message">{t(`status.clockSkew.${skew.code}`, { minutes: skew.minutes, count: skew.rejected })}</p>
    </div>
  );
}
