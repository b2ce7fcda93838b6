import type { ApiHandlers } from '../api-types';
import type { AdminSession } from '../settings/admin-session';
import type { VisitorProfiles } from './visitor-profiles';

export type ProfileHandlers = Pick<ApiHandlers, 'findReturningVisitor' | 'useReturningVisitor' | 'findMyProfile' | 'searchVisitorProfiles' | 'forgetVisitor'>;

/**
 * The returning-visitor calls. Reception looks up by phone or document; the kiosk only by the
 * visitor's own full phone and document tail (the self-service guard lets no other through);
 * listing and forgetting profiles is the administrator's (admin PIN session).
 */
export function profileHandlers(profiles: VisitorProfiles, admin: AdminSession): ProfileHandlers {
  return {
    findReturningVisitor: async (query) => profiles.offer(query),
    useReturningVisitor: ({ profileId }) => profiles.prefill(profileId),
    findMyProfile: async ({ phone, documentTail }) => profiles.kioskOffer(phone, documentTail),
    async searchVisitorProfiles({ query }) {
      admin.require();
      return profiles.search(query);
    },
    async forgetVisitor({ profileId }) {
      admin.require();
      await profiles.forget(profileId);
      return true as const;
    },
  };
}
