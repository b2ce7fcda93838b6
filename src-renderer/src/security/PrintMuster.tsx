import { createPortal } from 'react-dom';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import type { MusterGroup } from './csv';

interface Props {
  groups: MusterGroup[];
  scopeName: string;
  printedAt: Date;
  deviceName: (no: string) => string;
}

/**
 * The muster as printed: outside the app's root (a portal into <body>), hidden on screen; the
 * print stylesheet shows only this while it exists. Grouped by region, every person on paper.
 */
export function PrintMuster({ groups, scopeName, printedAt, deviceName }: Props) {
  const t = useT();
  const language = useLanguage();
  const count = groups.reduce((n, g) => n + g.people.length, 0);
  const yes = t('security.csv.yes');
  return createPortal(
    <div className="print-muster" data-testid="print-muster">
      <h1>{t('security.printTitle', { scope: scopeName })}</h1>
      <p>{t('security.printedAt', { time: formatDateTime(printedAt, language), count })}</p>
      {groups.map(({ region, people }) => (
        <section key={region.no} className="print-region">
          <h2>{t('security.printRegion', { name: region.name, count: people.length })}</h2>
          {people.length === 0 ? (
            <p>{t('security.noneInside')}</p>
          ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('security.col.name')}</th>
                <th scope="col">{t('security.col.dept')}</th>
                <th scope="col">{t('security.col.phoneTail')}</th>
                <th scope="col">{t('security.col.enteredAt')}</th>
                <th scope="col">{t('security.col.device')}</th>
                <th scope="col">{t('security.col.visitor')}</th>
                <th scope="col">{t('security.col.overstay')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p, i) => (
                <tr key={p.no} className={p.overstay ? 'print-overstay' : undefined}>
                  <td>{i + 1}</td>
                  <td>{p.name}</td>
                  <td>{p.deptname}</td>
                  <td>{p.phoneTail}</td>
                  <td>{p.entertime}</td>
                  <td>{p.deviceno ? deviceName(p.deviceno) : ''}</td>
                  <td>{p.visitId ? yes : ''}</td>
                  <td>{p.overstay ? `⚠ ${t('security.overstay')}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          )}
        </section>
      ))}
    </div>,
    document.body,
  );
}
