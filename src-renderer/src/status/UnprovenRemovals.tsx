import { useT } from '../i18n';
import { useSettingsStore } from '../settings/store';

/**
 * Permanent while answers are not required to verify ('warn' or 'off', the installer's explicit
 * choice for a server whose answers do not): a "removed" then rests on an answer anyone could write.
 */
export function UnprovenRemovals() {
  const t = useT();
  const policy = useSettingsStore((s) => s.settings?.responseSignPolicy);
  if (!policy || policy === 'strict') return null;
  return (
    <p className="alert alert-warning" role="alert" data-testid="unproven-removals">
      {t('status.unprovenRemovals')}
    </p>
  );
}
