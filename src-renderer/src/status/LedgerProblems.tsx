import { useT } from '../i18n';
import { useStatusStore } from './store';

/** A plain, persistent warning while the local visit records had to be set aside (never hidden). */
export function LedgerProblems() {
  const t = useT();
  const problems = useStatusStore((s) => s.ledgerProblems);
  if (problems.length === 0) return null;
  return (
    <div className="alert alert-warning ledger-problems" role="alert" data-testid="ledger-problems">
      {problems.map((problem) => (
        <p key={`${problem.setAside}-${problem.at}`} className="alert-message">
          {problem.kind === 'corrupt-kept' ? t('status.ledger.corrupt-kept') : t(`status.ledger.${problem.kind}`, { path: problem.setAside })}
        </p>
      ))}
    </div>
  );
}
