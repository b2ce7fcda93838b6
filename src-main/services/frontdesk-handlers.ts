import type { ApiHandlers } from './api-types';
import { AppError } from './app-error';
import { importTemplate } from './expected/import-template';
import { toPublicExpected, type ExpectedVisitService } from './expected/expected-service';
import type { MatchKeys } from './personal-data/match-key';
import type { AdminSession } from './settings/admin-session';
import { queryVisitLog } from './visit-log/visit-log';
import { exportVisitLog } from './visit-log/visit-log-export';
import type { VisitLedger } from './visits/ledger';

export interface FrontDeskHandlerDeps {
  expected: ExpectedVisitService;
  ledger: VisitLedger;
  matchKeys: MatchKeys;
  adminSession: AdminSession;
}

type FrontDeskCall =
  | 'createExpectedVisit'
  | 'listExpectedVisits'
  | 'importExpectedVisits'
  | 'getExpectedImportTemplate'
  | 'checkInExpectedVisit'
  | 'cancelExpectedVisit'
  | 'queryVisitLog'
  | 'exportVisitLog'
  | 'getVisitPhoto';

/** Expected visits and the visit log: reception only (the self-service guard allows none of them). */
export function frontDeskHandlers(deps: FrontDeskHandlerDeps): Pick<ApiHandlers, FrontDeskCall> {
  const { expected, ledger, matchKeys, adminSession } = deps;
  return {
    createExpectedVisit: (input) => expected.create(input),
    listExpectedVisits: () => expected.list(),
    importExpectedVisits: ({ format, base64 }) => expected.importFile(format, base64),
    getExpectedImportTemplate: ({ format, language }) => importTemplate(format, language),
    checkInExpectedVisit: (input) => expected.checkIn(input),
    cancelExpectedVisit: async ({ expectedId }) => toPublicExpected({ ...(await expected.cancel(expectedId)) }),

    queryVisitLog: async (query) => queryVisitLog(ledger.all(), query, matchKeys),
    async exportVisitLog(options) {
      // Full numbers only within the admin PIN session, as on the muster.
      if (options.phones === 'full' && !adminSession.isOpen) throw new AppError('pin-required', 'pin-required');
      return exportVisitLog(ledger.all(), { ...options, full: options.phones === 'full' });
    },
    getVisitPhoto: async ({ visitId }) => ledger.require(visitId).private.photo ?? '',
  };
}
