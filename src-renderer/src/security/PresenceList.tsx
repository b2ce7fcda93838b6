import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RegionPerson } from '../../../src-preload/contract';
import { useT, type Translate } from '../i18n';
import { useNow } from '../lib/useNow';
import type { PeopleList } from './store';
import { useSecurityStore } from './store';
import { PersonPhoto } from './PersonPhoto';
import { formatEnterTime, PAGE_SIZE, ROW_HEIGHT, rowWindow } from './presence';

interface Props {
  list: PeopleList;
  regionName: string;
  deviceName: (no: string) => string;
}

/** Height of the sticky column header inside the scroller (rows start below it). */
const HEAD_HEIGHT = 44;

/**
 * The people inside a region, as a virtual table: a spacer as tall as all rows, and only the rows
 * on screen (plus overscan) in the DOM, placed by index at a fixed height. Scrolling tells the
 * store which rows are shown; it fetches the pages they need.
 */
export function PresenceList({ list, regionName, deviceName }: Props) {
  const t = useT();
  const now = useNow(60_000);
  const show = useSecurityStore((s) => s.show);
  const scroller = useRef<HTMLDivElement>(null);
  const total = list.total ?? 0;
  const [win, setWin] = useState(() => rowWindow(0, 600, total));

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const next = rowWindow(Math.max(0, el.scrollTop - HEAD_HEIGHT), el.clientHeight - HEAD_HEIGHT, total);
      setWin((prev) => (prev.first === next.first && prev.last === next.last ? prev : next));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [total]);

  useEffect(() => show(win.first, win.last), [win.first, win.last, show]);

  const rows = [];
  for (let i = win.first; i <= win.last; i++) {
    const person = list.pages[Math.floor(i / PAGE_SIZE) + 1]?.[i % PAGE_SIZE];
    rows.push(
      person ? (
        <PresenceRow
          key={i}
          index={i}
          person={person}
          device={person.deviceno ? deviceName(person.deviceno) : ''}
          enteredAt={formatEnterTime(person.entertime, now)}
          t={t}
        />
      ) : (
        <LoadingRow key={i} index={i} t={t} />
      ),
    );
  }

  return (
    <div
      ref={scroller}
      className="presence-scroller"
      role="table"
      aria-label={t('security.listLabel', { region: regionName })}
      aria-rowcount={total + 1}
      // A scrolling region must take focus so a keyboard can scroll it (only the visible rows exist).
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      data-testid="presence-list"
    >
      <div role="rowgroup" className="presence-head" style={{ height: HEAD_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="presence-grid">
          <span role="columnheader">
            <span className="sr-only">{t('security.col.photo')}</span>
          </span>
          <span role="columnheader">{t('security.col.name')}</span>
          <span role="columnheader">{t('security.col.dept')}</span>
          <span role="columnheader">{t('security.col.phoneTail')}</span>
          <span role="columnheader">{t('security.col.enteredAt')}</span>
          <span role="columnheader">{t('security.col.device')}</span>
        </div>
      </div>
      <div role="rowgroup" className="presence-body" style={{ height: total * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
}

const rowStyle = (index: number) => ({ transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT });

const PresenceRow = memo(function PresenceRow({
  index,
  person,
  device,
  enteredAt,
  t,
}: {
  index: number;
  person: RegionPerson;
  device: string;
  enteredAt: string;
  t: Translate;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`presence-grid presence-row${person.overstay ? ' presence-row-overstay' : person.visitId ? ' presence-row-visitor' : ''}`}
      style={rowStyle(index)}
      data-testid="presence-row"
      data-person-no={person.no}
      data-visit-id={person.visitId}
      data-overstay={person.overstay ? 'true' : undefined}
    >
      <span role="cell" className="presence-photo">
        <PersonPhoto url={person.photoUrl} name={person.name} />
      </span>
      <span role="cell" className="presence-name">
        <span className="presence-name-text">{person.name}</span>
        {person.visitId && <span className="badge badge-info">{t('security.visitor')}</span>}
        {person.overstay && (
          <span className="badge badge-danger badge-overstay" data-testid="overstay-flag">
            <span aria-hidden="true">⚠</span>
            {t('security.overstay')}
          </span>
        )}
      </span>
      <span role="cell" className="presence-cell">
        {person.deptname}
      </span>
      <span role="cell" className="presence-cell presence-num">
        {person.phoneTail}
      </span>
      <span role="cell" className="presence-cell presence-num">
        {enteredAt}
      </span>
      <span role="cell" className="presence-cell" title={person.deviceno}>
        {device}
      </span>
    </div>
  );
});

const LoadingRow = memo(function LoadingRow({ index, t }: { index: number; t: Translate }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="presence-grid presence-row presence-row-loading"
      style={rowStyle(index)}
      data-testid="presence-row"
      data-loading="true"
    >
      <span role="cell" className="presence-photo">
        <span className="avatar avatar-initials" aria-hidden="true" />
      </span>
      <span role="cell" className="presence-name muted">
        {t('security.rowLoading')}
      </span>
      <span role="cell" />
      <span role="cell" />
      <span role="cell" />
      <span role="cell" />
    </div>
  );
});
