/** "Test site database connection", in words: each outcome main reports as a code, translated. Pure. */
import type { SiteDatabaseFailure, SiteDatabaseTest } from '../../../src-preload/contract';
import type { MessageRef } from '../i18n/translate';

const FAILURE: Record<SiteDatabaseFailure, MessageRef> = {
  'not-configured': { key: 'settings.site.failure.not-configured' },
  unreachable: { key: 'settings.site.failure.unreachable' },
  refused: { key: 'settings.site.failure.refused' },
  'schema-too-new': { key: 'settings.site.failure.schema-too-new' },
};

export function siteTestMessage(test: SiteDatabaseTest): MessageRef {
  if (!test.ok) {
    const failure = FAILURE[test.failure ?? 'refused'];
    return test.failure === 'schema-too-new' ? { ...failure, params: { version: test.schemaVersion ?? '?' } } : failure;
  }
  // Version 0: an empty database; the first station in site mode creates the tables at its start.
  return test.schemaVersion ? { key: 'settings.site.testOk', params: { version: test.schemaVersion } } : { key: 'settings.site.testOkEmpty' };
}
