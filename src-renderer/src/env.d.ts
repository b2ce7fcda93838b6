import type { KioskApi } from '../../src-preload/contract';

declare global {
  interface Window {
    kiosk: KioskApi;
  }
}

export {};
