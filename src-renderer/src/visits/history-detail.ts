/**
 * What a history entry's detail says, in the app's language. Main records details as short
 * English notes with device numbers ("reception; consent to data and photo", "D1001, D1005",
 * "D1007: 下发成功", "by staff"); the screen shows them translated, doors by name. Pure (unit-tested).
 */
import { VisitStateSchema } from '../../../src-preload/contract';
import type { Translate } from '../i18n/translate';

const DEVICE_LIST = /^[A-Za-z0-9_-]+(, [A-Za-z0-9_-]+)*$/;

/** The detail as the screen shows it ('' when it adds nothing the event does not already say). */
export function historyDetail(event: string, detail: string | undefined, t: Translate, doorName: (no: string) => string): string {
  if (!detail) return '';
  const doors = (list: string) => list.split(', ').map(doorName).join(t('history.listSeparator'));
  switch (event) {
    case 'intent': {
      if (detail === 'staff decided to send it again') return t('history.detail.sendAgain');
      if (detail.startsWith('staff registered it again')) return t('history.detail.registeredAgain');
      const [channel, consent] = detail.split('; ');
      const where = channel === 'kiosk' ? t('history.detail.kiosk') : channel === 'reception' ? t('history.detail.reception') : '';
      if (!where) break;
      return consent ? `${where}${t('history.listSeparator')}${t('history.detail.consent')}` : where;
    }
    case 'pushed':
      if (DEVICE_LIST.test(detail)) return doors(detail);
      break;
    case 'device-confirmed':
    case 'device-failed': {
      const m = /^([A-Za-z0-9_-]+)(?:: (.*))?$/s.exec(detail);
      if (m) return event === 'device-failed' && m[2] ? t('history.detail.doorSaid', { door: doorName(m[1]), message: m[2] }) : doorName(m[1]);
      break;
    }
    case 'push-failed': {
      const m = /^([A-Za-z0-9_-]+(?:, [A-Za-z0-9_-]+)*): (.*)$/s.exec(detail);
      if (m) return t('history.detail.doorSaid', { door: doors(m[1]), message: m[2] });
      break;
    }
    case 'passed': {
      const m = /^(.*) \((in|out)\)$/.exec(detail);
      if (m) return `${m[1]} · ${m[2] === 'in' ? t('devices.in') : t('devices.out')}`;
      break;
    }
    case 'created': {
      const m = /^K30 visitor (\S+)$/.exec(detail);
      if (m) return t('history.detail.k30No', { no: m[1] });
      break;
    }
    case 'removed': {
      const m = /^K30 visitor (\S+) (deleted|already gone: (.*))$/s.exec(detail);
      if (m) return m[2] === 'deleted' ? t('history.detail.deleted', { no: m[1] }) : t('history.detail.alreadyGone', { no: m[1], message: m[3] });
      break;
    }
    case 'removal-pending':
    case 'cancelled':
      if (detail === 'by staff') return t('history.detail.byStaff');
      if (detail === 'visit ended') return t('history.detail.visitEnded');
      break;
    case 'abandoned':
      if (detail.startsWith('by staff')) return t('history.detail.abandoned');
      break;
    case 'removal-rescheduled':
      if (detail.endsWith('the clock moved back')) return t('history.detail.clockBack');
      break;
    case 'photo-retake': {
      // "new visit <id>: <its state>" or "new visit <id>: <why it failed>" (services/visits/photo-retake.ts).
      const m = /^new visit \S+?: (.*)$/s.exec(detail);
      if (!m) break;
      const state = VisitStateSchema.safeParse(m[1]);
      return state.success ? t('history.detail.retakeNew', { state: t(`state.${state.data}`) }) : t('history.detail.retakeFailed', { message: m[1] });
    }
    case 'create-unknown':
      if (detail === 'found after restart') return t('history.detail.afterRestart');
      break;
  }
  // Anything else is the server's own words (an error message): shown as such, marked so.
  return t('history.detail.serverSaid', { message: detail });
}
