import { ConfigError } from '../../../errors/config-error';

/** What a team limit function is told. */
export interface TeamLimitInput {
  organizationId: string;
  /** The team the member joins (`maximumMembersPerTeam` only). */
  teamId?: string;
}

/**
 * Teams inside organizations (better-auth's `teams` option).
 * @example
 * new OrganizationPlugin({ teams: { enabled: true, maximumTeams: 10, maximumMembersPerTeam: 50 } })
 */
export interface TeamOptions {
  enabled: boolean;
  /** Most teams an organization may have (default: no limit), or a function of the organization. */
  maximumTeams?: number | ((input: TeamLimitInput) => number | Promise<number>);
  /** Most members a team may have (default: no limit), or a function of the team. */
  maximumMembersPerTeam?: number | ((input: TeamLimitInput) => number | Promise<number>);
  /** Let an organization's last team be removed (default false: every organization keeps one). */
  allowRemovingAllTeams?: boolean;
  /** The team every new organization gets, named after it, with the creator in it (default enabled). */
  defaultTeam?: { enabled?: boolean };
}

/** The options with defaults applied; `enabled: false` when the app set none. */
export interface ResolvedTeamOptions {
  readonly enabled: boolean;
  readonly maximumTeams: TeamOptions['maximumTeams'];
  readonly maximumMembersPerTeam: TeamOptions['maximumMembersPerTeam'];
  readonly allowRemovingAllTeams: boolean;
  readonly defaultTeam: boolean;
}

/**
 * Resolves `teams` once; a negative limit is a configuration error.
 * @example
 * resolveTeamOptions({ enabled: true }).defaultTeam; // true
 */
export function resolveTeamOptions(teams: TeamOptions | undefined): ResolvedTeamOptions {
  const resolved: ResolvedTeamOptions = {
    enabled: teams?.enabled === true,
    maximumTeams: teams?.maximumTeams,
    maximumMembersPerTeam: teams?.maximumMembersPerTeam,
    allowRemovingAllTeams: teams?.allowRemovingAllTeams ?? false,
    defaultTeam: teams?.defaultTeam?.enabled ?? true,
  };
  for (const name of ['maximumTeams', 'maximumMembersPerTeam'] as const) {
    const value = resolved[name];
    if (typeof value === 'number' && !(value >= 0)) throw new ConfigError(`OrganizationPlugin: teams.${name} must be zero or more.`);
  }
  return resolved;
}

/** A limit as a number for this organization or team; `Infinity` when there is none. */
export async function teamLimit(limit: TeamOptions['maximumTeams'], input: TeamLimitInput): Promise<number> {
  if (limit === undefined) return Number.POSITIVE_INFINITY;
  return typeof limit === 'number' ? limit : await limit(input);
}
