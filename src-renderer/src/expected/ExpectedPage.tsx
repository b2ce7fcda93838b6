import { useEffect } from 'react';
import { useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { CheckInPanel } from './CheckInPanel';
import { ExpectedForm } from './ExpectedForm';
import { ExpectedList } from './ExpectedList';
import { ImportPanel } from './ImportPanel';
import { isToday, useExpectedStore } from './store';
import './expected.css';

/** Expected visitors: today's list with one-tap check-in, a form for one more, and a list import. */
export function ExpectedPage() {
  const t = useT();
  const visits = useExpectedStore((s) => s.visits);
  const load = useExpectedStore((s) => s.load);
  const error = useExpectedStore((s) => s.error);
  const checkingIn = useExpectedStore((s) => s.checkingIn);
  const checkedIn = useExpectedStore((s) => s.checkedIn);
  useEffect(() => {
    void load();
  }, [load]);
  const open = visits.find((v) => v.id === checkingIn && v.state === 'expected');
  const today = visits.filter((v) => isToday(v));
  const later = visits.filter((v) => v.state === 'expected' && !isToday(v));

  return (
    <div className="expected-page">
      <h1>{t('expected.title')}</h1>
      <ErrorAlert error={error} />
      {checkedIn && !open && (
        <p className="alert alert-success" role="status" data-testid="check-in-done">
          {t('expected.checkedIn', { name: checkedIn.name, state: t(`state.${checkedIn.visit.state}`) })}
        </p>
      )}
      {open && <CheckInPanel key={open.id} visit={open} />}
      <section className="card" aria-labelledby="expected-today">
        <h2 id="expected-today">{t('expected.today', { n: today.filter((v) => v.state === 'expected').length })}</h2>
        <ExpectedList visits={today} labelledBy="expected-today" checkIn />
      </section>
      {later.length > 0 && (
        <section className="card" aria-labelledby="expected-later">
          <h2 id="expected-later">{t('expected.later', { n: later.length })}</h2>
          <ExpectedList visits={later} labelledBy="expected-later" checkIn={false} />
        </section>
      )}
      <details className="card">
        <summary>{t('expected.add')}</summary>
        <ExpectedForm />
      </details>
      <details className="card">
        <summary>{t('expected.import.title')}</summary>
        <ImportPanel />
      </details>
    </div>
  );
}
