import { useEffect } from 'react';
import type { Visit } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useVisitLogStore } from './store';

/** The visit's photo while this PC still holds it; nothing once it has been purged. */
export function LogThumbnail({ visit }: { visit: Visit }) {
  const t = useT();
  const photo = useVisitLogStore((s) => s.photos[visit.id]);
  const loadPhoto = useVisitLogStore((s) => s.loadPhoto);
  useEffect(() => {
    if (visit.photoKept) void loadPhoto(visit.id);
  }, [visit.id, visit.photoKept, loadPhoto]);
  if (!visit.photoKept || !photo) return <span className="log-thumb log-thumb-none" role="img" aria-label={t('log.noPhoto')} />;
  return <img className="log-thumb" src={`data:image/jpeg;base64,${photo}`} alt={t('log.photoOf', { name: visit.visitor.name })} width={36} height={48} />;
}
