import { useRef } from 'react';
import { useT } from '../i18n';
import { NAV_ITEMS } from './navigation';
import { useNavigationStore } from '../lib/navigation-store';
import { useRegistrationStore } from '../register/store';
import { useSettingsStore } from '../settings/store';
import { LanguageButton } from './LanguageButton';
import { ActingBadge } from '../staff/ActingBadge';
import { useStickyHeaderHeight } from './useStickyHeaderHeight';
import './sticky.css';

export function Header() {
  const t = useT();
  const page = useNavigationStore((s) => s.page);
  const demo = useSettingsStore((s) => s.settings?.demo ?? false);
  const pending = useRegistrationStore((s) => s.submission.status === 'unknown' || s.submission.status === 'submitting');
  const ref = useRef<HTMLElement>(null);
  useStickyHeaderHeight(ref);
  return (
    <header className="header" ref={ref}>
      <div className="header-bar">
        <p className="app-title">{t('app.title')}</p>
        <nav className="nav" aria-label={t('nav.label')}>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.id}>
                <a href={`#/${item.id}`} className="nav-link" aria-current={item.id === page ? 'page' : undefined}>
                  {t(item.label)}
                  {item.id === 'register' && pending && (
                    <span className="nav-dot" title={t('nav.registrationPending')}>
                      <span className="sr-only">{t('nav.registrationPending')}</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <ActingBadge />
        <LanguageButton />
      </div>
      {demo && (
        <p className="demo-banner" data-testid="demo-banner">
          {t('app.demoBanner')}
        </p>
      )}
    </header>
  );
}
