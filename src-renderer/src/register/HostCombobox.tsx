import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Host } from '../../../src-preload/contract';
import { describeError, useT } from '../i18n';
import { hostLabel } from './host-label';
import { reveal } from '../lib/reveal';
import { useHostSearchStore, type HostSearchStore } from './hosts-store';
import { useRegistrationStore } from './store';
import { fieldId, type FieldError } from './draft';

const LISTBOX_ID = 'host-listbox';

const optionId = (i: number) => `host-option-${i}`;

/** The reception wizard's host search: its draft's host, its own search. */
export function HostCombobox() {
  const t = useT();
  const host = useRegistrationStore((s) => s.draft.host);
  const setHost = useRegistrationStore((s) => s.setHost);
  const error = useRegistrationStore((s) => s.fieldErrors.host);
  return <HostSearchBox search={useHostSearchStore} host={host} onHostChange={setHost} error={error} hint={t('host.hint')} />;
}

export interface HostSearchBoxProps {
  /** The search (results, status) this box drives; each flow has its own. */
  search: HostSearchStore;
  host: Host | null;
  onHostChange: (host: Host | null) => void;
  error?: FieldError;
  hint: string;
}

/**
 * The host search: an ARIA 1.2 combobox (input + listbox). Typing searches (debounced, one request
 * at a time); ↑/↓ move the active option, Enter chooses it, Esc closes the list. Each option shows
 * only enough to pick the right person: name · department · phone tail.
 */
export function HostSearchBox({ search, host, onHostChange: setHost, error, hint }: HostSearchBoxProps) {
  const t = useT();
  const text = search((s) => s.text);
  const results = search((s) => s.results);
  const status = search((s) => s.status);
  const searchedQuery = search((s) => s.searchedQuery);
  const searchError = search((s) => s.error);
  const setText = search((s) => s.setText);
  const showText = search((s) => s.showText);
  const retry = search((s) => s.retry);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);

  // New results: nothing active yet, list open if the box has focus.
  useEffect(() => setActive(-1), [results]);

  const id = fieldId('host');
  const expanded = open && results.length > 0;

  // The list opens over the page: scrolled clear of the sticky action bar (the host sits low on its step).
  useEffect(() => {
    if (expanded && listRef.current) reveal(listRef.current);
  }, [expanded, results]);
  const label = (h: Host) => hostLabel(t, h);

  const choose = (chosen: Host) => {
    setHost(chosen);
    showText(chosen.name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      if (results.length) setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (results.length) setActive((i) => (i <= 0 ? 0 : i - 1));
    } else if (e.key === 'Enter') {
      if (expanded && active >= 0) {
        e.preventDefault();
        choose(results[active]);
      } else if (expanded && results.length === 1) {
        e.preventDefault();
        choose(results[0]);
      } else if (!host && text.trim()) {
        // Don't leave the step with a half-typed host: keep the user here.
        e.preventDefault();
        setOpen(true);
      }
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    } else if (e.key === 'Home' || e.key === 'End') {
      setActive(-1);
    }
  };

  const statusText =
    status === 'searching'
      ? t('host.searching')
      : status === 'done' && searchedQuery && results.length === 0
        ? t('host.noResults', { query: searchedQuery })
        : status === 'done' && results.length > 0 && !host
          ? t('host.resultsCount', { count: results.length })
          : '';

  return (
    <div className={`field combobox ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {t('host.label')}
      </label>
      <div className="combobox-anchor">
        <input
          id={id}
          className="input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={LISTBOX_ID}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : '', `${id}-hint`, `${id}-status`].filter(Boolean).join(' ')}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (host) setHost(null);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {/* The ARIA combobox pattern: focus stays in the input, which moves through the options with the arrow keys. */}
        {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role */}
        <ul ref={listRef} id={LISTBOX_ID} role="listbox" aria-label={t('host.listLabel')} className="listbox" hidden={!expanded}>
          {results.map((h, i) => (
            // oxlint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={h.no}
              id={optionId(i)}
              // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role
              role="option"
              aria-selected={i === active}
              className={`option ${i === active ? 'option-active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(h)}
              onMouseMove={() => setActive(i)}
            >
              {label(h)}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <p id={`${id}-status`} className="field-hint" role="status" aria-live="polite">
        {statusText}
      </p>
      {status === 'error' && searchError && (
        <div className="alert alert-error" role="alert">
          <p className="alert-message">
            {t('host.searchFailed')}
            {describeError(t, searchError).message}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {t(error.key, error.params)}
        </p>
      )}
      {host && (
        <p className="selected-host" aria-live="polite">
          {hostLabel(t, host, 'selected')}
        </p>
      )}
    </div>
  );
}
