import type { JSX } from 'react';
import type { MessageKey } from '../i18n';
import type { PageId } from '../lib/navigation-store';
import { DevicesPage } from '../devices/DevicesPage';
import { RegisterPage } from '../register/RegisterPage';
import { SecurityPage } from '../security/SecurityPage';
import { SettingsPage } from '../settings/SettingsPage';
import { VisitsPage } from '../visits/VisitsPage';

export interface NavItem {
  id: PageId;
  label: MessageKey;
  Page: () => JSX.Element;
}

/**
 * The header's navigation, in order. To add a page (e.g. 安保 'security' with nav.security, or
 * 自助模式 'self-service' with nav.selfService): add its id to PAGE_IDS in stores/navigation.ts
 * and a line here.
 */
export const NAV_ITEMS: NavItem[] = [
  { id: 'register', label: 'nav.register', Page: RegisterPage },
  { id: 'visits', label: 'nav.visits', Page: VisitsPage },
  { id: 'devices', label: 'nav.devices', Page: DevicesPage },
  { id: 'security', label: 'nav.security', Page: SecurityPage },
  { id: 'settings', label: 'nav.settings', Page: SettingsPage },
];
