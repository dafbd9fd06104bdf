import type { RouteDefinition } from '../../../http/route';
import type { ResolvedOrganizationOptions } from '../options';
import {
  addTeamMemberRoute,
  listActiveTeamMembersRoute,
  listTeamMembersRoute,
  listUserTeamsRoute,
  removeTeamMemberRoute,
} from './team-member-routes';
import { createTeamRoute, listTeamsRoute, removeTeamRoute, setActiveTeamRoute, updateTeamRoute } from './team-routes';

/**
 * Every team route, mounted by the organization plugin when `teams.enabled`.
 * @example
 * routes() { return [...organizationRoutes, ...(options.teams.enabled ? teamRouteSet(options) : [])]; }
 */
export function teamRouteSet(options: ResolvedOrganizationOptions): RouteDefinition[] {
  return [
    createTeamRoute(options),
    listTeamsRoute(),
    updateTeamRoute(options),
    removeTeamRoute(options),
    setActiveTeamRoute(),
    addTeamMemberRoute(options),
    removeTeamMemberRoute(options),
    listTeamMembersRoute(),
    listActiveTeamMembersRoute(),
    listUserTeamsRoute(options),
  ];
}
