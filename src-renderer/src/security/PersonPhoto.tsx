import { useEffect } from 'react';
import { useSecurityStore } from './store';
import { initials } from './presence';

/**
 * A person's K30 photo, fetched through main only while the row is on screen (rows exist only
 * then: the list is virtual). Initials stand in until it arrives, or when there is none.
 * Decorative: the name is written beside it.
 */
export function PersonPhoto({ url, name }: { url: string; name: string }) {
  const photo = useSecurityStore((s) => (url ? s.photos[url] : undefined));
  const wantPhoto = useSecurityStore((s) => s.wantPhoto);
  const releasePhoto = useSecurityStore((s) => s.releasePhoto);
  useEffect(() => {
    if (!url) return;
    wantPhoto(url);
    return () => releasePhoto(url);
  }, [url, wantPhoto, releasePhoto]);
  if (photo) return <img className="avatar" src={photo} alt="" width={44} height={44} decoding="async" />;
  return (
    <span className="avatar avatar-initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
