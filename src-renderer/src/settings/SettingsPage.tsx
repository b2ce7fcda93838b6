import { useEffect } from 'react';
import { useT } from '../i18n';
import { adminIn, useSettingsStore } from './store';
import { PinGate } from './PinGate';
import { DevToolsSection } from './DevToolsSection';
import { PinSection } from './PinSection';
import { SettingsForm } from './SettingsForm';
import './settings.css';
import { VisitorProfilesSection } from './VisitorProfilesSection';
import { NotificationSection } from './NotificationSection';
import { SlipSection } from './SlipSection';
import { StaffSection } from '../staff/StaffSection';
import { DenyListSection } from '../deny-list/DenyListSection';
import { AuditSection } from '../audit/AuditSection';

/** Settings, behind the admin PIN once one is set (locked again when the page is left). */
export function SettingsPage() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const unlocked = useSettingsStore((s) => s.adminUnlocked);
  const locked = !useSettingsStore(adminIn);
  const lock = useSettingsStore((s) => s.lock);
  useEffect(() => lock, [lock]);

  if (!settings) return <p role="status">{t('app.loading')}</p>;
  return (
    <div className="page page-settings">
      <div className="page-head">
        <h1 className="page-title">{t('settings.title')}</h1>
        {settings.adminPinSet && unlocked && (
          <button type="button" className="button button-quiet" onClick={lock}>
            {t('settings.lock')}
          </button>
        )}
      </div>
      {locked ? (
        <PinGate />
      ) : (
        <>
          <SettingsForm settings={settings} />
          <NotificationSection />
          <SlipSection />
          <PinSection />
          <VisitorProfilesSection />
          <StaffSection />
          <DenyListSection />
          <AuditSection />
          <DevToolsSection />
        </>
      )}
    </div>
  );
}
