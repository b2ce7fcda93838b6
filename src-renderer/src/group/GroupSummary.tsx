import { describeError, useT } from '../i18n';
import type { Member } from './store';

/** Who was registered and pushed to which doors, and who was not (with why). */
export function GroupSummary({ members, doorName }: { members: Member[]; doorName: (no: string) => string }) {
  const t = useT();
  const tried = members.filter((m) => m.visit || m.error);
  if (tried.length === 0) return null;
  const pushed = tried.filter((m) => m.visit?.state === 'pushed').length;
  return (
    <section className="card" aria-labelledby="group-summary" data-testid="group-summary">
      <h2 id="group-summary">{t('group.summary', { pushed, total: members.length })}</h2>
      <table className="group-summary">
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('log.state')}</th>
            <th scope="col">{t('group.pushedTo')}</th>
            <th scope="col">{t('group.notPushed')}</th>
          </tr>
        </thead>
        <tbody>
          {tried.map((m) => (
            <tr key={m.key} data-testid="group-result">
              <td>{m.name}</td>
              <td>{m.visit ? t(`state.${m.visit.state}`) : describeError(t, m.error!).message}</td>
              <td>
                {(m.visit?.devices ?? [])
                  .filter((d) => d.state === 'pushed' || d.state === 'confirmed')
                  .map((d) => doorName(d.no))
                  .join('、')}
              </td>
              <td>
                {(m.visit?.devices ?? [])
                  .filter((d) => d.state === 'failed' || d.state === 'waiting')
                  .map((d) => doorName(d.no))
                  .join('、')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
