import { lazy, type ComponentType } from 'react';
import type { MessageKey } from '../i18n';
import type { PageId } from '../lib/navigation-store';
import { RegisterPage } from '../register/RegisterPage';

export interface NavItem {
  id: PageId;
  label: MessageKey;
  Page: ComponentType;
}

// The first screen (registration) is in the initial chunk; every other page loads when first
// opened (App wraps pages in Suspense with a quiet LoadingFallback), which keeps start-up small.
const VisitsPage = lazy(() => import('../visits/VisitsPage').then((m) => ({ default: m.VisitsPage })));
const DevicesPage = lazy(() => import('../devices/DevicesPage').then((m) => ({ default: m.DevicesPage })));
const SecurityPage = lazy(() => import('../security/SecurityPage').then((m) => ({ default: m.SecurityPage })));
const ExpectedPage = lazy(() => import('../expected/ExpectedPage').then((m) => ({ default: m.ExpectedPage })));
const GroupPage = lazy(() => import('../group/GroupPage').then((m) => ({ default: m.GroupPage })));
const VisitLogPage = lazy(() => import('../visit-log/VisitLogPage').then((m) => ({ default: m.VisitLogPage })));
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

/**
 * The header's navigation, in order. To add a page (e.g. 安保 'security' with nav.security, or
 * 自助模式 'self-service' with nav.selfService): add its id to PAGE_IDS in stores/navigation.ts
 * and a line here.
 */
export const NAV_ITEMS: NavItem[] = [
  { id: 'register', label: 'nav.register', Page: RegisterPage },
  { id: 'expected', label: 'nav.expected', Page: ExpectedPage },
  { id: 'group', label: 'nav.group', Page: GroupPage },
  { id: 'visits', label: 'nav.visits', Page: VisitsPage },
  { id: 'log', label: 'nav.log', Page: VisitLogPage },
  { id: 'devices', label: 'nav.devices', Page: DevicesPage },
  { id: 'security', label: 'nav.security', Page: SecurityPage },
  { id: 'settings', label: 'nav.settings', Page: SettingsPage },
];
