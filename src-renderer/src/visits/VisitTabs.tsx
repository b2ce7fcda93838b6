import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { VISIT_TABS, type VisitTab } from './derive';

export const tabId = (tab: VisitTab) => `visits-tab-${tab}`;
export const PANEL_ID = 'visits-panel';

interface Props {
  current: VisitTab;
  counts: Record<VisitTab, number>;
  onChange: (tab: VisitTab) => void;
}

/** ARIA tabs: ←/→/Home/End move between them. */
export function VisitTabs({ current, counts, onChange }: Props) {
  const t = useT();
  const refs = useRef<Partial<Record<VisitTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const i = VISIT_TABS.indexOf(current);
    const next =
      e.key === 'ArrowRight'
        ? VISIT_TABS[(i + 1) % VISIT_TABS.length]
        : e.key === 'ArrowLeft'
          ? VISIT_TABS[(i - 1 + VISIT_TABS.length) % VISIT_TABS.length]
          : e.key === 'Home'
            ? VISIT_TABS[0]
            : e.key === 'End'
              ? VISIT_TABS[VISIT_TABS.length - 1]
              : null;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    // Roving tabindex: the selected tab is the tab stop, arrow keys move between tabs.
    // oxlint-disable-next-line jsx-a11y/interactive-supports-focus
    <div className="tabs" role="tablist" aria-label={t('visits.tabsLabel')} onKeyDown={onKeyDown}>
      {VISIT_TABS.map((tab) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[tab] = el;
          }}
          id={tabId(tab)}
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab === current}
          aria-controls={PANEL_ID}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {t(`visits.tab.${tab}`)}
          <span className="tab-count">{counts[tab]}</span>
        </button>
      ))}
    </div>
  );
}
