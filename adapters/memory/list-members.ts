import type { EntityModel } from '../../entities/model/entity-model';
import type { ListMembersOptions } from '../inputs';
import { compareNullsLast, filterTest } from './list-users';

/**
 * One organization's members filtered and sorted for `listMembers` (paging is the caller's). Without `sortBy`
 * they stay in joining order; with it, ties keep that order, as the SQL adapter breaks them by id after
 * `createdAt`. Scans the organization's group only, never the whole table.
 * @example
 * selectMembers(model, group, { sortBy: 'role', sortDirection: 'desc', filter: { field: 'role', operator: 'ne', value: 'owner' } });
 */
export function selectMembers<M extends object>(model: EntityModel<M, 'member'>, members: readonly M[], options: ListMembersOptions): M[] {
  const { filter, sortBy, sortDirection } = options;
  const kept = filter ? members.filter(filterTest(model, filter)) : [...members];
  if (!sortBy) return kept;
  const direction = sortDirection === 'desc' ? -1 : 1;
  // Array#sort is stable: rows that tie keep joining order, so pages do not shuffle between requests.
  return kept.sort((a, b) => compareNullsLast(model.readUnchecked(a, sortBy), model.readUnchecked(b, sortBy), direction));
}
