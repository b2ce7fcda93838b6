import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KioskError, Muster, MusterPhones, RegionNode } from '../../../src-preload/contract';
import { call } from '../api';
import { useActingStore } from '../staff/acting-store';
import { useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { RadioGroup } from '../components/RadioGroup';
import { PinField } from '../components/PinField';
import { useSecurityStore } from './store';
import { musterCsv, musterFileName } from './csv';
import { downloadText } from '../lib/download-file';
import { PrintMuster } from './PrintMuster';
import { useRollCallStore } from './roll-call-store';
import { LastKnownOffer } from './LastKnownOffer';

interface Props {
  selected: RegionNode | undefined;
}

type Output = 'print' | 'csv';

/**
 * The evacuation muster: everyone inside the chosen region (with its sub-regions) or every
 * region, each person once, from main in one answer; printed (by region) or saved as CSV. Masked
 * phone numbers always; full ones after the admin PIN (main checks it).
 */
export function MusterPanel({ selected }: Props) {
  const t = useT();
  const muster = useSecurityStore((s) => s.muster);
  const loadMuster = useSecurityStore((s) => s.loadMuster);
  const stopMuster = useSecurityStore((s) => s.stopMuster);
  const [scope, setScope] = useState<'selected' | 'all'>('selected');
  const [phones, setPhones] = useState<MusterPhones>('masked');
  const [notice, setNotice] = useState('');
  const [askPin, setAskPin] = useState<Output | null>(null);
  const [noPin, setNoPin] = useState(false);
  const [printing, setPrinting] = useState<{ muster: Muster; scopeName: string; at: Date; kept?: boolean } | null>(null);
  /** After a failed load: the list this computer kept (null: none kept), offered instead. */
  const [kept, setKept] = useState<Muster | null | undefined>(undefined);
  const startRollCall = useRollCallStore((s) => s.start);
  const rollCallStarting = useRollCallStore((s) => s.loading);
  const rollCallError = useRollCallStore((s) => (s.rollCall ? null : s.error));
  const busy = muster.status === 'loading';
  const target = scope === 'selected' && selected ? selected : undefined;
  const scopeName = target ? target.name : t('security.scopeAll');

  const run = async (what: Output, afterUnlock = false) => {
    setNotice('');
    setNoPin(false);
    setKept(undefined);
    const result = await loadMuster(target ? target.no : 'all', phones);
    if (!result) {
      const state = useSecurityStore.getState().muster;
      if (state.status === 'error' && state.error?.code !== 'pin-required') {
        const last = await call('getLastMuster', { scope: target ? target.no : 'all', phones });
        setKept(last.ok ? last.value : null);
      }
      if (state.error?.code !== 'pin-required') return;
      // Unlocked and still refused: no PIN is set on this kiosk, so there is no session to open.
      if (afterUnlock) {
        setAskPin(null);
        setNoPin(true);
      } else setAskPin(what);
      return;
    }
    setAskPin(null);
    output(what, result);
  };

  /** Prints or saves a muster: the live one, or the one this computer kept. */
  const output = (what: Output, result: Muster, fromKept = false) => {
    const count = result.people.length;
    const at = new Date();
    // Recorded in the audit log (by main, as it goes: the list is never held up for it).
    void call('recordExport', { kind: what === 'csv' ? 'muster-csv' : 'muster-print', count });
    if (what === 'csv') {
      const file = musterFileName(target ? target.name : 'all', at);
      downloadText(file, musterCsv(result, t));
      setNotice(count === 0 ? t('security.musterEmpty') : t('security.musterExported', { count, file }));
    } else {
      if (count === 0) setNotice(t('security.musterEmpty'));
      setPrinting({ muster: result, scopeName, at, kept: fromKept });
    }
  };

  // Print once the muster is in the DOM; it stays (hidden on screen) until printing is over.
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done);
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);

  return (
    <section className="card security-muster" aria-labelledby="muster-heading">
      <h2 id="muster-heading">{t('security.muster')}</h2>
      <RadioGroup
        className="muster-scope"
        name="muster-scope"
        legend={t('security.musterScope')}
        disabled={busy}
        value={selected ? scope : 'all'}
        options={[
          { value: 'selected', label: t('security.scopeSelected', { name: selected?.name ?? '—' }), disabled: !selected },
          { value: 'all', label: t('security.scopeAll') },
        ]}
        onChange={setScope}
      />
      <RadioGroup
        className="muster-scope"
        name="muster-phones"
        legend={t('security.musterPhones')}
        disabled={busy}
        value={phones}
        options={[
          { value: 'masked', label: t('security.phonesMasked') },
          { value: 'full', label: t('security.phonesFull') },
        ]}
        onChange={setPhones}
      />
      <div className="button-row">
        <button type="button" className="button" data-testid="muster-print" onClick={() => void run('print')} disabled={busy}>
          {t('security.print')}
        </button>
        <button type="button" className="button" data-testid="muster-csv" onClick={() => void run('csv')} disabled={busy}>
          {t('security.exportCsv')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="roll-call-start"
          onClick={() => void startRollCall(target ? target.no : 'all', 'live')}
          disabled={busy || rollCallStarting}
        >
          {t('rollCall.start')}
        </button>
      </div>
      {busy && (
        <div className="muster-progress">
          <p role="status">{t('security.musterLoading')}</p>
          <button type="button" className="button button-quiet" onClick={stopMuster}>
            {t('security.musterStop')}
          </button>
        </div>
      )}
      {notice && !busy && (
        <p className="alert alert-success" role="status" data-testid="muster-notice">
          {notice}
        </p>
      )}
      {askPin ? (
        <MusterPin
          onUnlocked={() => void run(askPin, true)}
          onCancel={() => {
            setAskPin(null);
            setPhones('masked');
          }}
        />
      ) : noPin ? (
        <p className="alert alert-error" role="alert" data-testid="muster-no-pin">
          {t('security.phonesNoPinSet')}
        </p>
      ) : (
        <ErrorAlert error={muster.status === 'error' ? muster.error : null} />
      )}
      <ErrorAlert error={rollCallError} />
      {kept !== undefined && !busy && (
        <LastKnownOffer
          kept={kept}
          onPrint={(m) => output('print', m, true)}
          onCsv={(m) => output('csv', m, true)}
          onRollCall={() => void startRollCall(target ? target.no : 'all', 'last-known')}
        />
      )}
      {printing && <PrintMuster muster={printing.muster} scopeName={printing.scopeName} printedAt={printing.at} kept={printing.kept} />}
    </section>
  );
}

