import type { ListFilter, ListUsersOptions } from '../inputs';
import { compare, contains, matches, noneOf, oneOf, type Condition } from './sql-table';

const COMPARISONS = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** The WHERE conditions of `listUsers`: the email part, the text search and the filter, all of which must hold. */
export function userListConditions(options: ListUsersOptions): Condition[] {
  const conditions: Condition[] = [];
  if (options.emailContains) conditions.push(contains('email', options.emailContains));
  if (options.search) conditions.push(matches(options.search.field, options.search.operator ?? 'contains', options.search.value));
  if (options.filter) conditions.push(filterCondition(options.filter));
  return conditions;
}

/**
 * The WHERE condition of one list filter (users, members). `in` and `not_in` need at least one value (SQL has
 * no empty `IN ()`); the memory adapter refuses an empty list the same way.
 * @example
 * filterCondition({ field: 'role', operator: 'in', value: ['owner', 'admin'] }); // role IN (:...w_1)
 */
export function filterCondition(filter: ListFilter): Condition {
  const operator = filter.operator ?? 'eq';
  if (operator === 'contains' || operator === 'starts_with' || operator === 'ends_with') return matches(filter.field, operator, String(filter.value));
  if (operator === 'in' || operator === 'not_in') {
    const values = Array.isArray(filter.value) ? filter.value : [filter.value];
    if (values.length === 0) throw new TypeError(`A "${operator}" filter on ${filter.field} needs at least one value.`);
    return operator === 'in' ? oneOf(filter.field, values) : noneOf(filter.field, values);
  }
  return compare(filter.field, COMPARISONS[operator], filter.value);
}
