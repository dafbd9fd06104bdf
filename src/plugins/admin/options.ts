import { ConfigError } from '../../errors/config-error';
import type { Role } from '../../core/access-control';
import { defaultAdminRoles } from './access';

/** Options of `AdminPlugin`, with better-auth's names. */
export interface AdminOptions {
  /** The role of new users (default `user`); a user without a role is treated as having it. */
  defaultRole?: string;
  /** Which roles make a user an admin, i.e. protected from other admins (default `['admin']`); each must be in `roles`. */
  adminRoles?: string | string[];
  /** Users who may do everything, whatever their role. */
  adminUserIds?: string[];
  /** What each role may do (default: `admin` everything but acting on admins, `user` nothing). */
  roles?: Record<string, Role>;
  /** Let anyone who may impersonate also impersonate admins (default false: it takes `impersonate-admins`). */
  allowImpersonatingAdmins?: boolean;
  /** How long an impersonation session lasts, in seconds (default 3600). */
  impersonationSessionDuration?: number;
  /** The reason stored when a ban gives none (default `No reason`). */
  defaultBanReason?: string;
  /** How long a ban lasts when it says nothing, in seconds (default: for ever). */
  defaultBanExpiresIn?: number;
  /** What a banned user is told on sign-in (default: that they are banned, with the reason). */
  bannedUserMessage?: string | ((ban: { reason: string | null; expires: Date | null }) => string);
}

export interface ResolvedAdminOptions {
  defaultRole: string;
  adminRoles: readonly string[];
  adminUserIds: readonly string[];
  roles: Readonly<Record<string, Role>>;
  allowImpersonatingAdmins: boolean;
  impersonationSessionMs: number;
  defaultBanReason: string;
  defaultBanExpiresInMs: number | null;
  bannedUserMessage: (ban: { reason: string | null; expires: Date | null }) => string;
}

const HOUR_SECONDS = 3600;

function defaultBannedUserMessage(ban: { reason: string | null }): string {
  return ban.reason ? `You have been banned from this application. Reason: ${ban.reason}` : 'You have been banned from this application';
}

export function resolveAdminOptions(options: AdminOptions): ResolvedAdminOptions {
  const roles = options.roles ?? defaultAdminRoles;
  const adminRoles = splitRoles(options.adminRoles ?? ['admin']);
  const unknown = adminRoles.filter((role) => !Object.hasOwn(roles, role));
  if (unknown.length > 0) throw new ConfigError(`AdminPlugin: adminRoles ${unknown.join(', ')} are not in roles (${Object.keys(roles).join(', ')}).`);
  const duration = options.impersonationSessionDuration ?? HOUR_SECONDS;
  if (!(duration > 0)) throw new ConfigError('AdminPlugin: impersonationSessionDuration must be a positive number of seconds.');
  const message = options.bannedUserMessage;
  return {
    defaultRole: options.defaultRole ?? 'user',
    adminRoles,
    adminUserIds: options.adminUserIds ?? [],
    roles,
    allowImpersonatingAdmins: options.allowImpersonatingAdmins ?? false,
    impersonationSessionMs: duration * 1000,
    defaultBanReason: options.defaultBanReason ?? 'No reason',
    defaultBanExpiresInMs: options.defaultBanExpiresIn ? options.defaultBanExpiresIn * 1000 : null,
    bannedUserMessage: typeof message === 'function' ? message : typeof message === 'string' ? () => message : defaultBannedUserMessage,
  };
}

/** Roles are stored comma-separated (`admin,support`), as better-auth stores them. */
export function splitRoles(roles: string | readonly string[] | null | undefined): string[] {
  if (roles == null) return [];
  const list = typeof roles === 'string' ? roles.split(',') : roles;
  return list.map((role) => role.trim()).filter((role) => role !== '');
}
