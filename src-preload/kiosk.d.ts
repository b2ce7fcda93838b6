import type { KioskApi } from './contract';

declare global {
  interface Window {
    /** The preload's API (src-preload/index.ts): the contract's calls and events, nothing else. */
    kiosk: KioskApi;
  }
}

export {};
