import { useSettingsStore } from './store';

/** Where the camera choice lived before the app moved from file:// to app://kiosk (origin-bound). */
const LEGACY_CAMERA_KEY = 'k30.cameraId';

/**
 * The camera chosen on this machine ('' = the default one): a setting in main, so it survives the
 * page's origin changing (localStorage is per origin) and is the same for every window.
 */
export function rememberedCamera(): string {
  return useSettingsStore.getState().settings?.cameraId ?? legacyCamera();
}

export function rememberCamera(id: string): void {
  // Not remembered (kiosk mode refuses settings changes): the choice still holds for this visit.
  void useSettingsStore.getState().save({ cameraId: id });
}

/** A choice still in localStorage (development, the harness): read it, never write it again. */
function legacyCamera(): string {
  try {
    return localStorage.getItem(LEGACY_CAMERA_KEY) ?? '';
  } catch {
    return '';
  }
}
