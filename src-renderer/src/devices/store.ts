import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Device, KioskError, Result } from '../../../src-preload/contract';
import { call } from '../api';

interface DevicesState {
  devices: Device[];
  loaded: boolean;
  loading: boolean;
  error: KioskError | null;
  /** Loads once; `force` reloads. */
  load(force?: boolean): Promise<void>;
  openDoor(deviceNo: string): Promise<Result<true>>;
}

export const useDevicesStore = create<DevicesState>()((set, get) => ({
  devices: [],
  loaded: false,
  loading: false,
  error: null,

  async load(force = false) {
    if (get().loading || (get().loaded && !force)) return;
    set({ loading: true, error: null });
    const result = await call('listDevices');
    if (result.ok) set({ devices: result.value, loaded: true, loading: false });
    else set({ error: result.error, loading: false });
  },

  openDoor: (deviceNo) => call('openDoor', { deviceNo }),
}));

/**
 * The device list for a screen that shows it: loaded when the screen opens (`fresh`: asked again
 * even if already known), with `load(true)` for its Refresh button.
 */
export function useDeviceList(fresh = false) {
  const list = useDevicesStore(useShallow((s) => ({ devices: s.devices, loaded: s.loaded, loading: s.loading, error: s.error, load: s.load })));
  const { load } = list;
  useEffect(() => {
    void load(fresh);
  }, [load, fresh]);
  return list;
}

/** Devices grouped by region, regions and devices in a stable order. */
export function groupByRegion(devices: Device[]): { region: string; devices: Device[] }[] {
  const groups = new Map<string, Device[]>();
  for (const device of devices) {
    const list = groups.get(device.regionname) ?? [];
    list.push(device);
    groups.set(device.regionname, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([region, list]) => ({ region, devices: [...list].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) }));
}
