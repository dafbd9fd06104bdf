import type {
  ConformanceAdapter,
  ConformanceInvitation,
  ConformanceMember,
  ConformanceOrganization,
  ConformanceSession,
  ConformanceUser,
} from './conformance-entities';
import type { CreateInvitationData, CreateSessionData, CreateUserData } from '../inputs';
import { minutesFromNow, unique, uniqueEmail } from './harness';

// Small builders for the rows most tests need as background, each with fresh unique values.

/** A user with a fresh email. @example const ada = await seedUser(db, { name: 'Ada' }); */
export function seedUser(db: ConformanceAdapter, data: CreateUserData<ConformanceUser> = {}): Promise<ConformanceUser> {
  return db.createUser({ email: uniqueEmail(), name: 'Test User', ...data });
}

/** A live session of `userId` with a fresh token. @example const session = await seedSession(db, ada.id); */
export function seedSession(
  db: ConformanceAdapter,
  userId: string,
  data: Partial<CreateSessionData<ConformanceSession>> = {},
): Promise<ConformanceSession> {
  return db.createSession({ token: unique('token'), userId, expiresAt: minutesFromNow(60), ...data });
}

/** An organization with a fresh slug. @example const acme = await seedOrganization(db); */
export function seedOrganization(db: ConformanceAdapter, slug = unique('org')): Promise<ConformanceOrganization> {
  return db.createOrganization({ name: `Org ${slug}`, slug });
}

/** A membership. @example await seedMember(db, acme.id, ada.id, 'owner'); */
export function seedMember(db: ConformanceAdapter, organizationId: string, userId: string, role?: string): Promise<ConformanceMember> {
  return db.createMember({ organizationId, userId, ...(role ? { role } : {}) });
}

/** A pending invitation to a fresh email. @example await seedInvitation(db, acme.id, ada.id); */
export function seedInvitation(
  db: ConformanceAdapter,
  organizationId: string,
  inviterId: string,
  data: Partial<CreateInvitationData<ConformanceInvitation>> = {},
): Promise<ConformanceInvitation> {
  return db.createInvitation({ organizationId, inviterId, email: uniqueEmail('invitee'), expiresAt: minutesFromNow(60 * 24), ...data });
}
