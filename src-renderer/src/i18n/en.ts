import { appEn } from './app-strings';
import { statusEn } from './status-strings';
import { commonEn } from './common-strings';
import { registerEn } from './register-strings';
import { photoEn } from './photo-strings';
import { visitsEn } from './visits-strings';
import { devicesEn } from './devices-strings';
import { settingsEn } from './settings-strings';
import { notifyEn } from './notify-strings';
import { slipEn } from './slip-strings';
import { adminEn } from './admin-strings';
import { reliabilityEn } from './reliability-strings';
import { selfServiceEn } from './self-service-strings';
import { securityEn } from './security-strings';
import { expectedEn } from './expected-strings';
import { trustEn } from './trust-strings';
import { retakeEn } from './retake-strings';
import { faceEn } from './face-strings';
import { siteEn } from './site-strings';
import { rollCallEn } from './roll-call-strings';
import { frontdeskEn } from './frontdesk-strings';
import { receptionEn } from './reception-strings';
import { kioskEn } from './kiosk-strings';
import type { Messages } from './zh-CN';

/** English: must have exactly the keys of zh-CN (checked by `satisfies`). */
export const en = {
  // One line per feature, in the order of zh-CN.ts.
  ...appEn,
  ...statusEn,
  ...commonEn,
  ...registerEn,
  ...photoEn,
  ...visitsEn,
  ...devicesEn,
  ...settingsEn,
  ...selfServiceEn,
  ...securityEn,
  ...reliabilityEn,
  ...trustEn,
  ...expectedEn,
  ...faceEn,
  ...siteEn,
  ...rollCallEn,
  ...frontdeskEn,
  ...notifyEn,
  ...slipEn,
  ...adminEn,
  ...receptionEn,
  ...kioskEn,
  ...retakeEn,
} satisfies Messages;