/**
 * A PIN, asked for in place when full phone numbers were refused: the admin PIN (its session), or
 * a member of staff's (main lets the security and admin roles see them).
 */
function MusterPin({ onUnlocked, onCancel }: { onUnlocked: () => void; onCancel: () => void }) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.scrollIntoView({ block: 'nearest' }), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setWrong(false);
    setError(null);
    const result = await call('verifyAdminPin', { pin });
    if (!result.ok) return setError(result.error);
    if (result.value) return onUnlocked();
    const staff = await call('signInStaff', { pin });
    if (staff.ok) {
      // The header shows who now acts.
      useActingStore.setState({ acting: staff.value });
      return onUnlocked();
    }
    if (staff.error.code === 'wrong-pin' && !/try again/i.test(staff.error.message)) {
      setWrong(true);
      setPin('');
    } else setError(staff.error);
  };
  return (
    <form ref={form} className="muster-pin" onSubmit={(e) => void submit(e)} noValidate data-testid="muster-pin">
      <p role="alert">{t('security.phonesNeedPin')}</p>
      <ErrorAlert error={error} />
      <PinField id="muster-pin" label={t('settings.pin')} value={pin} onChange={setPin} error={wrong ? t('error.wrong-pin') : undefined} autoFocus />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!pin}>
          {t('settings.unlock')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('security.phonesUseMasked')}
        </button>
      </div>
    </form>
  );
}
