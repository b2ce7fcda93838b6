import { appZhCN } from './app-strings';
import { statusZhCN } from './status-strings';
import { commonZhCN } from './common-strings';
import { registerZhCN } from './register-strings';
import { photoZhCN } from './photo-strings';
import { visitsZhCN } from './visits-strings';
import { devicesZhCN } from './devices-strings';
import { settingsZhCN } from './settings-strings';
import { notifyZhCN } from './notify-strings';
import { slipZhCN } from './slip-strings';
import { adminZhCN } from './admin-strings';
import { reliabilityZhCN } from './reliability-strings';
import { selfServiceZhCN } from './self-service-strings';
import { securityZhCN } from './security-strings';
import { expectedZhCN } from './expected-strings';
import { trustZhCN } from './trust-strings';
import { retakeZhCN } from './retake-strings';
import { faceZhCN } from './face-strings';
import { siteZhCN } from './site-strings';
import { rollCallZhCN } from './roll-call-strings';
import { frontdeskZhCN } from './frontdesk-strings';
import { receptionZhCN } from './reception-strings';
import { kioskZhCN } from './kiosk-strings';

/**
 * Simplified Chinese: the default language and the source of the message keys (en.ts must have
 * exactly the same keys). Placeholders are written {name}.
 */
export const zhCN = {
  // One line per feature: its <feature>-strings.ts holds both languages.
  ...appZhCN,
  ...statusZhCN,
  ...commonZhCN,
  ...registerZhCN,
  ...photoZhCN,
  ...visitsZhCN,
  ...devicesZhCN,
  ...settingsZhCN,
  ...selfServiceZhCN,
  ...securityZhCN,
  ...reliabilityZhCN,
  ...trustZhCN,
  ...expectedZhCN,
  ...faceZhCN,
  ...siteZhCN,
  ...rollCallZhCN,
  ...frontdeskZhCN,
  ...notifyZhCN,
  ...slipZhCN,
  ...adminZhCN,
  ...receptionZhCN,
  ...kioskZhCN,
  ...retakeZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
