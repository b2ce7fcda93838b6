import type { ApiHandlers } from './api-types';
import { AppError } from './app-error';
import { auditCsv } from './audit/audit-csv';
import type { AuditLog } from './audit/audit-log';
import { denyListCsv, parseDenyCsv } from './deny-list/deny-csv';
import type { DenyList } from './deny-list/deny-list';
import { actorLabel, type IdentityService } from './identity/identity-service';
import type { AdminSession } from './settings/admin-session';

export interface AdminHandlerDeps {
  identity: IdentityService;
  audit: AuditLog;
  denyList: DenyList;
  /** The admin PIN session of Settings: staff, the deny list and the audit log are behind it. */
  adminSession: AdminSession;
}

export type AdminHandlers = Pick<
  ApiHandlers,
  | 'getActing'
  | 'signInStaff'
  | 'signOutStaff'
  | 'listStaff'
  | 'addStaff'
  | 'removeStaff'
  | 'listAudit'
  | 'exportAudit'
  | 'listDenyList'
  | 'addDenyEntry'
  | 'removeDenyEntry'
  | 'importDenyList'
  | 'exportDenyList'
  | 'recordExport'
>;

/**
 * Who is acting, staff, the audit log and the deny list. Everything but signing in and out wants
 * the admin session (and, with staff sign-in on, an administrator acting); every change and
 * export is recorded in the audit log before the answer.
 */
export function adminHandlers(deps: AdminHandlerDeps): AdminHandlers {
  const { identity, audit, denyList, adminSession } = deps;
  /** The administrator acting now (the admin session, and the admin role when staff sign in). */
  const admin = () => {
    adminSession.require();
    return identity.requireActor(['admin']);
  };

  return {
    getActing: async () => identity.acting(),
    async signInStaff({ pin }) {
      try {
        const acting = identity.signIn(pin);
        audit.note({ actor: identity.actor(false), action: 'staff-signed-in', outcome: 'ok' });
        return acting;
      } catch (error) {
        audit.note({ actor: identity.actor(false), action: 'staff-signed-in', outcome: 'refused', detail: (error as AppError).code });
        throw error;
      }
    },
    signOutStaff: async () => identity.signOut(),

    async listStaff() {
      admin();
      return identity.listStaff();
    },
    async addStaff(input) {
      const actor = admin();
      const staff = identity.addStaff(input);
      await audit.record({ actor, action: 'staff-changed', outcome: 'ok', detail: `added ${input.role}` });
      return staff;
    },
    async removeStaff({ id }) {
      const actor = admin();
      const staff = identity.removeStaff(id);
      await audit.record({ actor, action: 'staff-changed', outcome: 'ok', detail: `removed ${id}` });
      return staff;
    },

    async listAudit(query) {
      admin();
      return audit.list(query);
    },
    async exportAudit(query) {
      const actor = admin();
      const { entries } = await audit.list(query, Number.MAX_SAFE_INTEGER);
      await audit.record({
        actor,
        action: 'data-exported',
        outcome: 'ok',
        detail: `audit log ${query.from ?? '…'}–${query.to ?? '…'}: ${entries.length} entries`,
      });
      return auditCsv(entries);
    },

    async listDenyList() {
      admin();
      return denyList.list();
    },
    async addDenyEntry(input) {
      const actor = admin();
      const [made] = await denyList.add([input], actorLabel(actor));
      await audit.record({ actor, action: 'deny-list-changed', outcome: 'ok', detail: `added ${made.id}` });
      return denyList.list();
    },
    async removeDenyEntry({ id }) {
      const actor = admin();
      await denyList.remove(id);
      await audit.record({ actor, action: 'deny-list-changed', outcome: 'ok', detail: `removed ${id}` });
      return denyList.list();
    },
    async importDenyList({ csv }) {
      const actor = admin();
      const { entries, rejected } = parseDenyCsv(csv);
      if (entries.length === 0 && rejected.length === 0) throw new AppError('invalid-input', 'the file holds no rows', 'csv');
      const made = entries.length > 0 ? await denyList.add(entries, actorLabel(actor)) : [];
      await audit.record({ actor, action: 'deny-list-changed', outcome: 'ok', detail: `imported ${made.length}, rejected ${rejected.length}` });
      return { added: made.length, rejected };
    },
    async recordExport({ kind, count }) {
      // Never in the way of an evacuation list: recorded as it goes, a refused write only logged.
      audit.note({ actor: identity.actor(), action: 'data-exported', outcome: 'ok', detail: `${kind}: ${count} rows` });
      return true as const;
    },
    async exportDenyList() {
      const actor = admin();
      const csv = denyListCsv(denyList.stored());
      await audit.record({ actor, action: 'data-exported', outcome: 'ok', detail: `deny list: ${denyList.stored().length} entries` });
      return csv;
    },
  };
}
