import { defineErrorCodes } from '../../../errors/declared-error';

/**
 * The team codes of better-auth's `organizationClient`, worded as it words them. One code has one status
 * here: `USER_IS_NOT_A_MEMBER_OF_THE_TEAM` is always a 400 (better-auth answers set-active-team's with 403).
 * The last three are declared for clients that know them; no route of 1.7 (nor ours) answers with them.
 */
export const TEAM_ERRORS = defineErrorCodes({
  TEAM_NOT_FOUND: { status: 400, message: 'Team not found' },
  INVALID_TEAM_ID: { status: 400, message: 'Team id contains a reserved character' },
  YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION: { status: 403, message: 'You are not allowed to create teams in this organization' },
  YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS: { status: 400, message: 'You have reached the maximum number of teams' },
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM: { status: 403, message: 'You are not allowed to update this team' },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM: { status: 403, message: 'You are not allowed to delete this team' },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION: { status: 403, message: 'You are not allowed to delete teams in this organization' },
  UNABLE_TO_REMOVE_LAST_TEAM: { status: 400, message: 'Unable to remove last team' },
  YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION: { status: 403, message: 'You are not allowed to access this organization as an owner' },
  YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER: { status: 403, message: 'You are not allowed to create a new member' },
  YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER: { status: 403, message: 'You are not allowed to remove a team member' },
  TEAM_MEMBER_LIMIT_REACHED: { status: 403, message: 'Team member limit reached' },
  USER_IS_NOT_A_MEMBER_OF_THE_TEAM: { status: 400, message: 'User is not a member of the team' },
  YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM: { status: 400, message: 'You do not have an active team' },
  TEAM_ALREADY_EXISTS: { status: 400, message: 'Team already exists' },
  YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM: { status: 403, message: 'You are not allowed to create a new team' },
  YOU_CAN_NOT_ACCESS_THE_MEMBERS_OF_THIS_TEAM: { status: 403, message: 'You are not allowed to list the members of this team' },
});
