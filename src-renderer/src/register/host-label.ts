import type { Host } from '../../../src-preload/contract';
import type { Translate } from '../i18n/translate';

/** Name · department · phone tail; a self-service kiosk is given no phone tail, so none is shown. */
export function hostLabel(t: Translate, host: Host, kind: 'option' | 'selected' = 'option'): string {
  const params = { name: host.name, dept: host.deptname, tail: host.phoneTail };
  if (host.phoneTail) return t(kind === 'option' ? 'host.option' : 'host.selected', params);
  return t(kind === 'option' ? 'host.optionNoTail' : 'host.selectedNoTail', params);
}
