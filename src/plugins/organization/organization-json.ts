import type { AuthContext } from '../../core/auth-context';
import { serialiseDates } from '../../core/json-date';

/**
 * How organizations, members and invitations leave the server: standard field names plus the app's custom
 * fields (an `AppOrganization`'s `billingEmail`), dates as JSON text.
 */
export const organizationJson = (auth: AuthContext, organization: object) => serialiseDates(auth.models.organization.toValues(organization));
export const memberJson = (auth: AuthContext, member: object) => serialiseDates(auth.models.member.toValues(member));
export const invitationJson = (auth: AuthContext, invitation: object) => serialiseDates(auth.models.invitation.toValues(invitation));

/** The part of a user a member list shows (better-auth's shape): never more than these four fields. */
export function memberUserJson(auth: AuthContext, user: object) {
  const { user: model } = auth.models;
  return { id: model.read(user, 'id'), name: model.read(user, 'name'), email: model.read(user, 'email'), image: model.read(user, 'image') };
}

/** A member with `user: { id, name, email, image }`. */
export function memberWithUserJson(auth: AuthContext, member: object, user: object) {
  return { ...memberJson(auth, member), user: memberUserJson(auth, user) };
}
