import { createPortal } from 'react-dom';
import type { Muster, MusterPerson } from '../../../src-preload/contract';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { doorText } from './csv';

interface Props {
  muster: Muster;
  scopeName: string;
  printedAt: Date;
  /** The list kept on this computer (K30 unreachable): the print says so, with the list's time. */
  kept?: boolean;
}

/** People by the region they were placed in (the muster is already in region order). */
function byRegion(people: readonly MusterPerson[]): { regionNo: string; path: string[]; people: MusterPerson[] }[] {
  const groups: { regionNo: string; path: string[]; people: MusterPerson[] }[] = [];
  for (const p of people) {
    const last = groups[groups.length - 1];
    if (last && last.regionNo === p.regionNo) last.people.push(p);
    else groups.push({ regionNo: p.regionNo, path: p.regionPath, people: [p] });
  }
  return groups;
}

/**
 * The muster as printed: outside the app's root (a portal into <body>), hidden on screen; the
 * print stylesheet shows only this while it exists. Each person once, under the region they
 * entered last, with the region's path; the top lines give every top region's headcount.
 */
export function PrintMuster({ muster, scopeName, printedAt, kept }: Props) {
  const t = useT();
  const language = useLanguage();
  const scopeNos = new Set(muster.regions.map((r) => r.no));
  const tops = muster.regions.filter((r) => !scopeNos.has(r.parentno) || r.parentno === r.no);
  return createPortal(
    // The page's one main landmark while printing (the app, with its own <main>, is hidden then).
    <main className="print-muster" data-testid="print-muster">
      <h1>{t('security.printTitle', { scope: scopeName })}</h1>
      <p>{t('security.printedAt', { time: formatDateTime(printedAt, language), count: muster.people.length })}</p>
      {kept && <p data-testid="print-kept">{t('lastKnown.printedFrom', { time: formatDateTime(muster.fetchedAt, language) })}</p>}
      <ul className="print-totals" data-testid="print-totals">
        {tops.map((r) => (
          <li key={r.no}>
            {r.below > 0
              ? t('security.printTotalSplit', { name: r.name, count: r.inside, here: r.here, below: r.below })
              : t('security.printRegion', { name: r.name, count: r.inside })}
          </li>
        ))}
      </ul>
      {muster.people.length === 0 && <p>{t('security.noneInside')}</p>}
      {byRegion(muster.people).map(({ regionNo, path, people }) => (
        <section key={regionNo} className="print-region">
          <h2>{t('security.printRegion', { name: path.join(' / '), count: people.length })}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('security.col.name')}</th>
                <th scope="col">{t('security.col.dept')}</th>
                <th scope="col">{t('security.col.host')}</th>
                <th scope="col">{t('security.col.phone')}</th>
                <th scope="col">{t('security.col.enteredAt')}</th>
                <th scope="col">{t('security.col.device')}</th>
                <th scope="col">{t('security.col.overstay')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p, i) => (
                <tr key={`${p.visitor ? 'v' : 'p'}:${p.no}`} className={p.overstay ? 'print-overstay' : undefined}>
                  <td>{i + 1}</td>
                  <td>{p.name}</td>
                  <td>{p.visitor ? `${t('security.col.visitor')}${p.deptname ? ` · ${p.deptname}` : ''}` : p.deptname}</td>
                  <td>{p.hostName}</td>
                  <td>{p.phone}</td>
                  <td>{p.entertime}</td>
                  <td>{doorText(p)}</td>
                  <td>{p.overstay ? `⚠ ${t('security.overstay')}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </main>,
    document.body,
  );
}
