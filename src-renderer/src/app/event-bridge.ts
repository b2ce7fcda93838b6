import { on } from '../api';
import { useSettingsStore } from '../settings/store';
import { useStatusStore } from '../status/store';
import { useVisitsStore } from '../visits/store';

/** Routes main's events into the stores; call once at start. Returns the unsubscribe function. */
export function startEventBridge(): () => void {
  const offs = [
    on('visitUpdated', (visit) => useVisitsStore.getState().upsert(visit)),
    on('settingsChanged', (settings) => useSettingsStore.getState().apply(settings)),
    on('statusChanged', (status) => useStatusStore.getState().apply(status)),
  ];
  return () => offs.forEach((off) => off());
}
