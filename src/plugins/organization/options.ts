import { ConfigError } from '../../errors/config-error';
import type { AccessControl, Role, Statements } from '../../core/access-control';
import { defaultOrganizationRoles } from './access';
import { resolveDynamicAccessControl, type DynamicAccessControlOptions, type ResolvedDynamicAccessControl } from './dynamic-roles/dynamic-access-control';
import type { OrganizationHooks } from './hooks';
import { resolveTeamOptions, type ResolvedTeamOptions, type TeamOptions } from './teams/team-options';

const DAY_SECONDS = 24 * 60 * 60;

/** What `sendInvitationEmail` is given: the invitation, its organization, who invited, and the accept link. */
export interface InvitationEmailData<U = object, O = object, M = object, I = object> {
  id: string;
  email: string;
  role: string;
  organization: O;
  inviter: { member: M; user: U };
  invitation: I;
  /** `invitationUrl(id)`: where the invitee accepts. */
  url: string;
}

export interface OrganizationOptions<U = object, O = object, M = object, I = object> {
  /** Who may create organizations (default: everyone signed in). */
  allowUserToCreateOrganization?: boolean | ((user: U) => boolean | Promise<boolean>);
  /** How many organizations a user may belong to before creating another is refused, or a function telling whether the limit is reached. */
  organizationLimit?: number | ((user: U) => boolean | Promise<boolean>);
  /** The role the creator gets (default `owner`); it can never be left without a holder. */
  creatorRole?: string;
  /** Most members an organization may have (default 100). */
  membershipLimit?: number | ((user: U, organization: O) => number | Promise<number>);
  /** Seconds an invitation stays valid (default 48 hours). */
  invitationExpiresIn?: number;
  /** Most pending invitations an organization may have (default 100). */
  invitationLimit?: number | ((input: { user: U; organization: O; member: M }) => number | Promise<number>);
  /** Inviting an address with a pending invitation cancels the old one instead of being refused (default false). */
  cancelPendingInvitationsOnReInvite?: boolean;
  /**
   * Accepting, rejecting or reading an invitation also demands that the invited address be verified (default:
   * on when the app requires verified emails to sign in). Listing one's own invitations always demands it.
   */
  requireEmailVerificationOnInvitation?: boolean;
  /**
   * Sends the invitation email yourself. Without it, the invitation goes through the configured `emailSender`
   * (kind `organization:invitation`, the accept link in `url`); without either, no email is sent.
   */
  sendInvitationEmail?: (data: InvitationEmailData<U, O, M, I>) => Promise<void>;
  /** The page where the invitee accepts (default `<baseURL origin>/accept-invitation/<id>`). */
  invitationUrl?: (invitationId: string) => string;
  /** Roles by name (default owner, admin, member); build custom ones with `organizationAccessControl.newRole`. */
  roles?: Readonly<Record<string, Role>>;
  /** Refuse `/organization/delete` (default false). */
  disableOrganizationDeletion?: boolean;
  organizationHooks?: OrganizationHooks<U, O, M, I>;
  /** Roles each organization defines at run time (`/organization/create-role`, …); off by default. */
  dynamicAccessControl?: DynamicAccessControlOptions;
  /** What dynamic roles may grant (default: the plugin's statements, `ac`, and whatever the configured roles grant). */
  ac?: AccessControl<Statements>;
  /** Teams inside organizations (default off): `{ enabled: true, maximumTeams?, maximumMembersPerTeam?, allowRemovingAllTeams? }`. */
  teams?: TeamOptions;
}

export type ResolvedOrganizationOptions = Required<
  Pick<OrganizationOptions, 'allowUserToCreateOrganization' | 'creatorRole' | 'membershipLimit' | 'invitationExpiresIn' | 'invitationLimit' | 'cancelPendingInvitationsOnReInvite' | 'roles' | 'disableOrganizationDeletion' | 'organizationHooks'>
> &
  Pick<OrganizationOptions, 'organizationLimit' | 'requireEmailVerificationOnInvitation' | 'sendInvitationEmail' | 'invitationUrl'> & {
    readonly dynamicAccessControl: ResolvedDynamicAccessControl;
    teams: ResolvedTeamOptions;
  };

/** The defaults above; a creator role the roles lack, or a non-positive limit, is a configuration error. */
export function resolveOrganizationOptions(options: OrganizationOptions<never, never, never, never>): ResolvedOrganizationOptions {
  const resolved = {
    allowUserToCreateOrganization: options.allowUserToCreateOrganization ?? true,
    organizationLimit: options.organizationLimit,
    creatorRole: options.creatorRole ?? 'owner',
    membershipLimit: options.membershipLimit ?? 100,
    invitationExpiresIn: options.invitationExpiresIn ?? 2 * DAY_SECONDS,
    invitationLimit: options.invitationLimit ?? 100,
    cancelPendingInvitationsOnReInvite: options.cancelPendingInvitationsOnReInvite ?? false,
    requireEmailVerificationOnInvitation: options.requireEmailVerificationOnInvitation,
    sendInvitationEmail: options.sendInvitationEmail,
    invitationUrl: options.invitationUrl,
    roles: options.roles ?? defaultOrganizationRoles,
    disableOrganizationDeletion: options.disableOrganizationDeletion ?? false,
    organizationHooks: options.organizationHooks ?? {},
    teams: resolveTeamOptions(options.teams),
  } as ResolvedOrganizationOptions;
  Object.assign(resolved, resolveDynamicAccessControl(options)); // with it on, the default roles also manage roles
  if (!Object.hasOwn(resolved.roles, resolved.creatorRole)) {
    throw new ConfigError(`OrganizationPlugin: the creator role "${resolved.creatorRole}" is not one of the roles (${Object.keys(resolved.roles).join(', ')}).`);
  }
  if (Object.keys(resolved.roles).some((role) => role.includes(','))) throw new ConfigError('OrganizationPlugin: role names cannot contain commas (members store roles comma-separated).');
  if (!(resolved.invitationExpiresIn > 0)) throw new ConfigError('OrganizationPlugin: invitationExpiresIn must be a positive number of seconds.');
  for (const name of ['membershipLimit', 'invitationLimit', 'organizationLimit'] as const) {
    const value = resolved[name];
    if (typeof value === 'number' && !(value >= 0)) throw new ConfigError(`OrganizationPlugin: ${name} must be zero or more.`);
  }
  return resolved;
}
