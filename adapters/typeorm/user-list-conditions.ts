import type { ListUsersOptions, UserFilter } from '../inputs';
import { compare, contains, matches, type Condition } from './sql-table';

const COMPARISONS = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** The WHERE conditions of `listUsers`: the email part, the text search and the filter, all of which must hold. */
export function userListConditions(options: ListUsersOptions): Condition[] {
  const conditions: Condition[] = [];
  if (options.emailContains) conditions.push(contains('email', options.emailContains));
  if (options.search) conditions.push(matches(options.search.field, options.search.operator ?? 'contains', options.search.value));
  if (options.filter) conditions.push(filterCondition(options.filter));
  return conditions;
}

function filterCondition(filter: UserFilter): Condition {
  const operator = filter.operator ?? 'eq';
  if (operator === 'contains' || operator === 'starts_with' || operator === 'ends_with') return matches(filter.field, operator, String(filter.value));
  return compare(filter.field, COMPARISONS[operator], filter.value);
}
