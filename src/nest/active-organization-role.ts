import type { MemberRoleLookup } from './options';

/**
 * The `@OrgRoles` lookup used when `AuthModule` is given none: the caller's member role in the session's active
 * organization, read from the member table of the organization plugin. Without that plugin there are no
 * memberships to ask about, so a route using `@OrgRoles` fails loudly (500) rather than refusing everyone.
 */
export const activeOrganizationRole: MemberRoleLookup = async ({ auth, user, session }) => {
  const context = auth.context;
  if (!context.pluginById('organization')) {
    throw new Error("@OrgRoles needs the OrganizationPlugin, or AuthModule's `memberRole` option to look roles up elsewhere.");
  }
  const organizationId = context.models.session.readUnchecked(session, 'activeOrganizationId');
  if (typeof organizationId !== 'string' || organizationId === '') return null;
  const member = await context.db.getMember(organizationId, String(context.models.user.read(user, 'id')));
  return member ? (context.models.member.readUnchecked(member, 'role') as string | null) : null;
};
